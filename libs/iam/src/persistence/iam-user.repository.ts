import { Injectable } from '@nestjs/common';
import { isUniqueViolation, randomAwsId, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { NamedPrincipalTable } from './named-principal.table';
import { EntityAlreadyExistsError } from '../domain/iam.errors';
import { type Tag } from '../domain/iam-names';
import { type IamUser } from '../domain/iam-user';

interface UserRow {
  id: string;
  account_id: string;
  name: string;
  path: string;
  tags: Tag[];
  created_at: Date;
}

const COLUMNS = 'id, account_id, name, path, tags, created_at';

/** IAM users. Names are unique per account, ignoring case (uq_iam_users_account_name). */
@Injectable()
export class IamUserRepository extends NamedPrincipalTable<UserRow, IamUser> {
  constructor() {
    super('iam_users', COLUMNS, toIamUser);
  }

  async insert(
    em: EntityManager,
    user: { accountId: string; name: string; path: string; tags: readonly Tag[] },
    at: Date,
  ): Promise<IamUser> {
    const created: IamUser = { id: randomAwsId('AIDA'), ...user, createdAt: at };
    try {
      await sql(
        em,
        `INSERT INTO iam_users (id, account_id, name, path, tags, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
        [created.id, created.accountId, created.name, created.path, JSON.stringify(created.tags), at],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'uq_iam_users_account_name')) {
        throw new EntityAlreadyExistsError(`User with name ${user.name} already exists.`);
      }
      throw error;
    }
    return created;
  }
}

function toIamUser(row: UserRow): IamUser {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    path: row.path,
    tags: row.tags,
    createdAt: row.created_at,
  };
}
