import { Injectable } from '@nestjs/common';
import { isUniqueViolation, randomAwsId, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { NamedPrincipalTable } from './named-principal.table';
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

/**
 * IAM roles of an account. Role names are unique per account, ignoring case (uq_iam_roles_account_name);
 * deleting a role deletes its sessions (fk_sts_sessions_role cascades).
 */
@Injectable()
export class IamRoleRepository extends NamedPrincipalTable<RoleRow, IamRole> {
  constructor() {
    super('iam_roles', COLUMNS, toIamRole);
  }

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
