import { Injectable } from '@nestjs/common';
import { DomainError, isUniqueViolation, randomAccountId, sql } from '@app/platform';
import { type EntityManager, In } from 'typeorm';
import { type Account, type AccountDetails, type AccountStatus } from '../domain/account';
import { AccountEntity } from './account.entity';

export class EmailAlreadyUsedError extends DomainError {
  constructor(email: string) {
    super('ValidationException', `An account with the email address ${email} already exists.`);
  }
}

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
        await em.query('SAVEPOINT account_insert');
        await em.insert(AccountEntity, {
          id,
          name: details.name,
          email: details.email,
          status: 'ACTIVE',
          isOperator: details.isOperator ?? false,
          createdAt: at,
        });
        await em.query('RELEASE SAVEPOINT account_insert');
        return { id, name: details.name, email: details.email, status: 'ACTIVE', createdAt: at };
      } catch (error) {
        await em.query('ROLLBACK TO SAVEPOINT account_insert');
        if (isUniqueViolation(error, 'uq_accounts_email')) throw new EmailAlreadyUsedError(details.email);
        if (!isUniqueViolation(error, 'pk_accounts') || details.id !== undefined || attempt >= 5) throw error;
      }
    }
  }

  async find(em: EntityManager, id: string): Promise<Account | undefined> {
    const row = await em.findOne(AccountEntity, { where: { id } });
    return row ? toAccount(row) : undefined;
  }

  async findMany(em: EntityManager, ids: readonly string[]): Promise<Map<string, Account>> {
    if (ids.length === 0) return new Map();
    const rows = await em.find(AccountEntity, { where: { id: In([...ids]) } });
    return new Map(rows.map((row) => [row.id, toAccount(row)]));
  }

  async findByEmail(em: EntityManager, email: string): Promise<Account | undefined> {
    const row = await em
      .createQueryBuilder(AccountEntity, 'a')
      .where('lower(a.email) = lower(:email)', { email })
      .getOne();
    return row ? toAccount(row) : undefined;
  }

  /**
   * Sets the account's status. A SUSPENDED account's credentials stop authenticating on the next
   * request: authentication reads the status with every credential, uncached.
   */
  async setStatus(em: EntityManager, id: string, status: AccountStatus): Promise<void> {
    await sql(em, `UPDATE accounts SET status = $2 WHERE id = $1`, [id, status]);
  }

  async findOperator(em: EntityManager): Promise<Account | undefined> {
    const row = await em.findOne(AccountEntity, { where: { isOperator: true }, order: { createdAt: 'ASC' } });
    return row ? toAccount(row) : undefined;
  }
}

function toAccount(row: AccountEntity): Account {
  return { id: row.id, name: row.name, email: row.email, status: row.status, createdAt: row.createdAt };
}
