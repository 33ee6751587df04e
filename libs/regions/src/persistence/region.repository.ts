import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type Region, type RegionStanding } from '../domain/region';

/**
 * A scalar SQL expression for the standing of the Region named by `regionExpression` for the
 * account in `accountColumn`: 'enabled', 'disabled', or NULL when there is no such Region. Request
 * authentication selects it with the caller's credential, so checking the Region costs no round
 * trip of its own and still sees every committed opt-in change at once.
 */
export function regionStandingSql(accountColumn: string, regionExpression: string): string {
  return `(SELECT CASE WHEN NOT r.opt_in
                         OR EXISTS (SELECT 1 FROM account_regions ar
                                     WHERE ar.account_id = ${accountColumn} AND ar.region = r.name)
                       THEN 'enabled' ELSE 'disabled' END
             FROM regions r WHERE r.name = ${regionExpression})`;
}

/**
 * A subquery selecting, as `region`, every Region enabled in the account `accountId` (a SQL
 * expression): the partition's default Regions and the opt-in Regions the account enabled. Only
 * launched Regions are in the catalogue. Trail propagation joins it to place replicas.
 */
export function enabledRegionsSql(accountId: string): string {
  return `SELECT catalogued.name AS region FROM regions catalogued
           WHERE NOT catalogued.opt_in
              OR EXISTS (SELECT 1 FROM account_regions opted
                          WHERE opted.account_id = ${accountId} AND opted.region = catalogued.name)`;
}

/** What `regionStandingSql` selected, as a standing. */
export function regionStandingOf(selected: 'enabled' | 'disabled' | null): RegionStanding {
  return selected ?? 'unknown';
}

interface RegionRow {
  name: string;
  opt_in: boolean;
}

/** The partition's Region catalogue and each account's opt-in enablements. */
@Injectable()
export class RegionRepository {
  async list(em: EntityManager): Promise<Region[]> {
    const { rows } = await sql<RegionRow>(em, `SELECT name, opt_in FROM regions ORDER BY name`);
    return rows.map(toRegion);
  }

  async find(em: EntityManager, name: string): Promise<Region | undefined> {
    const { rows } = await sql<RegionRow>(em, `SELECT name, opt_in FROM regions WHERE name = $1`, [name]);
    return rows[0] ? toRegion(rows[0]) : undefined;
  }

  /** Inserts the Region; false when it already exists. */
  async insert(em: EntityManager, region: Region, at: Date): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `INSERT INTO regions (name, opt_in, launched_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`,
      [region.name, region.optIn, at],
    );
    return rowCount === 1;
  }

  async enabledOptInRegions(em: EntityManager, accountId: string): Promise<Set<string>> {
    const { rows } = await sql<{ region: string }>(
      em,
      `SELECT region FROM account_regions WHERE account_id = $1`,
      [accountId],
    );
    return new Set(rows.map((row) => row.region));
  }

  /** Every Region enabled in the account: the default ones and its enabled opt-in ones. */
  async enabledFor(em: EntityManager, accountId: string): Promise<string[]> {
    const { rows } = await sql<{ region: string }>(
      em,
      `SELECT enabled.region FROM (${enabledRegionsSql('$1')}) enabled ORDER BY enabled.region`,
      [accountId],
    );
    return rows.map((row) => row.region);
  }

  /** Records the enablement; false when the Region was already enabled. */
  async enable(em: EntityManager, accountId: string, region: string, at: Date): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `INSERT INTO account_regions (account_id, region, enabled_at) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, region) DO NOTHING`,
      [accountId, region, at],
    );
    return rowCount === 1;
  }

  /**
   * The Region's current enablement epoch, share-locked until the caller's transaction ends: an
   * opt-in change announces itself for this epoch, and the epoch cannot close before it commits.
   */
  async shareEnablementEpoch(em: EntityManager, region: string): Promise<string> {
    const { rows } = await sql<{ epoch: string }>(
      em,
      `SELECT enablement_epoch::text AS epoch FROM regions WHERE name = $1 FOR SHARE`,
      [region],
    );
    return rows[0]?.epoch ?? '0';
  }

  /**
   * Closes the epoch (a no-op when it is already closed): waits for every change announced in it to
   * commit, and later changes wait for the caller's transaction, then announce the next epoch. So a
   * pass that reads after this transaction commits sees every change announced in the epoch.
   */
  async closeEnablementEpoch(em: EntityManager, region: string, epoch: string): Promise<void> {
    await sql(
      em,
      `UPDATE regions SET enablement_epoch = enablement_epoch + 1 WHERE name = $1 AND enablement_epoch = $2::bigint`,
      [region, epoch],
    );
  }

  /** Removes the enablement; false when the Region was not enabled. */
  async disable(em: EntityManager, accountId: string, region: string): Promise<boolean> {
    const { rowCount } = await sql(em, `DELETE FROM account_regions WHERE account_id = $1 AND region = $2`, [
      accountId,
      region,
    ]);
    return rowCount === 1;
  }
}

function toRegion(row: RegionRow): Region {
  return { name: row.name, optIn: row.opt_in };
}
