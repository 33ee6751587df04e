import { Injectable } from '@nestjs/common';
import { isUniqueViolation, randomAwsId, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { EntityAlreadyExistsError } from '../domain/iam.errors';
import { MAX_SESSION_DURATION } from '../domain/iam-limits';
import { type Tag } from '../domain/iam-names';
import { type IamRole, type NewIamRole, type PolicyDocument } from '../domain/iam-role';

interface RoleRow {
  id: string;
  account_id: string;
  name: string;
  path: string;
  trust_policy: PolicyDocument;
  description: string | null;
  max_session_seconds: number;
  tags: Tag[];
  created_at: Date;
}

const COLUMNS =
  'id, account_id, name, path, trust_policy, description, max_session_seconds, tags, created_at';

/** IAM roles of an account. Role names are unique per account, ignoring case (uq_iam_roles_account_name). */
@Injectable()
export class IamRoleRepository {
  async insert(em: EntityManager, role: NewIamRole, at: Date): Promise<IamRole> {
    const created: IamRole = {
      id: randomAwsId('AROA'),
      accountId: role.accountId,
      name: role.name,
      path: role.path ?? '/',
      trustPolicy: role.trustPolicy,
      ...(role.description === undefined ? {} : { description: role.description }),
      maxSessionSeconds: role.maxSessionSeconds ?? MAX_SESSION_DURATION.default,
      tags: role.tags ?? [],
      createdAt: at,
    };
    try {
      await sql(
        em,
        `INSERT INTO iam_roles (id, account_id, name, path, trust_policy, description, max_session_seconds, tags, created_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9)`,
        [
          created.id,
          created.accountId,
          created.name,
          created.path,
          JSON.stringify(created.trustPolicy),
          created.description ?? null,
          created.maxSessionSeconds,
          JSON.stringify(created.tags),
          created.createdAt,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'uq_iam_roles_account_name')) {
        throw new EntityAlreadyExistsError(`Role with name ${role.name} already exists.`);
      }
      throw error;
    }
    if (role.managedPolicyIds?.length) {
      await sql(
        em,
        `INSERT INTO iam_policy_attachments (policy_id, account_id, role_id, attached_at)
         SELECT unnest($1::text[]), $2, $3, $4`,
        [role.managedPolicyIds, created.accountId, created.id, at],
      );
    }
    return created;
  }

  /** The role, optionally locked for a change of its attachments or inline policies. */
  async findByName(
    em: EntityManager,
    accountId: string,
    name: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<IamRole | undefined> {
    const { rows } = await sql<RoleRow>(
      em,
      `SELECT ${COLUMNS} FROM iam_roles WHERE account_id = $1 AND lower(name) = lower($2)${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [accountId, name],
    );
    return rows[0] ? toIamRole(rows[0]) : undefined;
  }

  async findById(em: EntityManager, id: string): Promise<IamRole | undefined> {
    const { rows } = await sql<RoleRow>(em, `SELECT ${COLUMNS} FROM iam_roles WHERE id = $1`, [id]);
    return rows[0] ? toIamRole(rows[0]) : undefined;
  }

  /** Roles whose path starts with `pathPrefix`, by name, after `afterName` (lower case). */
  async list(
    em: EntityManager,
    accountId: string,
    options: { pathPrefix: string; afterName?: string; limit: number },
  ): Promise<IamRole[]> {
    const { rows } = await sql<RoleRow>(
      em,
      `SELECT ${COLUMNS} FROM iam_roles
        WHERE account_id = $1 AND starts_with(path, $2) AND ($3::text IS NULL OR lower(name) > $3)
        ORDER BY lower(name) LIMIT $4`,
      [accountId, options.pathPrefix, options.afterName ?? null, options.limit],
    );
    return rows.map(toIamRole);
  }

  /** Deletes the role; its sessions go with it (fk_sts_sessions_role cascades). */
  async delete(em: EntityManager, id: string): Promise<void> {
    await sql(em, `DELETE FROM iam_roles WHERE id = $1`, [id]);
  }
}

function toIamRole(row: RoleRow): IamRole {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    path: row.path,
    trustPolicy: row.trust_policy,
    ...(row.description === null ? {} : { description: row.description }),
    maxSessionSeconds: row.max_session_seconds,
    tags: row.tags,
    createdAt: row.created_at,
  };
}
