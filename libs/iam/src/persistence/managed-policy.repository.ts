import { Injectable } from '@nestjs/common';
import { isUniqueViolation, randomAwsId, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { EntityAlreadyExistsError } from '../domain/iam.errors';
import { type ManagedPolicy, type PolicyVersion } from '../domain/managed-policy';

interface PolicyRow {
  id: string;
  account_id: string | null;
  name: string;
  path: string;
  description: string | null;
  default_version_id: string;
  next_version: number;
  attachment_count: number;
  created_at: Date;
  updated_at: Date;
}

/** Columns of `iam_managed_policies p`; attachments are counted in the account at `$<accountParam>`. */
function columns(accountParam: number): string {
  return `p.id, p.account_id, p.name, p.path, p.description, p.default_version_id, p.next_version,
    (SELECT count(*)::int FROM iam_policy_attachments a WHERE a.policy_id = p.id AND a.account_id = $${accountParam})
      AS attachment_count,
    p.created_at, p.updated_at`;
}

/** Which managed policies a listing shows (IAM ListPolicies' Scope). */
export type PolicyScope = 'All' | 'AWS' | 'Local';

/**
 * Managed policies and their versions. Customer managed policies belong to an account (names unique
 * per account, ignoring case); AWS managed ones have no account. Version documents are immutable.
 */
@Injectable()
export class ManagedPolicyRepository {
  async insert(
    em: EntityManager,
    policy: { accountId: string; name: string; path: string; description?: string; document: string },
    at: Date,
  ): Promise<ManagedPolicy> {
    const id = randomAwsId('ANPA');
    try {
      await sql(
        em,
        `INSERT INTO iam_managed_policies (id, account_id, name, path, description, default_version_id, next_version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'v1', 2, $6, $6)`,
        [id, policy.accountId, policy.name, policy.path, policy.description ?? null, at],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'uq_iam_managed_policies_account_name')) {
        throw new EntityAlreadyExistsError(
          `A policy called ${policy.name} already exists. Duplicate names are not allowed.`,
        );
      }
      throw error;
    }
    await this.insertVersion(em, id, 'v1', policy.document, at);
    return {
      id,
      accountId: policy.accountId,
      name: policy.name,
      path: policy.path,
      ...(policy.description === undefined ? {} : { description: policy.description }),
      defaultVersionId: 'v1',
      nextVersion: 2,
      attachmentCount: 0,
      createdAt: at,
      updatedAt: at,
    };
  }

  /**
   * The policy named by an ARN's parts (`owner` is 12 digits, or `aws`; the path must match too),
   * with its attachments counted in `accountId`. `forUpdate` locks it for a version change or deletion.
   */
  async findByName(
    em: EntityManager,
    accountId: string,
    arn: { owner: string; path: string; name: string },
    options: { forUpdate?: boolean } = {},
  ): Promise<ManagedPolicy | undefined> {
    const { rows } = await sql<PolicyRow>(
      em,
      `SELECT ${columns(4)} FROM iam_managed_policies p
        WHERE coalesce(p.account_id, 'aws') = $1 AND lower(p.name) = lower($2) AND p.path = $3
        ${options.forUpdate ? 'FOR UPDATE OF p' : ''}`,
      [arn.owner, arn.name, arn.path, accountId],
    );
    return rows[0] ? toManagedPolicy(rows[0]) : undefined;
  }

  /** Policies visible to an account (its own and the AWS managed ones), by name, after `afterName`. */
  async list(
    em: EntityManager,
    accountId: string,
    options: {
      scope: PolicyScope;
      onlyAttached: boolean;
      pathPrefix: string;
      afterName?: string;
      limit: number;
    },
  ): Promise<ManagedPolicy[]> {
    const owners =
      options.scope === 'AWS'
        ? 'p.account_id IS NULL'
        : options.scope === 'Local'
          ? 'p.account_id = $1'
          : '(p.account_id IS NULL OR p.account_id = $1)';
    const attached = options.onlyAttached
      ? 'AND EXISTS (SELECT 1 FROM iam_policy_attachments a WHERE a.policy_id = p.id AND a.account_id = $1)'
      : '';
    const { rows } = await sql<PolicyRow>(
      em,
      `SELECT ${columns(1)} FROM iam_managed_policies p
        WHERE ${owners} ${attached} AND starts_with(p.path, $2) AND ($3::text IS NULL OR lower(p.name) > $3)
        ORDER BY lower(p.name) LIMIT $4`,
      [accountId, options.pathPrefix, options.afterName ?? null, options.limit],
    );
    return rows.map(toManagedPolicy);
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await sql(em, `DELETE FROM iam_managed_policies WHERE id = $1`, [id]);
  }

  async insertVersion(
    em: EntityManager,
    policyId: string,
    versionId: string,
    document: string,
    at: Date,
  ): Promise<void> {
    await sql(
      em,
      `INSERT INTO iam_policy_versions (policy_id, version_id, document, created_at) VALUES ($1, $2, $3, $4)`,
      [policyId, versionId, document, at],
    );
  }

  /** Records a new version number and, when asked, makes `defaultVersionId` the default. */
  async update(
    em: EntityManager,
    id: string,
    change: { nextVersion?: number; defaultVersionId?: string },
    at: Date,
  ): Promise<void> {
    await sql(
      em,
      `UPDATE iam_managed_policies
          SET next_version = coalesce($2, next_version), default_version_id = coalesce($3, default_version_id), updated_at = $4
        WHERE id = $1`,
      [id, change.nextVersion ?? null, change.defaultVersionId ?? null, at],
    );
  }

  async listVersions(em: EntityManager, policy: ManagedPolicy): Promise<PolicyVersion[]> {
    const { rows } = await sql<{ version_id: string; document: string; created_at: Date }>(
      em,
      `SELECT version_id, document, created_at FROM iam_policy_versions WHERE policy_id = $1
        ORDER BY length(version_id) DESC, version_id DESC`,
      [policy.id],
    );
    return rows.map((row) => toVersion(row, policy));
  }

  async findVersion(
    em: EntityManager,
    policy: ManagedPolicy,
    versionId: string,
  ): Promise<PolicyVersion | undefined> {
    const { rows } = await sql<{ version_id: string; document: string; created_at: Date }>(
      em,
      `SELECT version_id, document, created_at FROM iam_policy_versions WHERE policy_id = $1 AND version_id = $2`,
      [policy.id, versionId],
    );
    return rows[0] ? toVersion(rows[0], policy) : undefined;
  }

  async deleteVersion(em: EntityManager, policyId: string, versionId: string): Promise<void> {
    await sql(em, `DELETE FROM iam_policy_versions WHERE policy_id = $1 AND version_id = $2`, [
      policyId,
      versionId,
    ]);
  }
}

function toVersion(
  row: { version_id: string; document: string; created_at: Date },
  policy: ManagedPolicy,
): PolicyVersion {
  return {
    versionId: row.version_id,
    document: row.document,
    isDefaultVersion: row.version_id === policy.defaultVersionId,
    createdAt: row.created_at,
  };
}

function toManagedPolicy(row: PolicyRow): ManagedPolicy {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    path: row.path,
    ...(row.description === null ? {} : { description: row.description }),
    defaultVersionId: row.default_version_id,
    nextVersion: row.next_version,
    attachmentCount: row.attachment_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
