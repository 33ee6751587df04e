import { Injectable } from '@nestjs/common';
import { isUniqueViolation, randomAccountId, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type Account, type AccountDetails, type AccountStatus } from '../domain/account';
import { EmailAlreadyUsedError } from '../domain/account.errors';

interface AccountRow {
  id: string;
  name: string;
  email: string;
  status: AccountStatus;
  created_at: Date;
}

const COLUMNS = 'id, name, email, status, created_at';

@Injectable()
export class AccountRepository {
  /**
   * Creates an account with a fresh 12-digit id (or `id`); a duplicate e-mail raises
   * EmailAlreadyUsedError. Runs in a savepoint so the caller's transaction survives a collision.
   */
  async insert(
    em: EntityManager,
    details: AccountDetails & { id?: string; isOperator?: boolean },
    at: Date,
  ): Promise<Account> {
    for (let attempt = 0; ; attempt++) {
      const id = details.id ?? randomAccountId();
      try {
        await sql(em, 'SAVEPOINT account_insert');
        await sql(
          em,
          `INSERT INTO accounts (id, name, email, status, is_operator, created_at) VALUES ($1, $2, $3, 'ACTIVE', $4, $5)`,
          [id, details.name, details.email, details.isOperator ?? false, at],
        );
        await sql(em, 'RELEASE SAVEPOINT account_insert');
        return { id, name: details.name, email: details.email, status: 'ACTIVE', createdAt: at };
      } catch (error) {
        await sql(em, 'ROLLBACK TO SAVEPOINT account_insert');
        if (isUniqueViolation(error, 'uq_accounts_email')) throw new EmailAlreadyUsedError(details.email);
        if (!isUniqueViolation(error, 'pk_accounts') || details.id !== undefined || attempt >= 5) throw error;
      }
    }
  }

  async find(em: EntityManager, id: string): Promise<Account | undefined> {
    const { rows } = await sql<AccountRow>(em, `SELECT ${COLUMNS} FROM accounts WHERE id = $1`, [id]);
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  async findMany(em: EntityManager, ids: readonly string[]): Promise<Map<string, Account>> {
    if (ids.length === 0) return new Map();
    const { rows } = await sql<AccountRow>(
      em,
      `SELECT ${COLUMNS} FROM accounts WHERE id = ANY($1::char(12)[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, toAccount(row)]));
  }

  async findByEmail(em: EntityManager, email: string): Promise<Account | undefined> {
    const { rows } = await sql<AccountRow>(
      em,
      `SELECT ${COLUMNS} FROM accounts WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  /**
   * Sets the account's status. A SUSPENDED account's credentials stop authenticating on the next
   * request: authentication reads the status with every credential, uncached.
   */
  async setStatus(em: EntityManager, id: string, status: AccountStatus): Promise<void> {
    await sql(em, `UPDATE accounts SET status = $2 WHERE id = $1`, [id, status]);
  }

  /** The operator account: the first one created, should there ever be several. */
  async findOperator(em: EntityManager): Promise<Account | undefined> {
    const { rows } = await sql<AccountRow>(
      em,
      `SELECT ${COLUMNS} FROM accounts WHERE is_operator ORDER BY created_at LIMIT 1`,
    );
    return rows[0] ? toAccount(rows[0]) : undefined;
  }
}

function toAccount(row: AccountRow): Account {
  return { id: row.id, name: row.name, email: row.email, status: row.status, createdAt: row.created_at };
}
