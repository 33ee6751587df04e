import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';

export interface AccountClosure {
  readonly accountId: string;
  readonly organizationId: string;
  readonly closedAt: Date;
  /** When the account leaves the organization. */
  readonly departsAt: Date;
}

/** CloseAccount's closures: the quota's history, and the accounts due to leave their organization. */
@Injectable()
export class AccountClosureRepository {
  async insert(em: EntityManager, closure: AccountClosure): Promise<void> {
    await sql(
      em,
      `INSERT INTO organization_account_closures (account_id, organization_id, closed_at, departs_at)
       VALUES ($1, $2, $3, $4)`,
      [closure.accountId, closure.organizationId, closure.closedAt, closure.departsAt],
    );
  }

  /** Closures the organization made at or after `since`, departed or not. */
  async countSince(em: EntityManager, organizationId: string, since: Date): Promise<number> {
    const { rows } = await sql<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM organization_account_closures WHERE organization_id = $1 AND closed_at >= $2`,
      [organizationId, since],
    );
    return rows[0]?.n ?? 0;
  }

  /** Closed accounts still in their organization whose closure period ended by `now`, soonest first. */
  async due(em: EntityManager, now: Date, limit: number): Promise<AccountClosure[]> {
    const { rows } = await sql<{
      account_id: string;
      organization_id: string;
      closed_at: Date;
      departs_at: Date;
    }>(
      em,
      `SELECT account_id, organization_id, closed_at, departs_at FROM organization_account_closures
        WHERE departed_at IS NULL AND departs_at <= $1
        ORDER BY departs_at, account_id LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => ({
      accountId: row.account_id,
      organizationId: row.organization_id,
      closedAt: row.closed_at,
      departsAt: row.departs_at,
    }));
  }

  /** Records the departure; false when it was already recorded (another sweep got there first). */
  async markDeparted(em: EntityManager, accountId: string, at: Date): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `UPDATE organization_account_closures SET departed_at = $2 WHERE account_id = $1 AND departed_at IS NULL`,
      [accountId, at],
    );
    return rowCount === 1;
  }
}
