import { Injectable } from '@nestjs/common';
import { organizationOfAccountSql } from '@app/organizations';
import { sql } from '@app/platform';
import { regionStandingSql } from '@app/regions';
import { type EntityManager } from 'typeorm';
import { type RecipientStanding } from '../domain/service-record';

/** A recipient of submitted records as stored: its standing and its organization. */
export interface Recipient extends RecipientStanding {
  readonly accountId: string;
  readonly region: string;
  readonly organizationId: string | null;
}

interface RecipientRow {
  readonly account_id: string;
  readonly region: string;
  readonly account_exists: boolean;
  readonly standing: 'enabled' | 'disabled' | null;
  readonly organization_id: string | null;
}

/** The accounts and Regions submitted records are for, read in one statement per batch. */
@Injectable()
export class RecipientRepository {
  async standings(
    em: EntityManager,
    pairs: ReadonlyArray<{ readonly accountId: string; readonly region: string }>,
  ): Promise<Recipient[]> {
    if (pairs.length === 0) return [];
    const { rows } = await sql<RecipientRow>(
      em,
      `SELECT p.account_id, p.region,
              EXISTS (SELECT 1 FROM accounts a WHERE a.id = p.account_id) AS account_exists,
              ${regionStandingSql('p.account_id', 'p.region')} AS standing,
              ${organizationOfAccountSql('p.account_id')} AS organization_id
         FROM unnest($1::char(12)[], $2::text[]) AS p(account_id, region)`,
      [pairs.map((p) => p.accountId), pairs.map((p) => p.region)],
    );
    return rows.map((row) => ({
      accountId: row.account_id,
      region: row.region,
      exists: row.account_exists,
      regionEnabled: row.standing === 'enabled',
      organizationId: row.organization_id,
    }));
  }

  /** Whether the account is the operator's (the partition's own account). */
  async isOperatorAccount(em: EntityManager, accountId: string): Promise<boolean> {
    const { rows } = await sql<{ is_operator: boolean }>(
      em,
      `SELECT is_operator FROM accounts WHERE id = $1`,
      [accountId],
    );
    return rows[0]?.is_operator ?? false;
  }
}
