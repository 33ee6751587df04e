import { Injectable } from '@nestjs/common';
import { isUniqueViolation, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type OrganizationPolicyRecord } from '../domain/organization-policy';
import { DuplicatePolicyError } from '../domain/organization-policy.errors';
import { type PolicyType } from '../domain/policy-types';

interface PolicyRow {
  id: string;
  organization_id: string | null;
  type: PolicyType;
  name: string;
  description: string;
  content: string;
  revision: number;
}

const COLUMNS = 'id, organization_id, type, name, description, content, revision';

/**
 * Organizations policies of every type: an organization's own (names unique per organization and
 * type) and the AWS managed ones every organization sees (organization NULL). `revision` versions
 * the content.
 */
@Injectable()
export class OrganizationPolicyRepository {
  async insert(
    em: EntityManager,
    policy: Omit<OrganizationPolicyRecord, 'revision'> & { organizationId: string },
    at: Date,
  ): Promise<OrganizationPolicyRecord> {
    try {
      await sql(
        em,
        `INSERT INTO organization_policies (id, organization_id, type, name, description, content, revision, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7)`,
        [policy.id, policy.organizationId, policy.type, policy.name, policy.description, policy.content, at],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'uq_organization_policies_name')) throw new DuplicatePolicyError();
      if (isUniqueViolation(error, 'pk_organization_policies')) throw new Error('Policy id collision');
      throw error;
    }
    return { ...policy, revision: 1 };
  }

  /** The organization's own policy or an AWS managed one; `forUpdate` locks an own policy's row. */
  async find(
    em: EntityManager,
    organizationId: string,
    id: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<OrganizationPolicyRecord | undefined> {
    const { rows } = await sql<PolicyRow>(
      em,
      `SELECT ${COLUMNS} FROM organization_policies
        WHERE id = $2 AND (organization_id = $1 OR organization_id IS NULL)${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [organizationId, id],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Several policies at once (the policies of an organization path). */
  async findMany(em: EntityManager, ids: readonly string[]): Promise<Map<string, OrganizationPolicyRecord>> {
    if (ids.length === 0) return new Map();
    const { rows } = await sql<PolicyRow>(
      em,
      `SELECT ${COLUMNS} FROM organization_policies WHERE id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, toRecord(row)]));
  }

  /** Own and AWS managed policies of a type, by id, after `afterId`. */
  async list(
    em: EntityManager,
    organizationId: string,
    type: PolicyType,
    page: { afterId?: string; limit: number },
  ): Promise<OrganizationPolicyRecord[]> {
    const { rows } = await sql<PolicyRow>(
      em,
      `SELECT ${COLUMNS} FROM organization_policies
        WHERE (organization_id = $1 OR organization_id IS NULL) AND type = $2 AND ($3::text IS NULL OR id > $3)
        ORDER BY id LIMIT $4`,
      [organizationId, type, page.afterId ?? null, page.limit],
    );
    return rows.map(toRecord);
  }

  /** The organization's own policies of a type (its quota). */
  async count(em: EntityManager, organizationId: string, type: PolicyType): Promise<number> {
    const { rows } = await sql<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM organization_policies WHERE organization_id = $1 AND type = $2`,
      [organizationId, type],
    );
    return rows[0]?.n ?? 0;
  }

  /** Changes name, description or content (a content change bumps the revision). */
  async update(
    em: EntityManager,
    id: string,
    change: { name?: string; description?: string; content?: string },
    at: Date,
  ): Promise<void> {
    try {
      await sql(
        em,
        `UPDATE organization_policies
            SET name = coalesce($2, name), description = coalesce($3, description), content = coalesce($4, content),
                revision = revision + CASE WHEN $4::text IS NULL OR $4::text = content THEN 0 ELSE 1 END, updated_at = $5
          WHERE id = $1`,
        [id, change.name ?? null, change.description ?? null, change.content ?? null, at],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'uq_organization_policies_name')) throw new DuplicatePolicyError();
      throw error;
    }
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await sql(em, `DELETE FROM organization_policies WHERE id = $1`, [id]);
  }
}

function toRecord(row: PolicyRow): OrganizationPolicyRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    type: row.type,
    name: row.name,
    description: row.description,
    content: row.content,
    revision: row.revision,
  };
}
