import { Injectable } from '@nestjs/common';
import { isUniqueViolation, randomAwsId, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
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
export class IamUserRepository {
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

  /** The user, optionally locked for a change of its keys, attachments or inline policies. */
  async findByName(
    em: EntityManager,
    accountId: string,
    name: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<IamUser | undefined> {
    const { rows } = await sql<UserRow>(
      em,
      `SELECT ${COLUMNS} FROM iam_users WHERE account_id = $1 AND lower(name) = lower($2)${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [accountId, name],
    );
    return rows[0] ? toIamUser(rows[0]) : undefined;
  }

  async findById(em: EntityManager, id: string): Promise<IamUser | undefined> {
    const { rows } = await sql<UserRow>(em, `SELECT ${COLUMNS} FROM iam_users WHERE id = $1`, [id]);
    return rows[0] ? toIamUser(rows[0]) : undefined;
  }

  /** Users whose path starts with `pathPrefix`, by name, after `afterName` (lower case). */
  async list(
    em: EntityManager,
    accountId: string,
    options: { pathPrefix: string; afterName?: string; limit: number },
  ): Promise<IamUser[]> {
    const { rows } = await sql<UserRow>(
      em,
      `SELECT ${COLUMNS} FROM iam_users
        WHERE account_id = $1 AND starts_with(path, $2) AND ($3::text IS NULL OR lower(name) > $3)
        ORDER BY lower(name) LIMIT $4`,
      [accountId, options.pathPrefix, options.afterName ?? null, options.limit],
    );
    return rows.map(toIamUser);
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await sql(em, `DELETE FROM iam_users WHERE id = $1`, [id]);
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
