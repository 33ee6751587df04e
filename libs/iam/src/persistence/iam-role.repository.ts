import { Injectable } from '@nestjs/common';
import { DomainError, isUniqueViolation, randomAwsId, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type IamRole, type NewIamRole } from '../domain/iam-role';
import { IamRoleEntity } from './iam-role.entity';

const DEFAULT_MAX_SESSION_SECONDS = 3600;

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
      maxSessionSeconds: role.maxSessionSeconds ?? DEFAULT_MAX_SESSION_SECONDS,
      createdAt: at,
    };
    try {
      await sql(
        em,
        `INSERT INTO iam_roles (id, account_id, name, path, trust_policy, description, max_session_seconds, created_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
        [
          created.id,
          created.accountId,
          created.name,
          created.path,
          JSON.stringify(created.trustPolicy),
          created.description ?? null,
          created.maxSessionSeconds,
          created.createdAt,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'uq_iam_roles_account_name')) {
        throw new DomainError('EntityAlreadyExists', `Role with name ${role.name} already exists.`);
      }
      throw error;
    }
    return created;
  }

  async findByName(em: EntityManager, accountId: string, name: string): Promise<IamRole | undefined> {
    const row = await em
      .createQueryBuilder(IamRoleEntity, 'r')
      .where('r.account_id = :accountId AND lower(r.name) = lower(:name)', { accountId, name })
      .getOne();
    return row ? toIamRole(row) : undefined;
  }
}

function toIamRole(row: IamRoleEntity): IamRole {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    path: row.path,
    trustPolicy: row.trustPolicy,
    ...(row.description === null ? {} : { description: row.description }),
    maxSessionSeconds: row.maxSessionSeconds,
    createdAt: row.createdAt,
  };
}
