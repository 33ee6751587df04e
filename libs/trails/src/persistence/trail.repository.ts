import { Injectable } from '@nestjs/common';
import { organizationOfAccountSql } from '@app/organizations';
import { advisoryLockKeys, ReadBatcher, sql } from '@app/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { type TrailRecord } from '../domain/trail-record';
import {
  COLUMNS,
  columnParameter,
  SETTINGS_COLUMNS,
  TRAIL_COLUMNS,
  type TrailColumn,
  type TrailRow,
  toTrailRecord,
  toTrailRow,
} from './trail-rows';

/** What changed in a trail; `propagate` bumps the generation so replicas follow. */
export type TrailChange = Partial<
  Pick<
    TrailRecord,
    | 'settings'
    | 'organizationId'
    | 'eventSelectors'
    | 'hasCustomEventSelectors'
    | 'insightSelectors'
    | 'tags'
    | 'isLogging'
    | 'startLoggingTime'
    | 'stopLoggingTime'
  >
> & { propagate?: boolean };

/** A trail by its owner, home Region and name (unique together). */
interface TrailKey {
  readonly ownerAccountId: string;
  readonly homeRegion: string;
  readonly name: string;
}

/**
 * Whether account $1 holds a copy of trail `t` in Region $2: the desired replicas (DESIGN.md
 * "Propagation") evaluated at read time, not the `trail_replicas` rows the reconciler maintains.
 * So every read follows the organization's membership as it is now, both ways: a removed member
 * stops seeing the organization's trails at once, and a new member sees them at once, as the
 * authorization rule (aws:PrincipalOrgID) and the Region quota (`occupiedSlots`) already do.
 * Replicas remain what propagation applies and reports. The called Region is one the caller has
 * enabled: authentication refuses the others.
 */
const VISIBLE = `(t.is_multi_region OR t.home_region = $2)
  AND (t.owner_account_id = $1
       OR (t.is_organization_trail AND t.organization_id = ${organizationOfAccountSql('$1')}))`;

/** The column of each field of a change beside the settings. */
const CHANGE_COLUMNS: readonly (readonly [keyof TrailChange, TrailColumn])[] = [
  ['organizationId', 'organization_id'],
  ['eventSelectors', 'event_selectors'],
  ['hasCustomEventSelectors', 'has_custom_event_selectors'],
  ['insightSelectors', 'insight_selectors'],
  ['tags', 'tags'],
  ['isLogging', 'is_logging'],
  ['startLoggingTime', 'start_logging_time'],
  ['stopLoggingTime', 'stop_logging_time'],
];

/** Trails and where they are visible; every method takes the transaction's manager. */
@Injectable()
export class TrailRepository {
  /** Lookups by name outside a transaction (GetTrail's), coalesced across concurrent requests. */
  private readonly byName = new ReadBatcher<TrailKey, TrailRecord | undefined>((keys) =>
    this.findManyByName(this.dataSource.manager, keys),
  );

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Serialises creators (and converters to multi-Region) of the same account: the name in every
   * Region and the five slots of each Region they would occupy. Keys are taken in sorted order.
   */
  async lockNameAndSlots(
    em: EntityManager,
    accountId: string,
    name: string,
    regions: readonly string[],
  ): Promise<void> {
    await advisoryLockKeys(em, [
      `trail-name/${accountId}/${name}`,
      ...regions.map((region) => `trail-slots/${accountId}/${region}`),
    ]);
  }

  /**
   * In one round trip: whether `accountId` already has another trail named `name` occupying one of
   * `regions`, and its occupied slots per Region (cloudtrail.md §3.3, decision 5) — its own trails
   * (a multi-Region trail in every Region) and the organization trails it inherits as a member.
   * Counted from the trails themselves, not from replicas, so copies still being propagated count.
   * Read after `lockNameAndSlots`, in a statement of its own, so the snapshot follows the locks.
   */
  async nameAndOccupiedSlots(
    em: EntityManager,
    accountId: string,
    name: string,
    regions: readonly string[],
    exceptTrailId?: string,
  ): Promise<{ nameTaken: boolean; occupiedSlots: Map<string, number> }> {
    const { rows } = await sql<{ region: string; used: number; name_taken: boolean | null }>(
      em,
      `SELECT r.region, count(t.id)::int AS used,
              bool_or(t.owner_account_id = $1 AND t.name = $3
                      AND ($4::uuid IS NULL OR t.id <> $4::uuid)) AS name_taken
         FROM unnest($2::text[]) AS r(region)
         LEFT JOIN trails t
           ON (t.home_region = r.region OR t.is_multi_region)
          AND (t.owner_account_id = $1
               OR (t.is_organization_trail AND t.organization_id = ${organizationOfAccountSql('$1')}))
        GROUP BY r.region`,
      [accountId, regions, name, exceptTrailId ?? null],
    );
    return {
      nameTaken: rows.some((row) => row.name_taken === true),
      occupiedSlots: new Map(rows.map((row) => [row.region, row.used])),
    };
  }

  /** Inserts the trail and its home replica (applied at once, as the propagation status reports it). */
  async insert(em: EntityManager, trail: TrailRecord): Promise<void> {
    const row = toTrailRow(trail);
    await sql(
      em,
      `INSERT INTO trails (${TRAIL_COLUMNS.join(', ')})
       VALUES (${TRAIL_COLUMNS.map((_, index) => `$${index + 1}`).join(', ')})`,
      TRAIL_COLUMNS.map((column) => columnParameter(row, column)),
    );
    await sql(
      em,
      `INSERT INTO trail_replicas (trail_id, account_id, region, generation) VALUES ($1, $2, $3, $4)`,
      [trail.id, trail.ownerAccountId, trail.homeRegion, trail.generation],
    );
  }

  async findByName(
    em: EntityManager,
    ownerAccountId: string,
    homeRegion: string,
    name: string,
  ): Promise<TrailRecord | undefined> {
    const key = { ownerAccountId, homeRegion, name };
    // Outside a transaction, concurrent requests' lookups share one round trip.
    if (em === this.dataSource.manager) return this.byName.load(key);
    const [trail] = await this.findManyByName(em, [key]);
    return trail;
  }

  /**
   * GetTrail's hot path, for several trails at once (one answer per key, in order): building the
   * query through the ORM, and planning it on every call, cost more than the read itself.
   */
  private async findManyByName(
    em: EntityManager,
    keys: readonly TrailKey[],
  ): Promise<(TrailRecord | undefined)[]> {
    const { rows } = await sql<TrailRow & { lookup: number }>(
      em,
      `SELECT q.lookup::int AS lookup, ${COLUMNS}
         FROM unnest($1::char(12)[], $2::text[], $3::text[]) WITH ORDINALITY
              AS q(owner_account_id, home_region, name, lookup)
         JOIN trails t
           ON t.owner_account_id = q.owner_account_id AND t.home_region = q.home_region AND t.name = q.name`,
      [keys.map((key) => key.ownerAccountId), keys.map((key) => key.homeRegion), keys.map((key) => key.name)],
      { prepareAs: 'trails.find-many-by-name' },
    );
    const found: (TrailRecord | undefined)[] = keys.map(() => undefined);
    for (const row of rows) found[row.lookup - 1] = toTrailRecord(row);
    return found;
  }

  async findById(em: EntityManager, id: string): Promise<TrailRecord | undefined> {
    const { rows } = await sql<TrailRow>(em, `SELECT ${COLUMNS} FROM trails t WHERE t.id = $1`, [id]);
    return rows[0] ? toTrailRecord(rows[0]) : undefined;
  }

  /** The trail with this ARN if the account holds a copy of it in the Region (`VISIBLE`). */
  async findVisibleByArn(
    em: EntityManager,
    accountId: string,
    region: string,
    arn: string,
  ): Promise<TrailRecord | undefined> {
    const { rows } = await sql<TrailRow>(
      em,
      `SELECT ${COLUMNS} FROM trails t WHERE t.arn = $3 AND ${VISIBLE}`,
      [accountId, region, arn],
      { prepareAs: 'trails.find-visible-by-arn' },
    );
    return rows[0] ? toTrailRecord(rows[0]) : undefined;
  }

  /**
   * Trails the account holds a copy of in the Region (`VISIBLE`), ordered by ARN: its own, shadows
   * of its multi-Region trails, and inherited organization trails. `homeOnly` keeps the account's
   * own trails homed in the Region.
   */
  async listVisible(
    em: EntityManager,
    accountId: string,
    region: string,
    options: { homeOnly?: boolean; afterArn?: string; limit?: number } = {},
  ): Promise<TrailRecord[]> {
    const { rows } = await sql<TrailRow>(
      em,
      `SELECT ${COLUMNS} FROM trails t
        WHERE ${VISIBLE}
          AND (NOT $3::boolean OR (t.owner_account_id = $1 AND t.home_region = $2))
          AND ($4::text IS NULL OR t.arn > $4::text)
        ORDER BY t.arn
        LIMIT $5::int`,
      [accountId, region, options.homeOnly ?? false, options.afterArn ?? null, options.limit ?? null],
      { prepareAs: 'trails.list-visible' },
    );
    return rows.map(toTrailRecord);
  }

  /** Locks the trail row for a change in this transaction. */
  async lock(em: EntityManager, id: string): Promise<TrailRecord | undefined> {
    const { rows } = await sql<TrailRow>(em, `SELECT ${COLUMNS} FROM trails t WHERE t.id = $1 FOR UPDATE`, [
      id,
    ]);
    return rows[0] ? toTrailRecord(rows[0]) : undefined;
  }

  /** The account's trail of that name homed in the Region, locked for a change: find and lock in one round trip. */
  async lockByName(
    em: EntityManager,
    owner: string,
    homeRegion: string,
    name: string,
  ): Promise<TrailRecord | undefined> {
    const { rows } = await sql<TrailRow>(
      em,
      `SELECT ${COLUMNS} FROM trails t WHERE t.owner_account_id = $1 AND t.home_region = $2 AND t.name = $3 FOR UPDATE`,
      [owner, homeRegion, name],
    );
    return rows[0] ? toTrailRecord(rows[0]) : undefined;
  }

  /** Applies a change; returns the trail as stored afterwards. */
  async update(em: EntityManager, trail: TrailRecord, change: TrailChange, at: Date): Promise<TrailRecord> {
    const { propagate, ...fields } = change;
    const next: TrailRecord = {
      ...trail,
      ...fields,
      generation: propagate ? trail.generation + 1 : trail.generation,
      updatedAt: at,
    };
    const row = toTrailRow(next);
    // Only the changed columns: the reconciler updates observed_generation concurrently.
    const columns: TrailColumn[] = ['generation', 'updated_at'];
    if (fields.settings) columns.push(...SETTINGS_COLUMNS);
    for (const [field, column] of CHANGE_COLUMNS) if (field in fields) columns.push(column);
    await sql(
      em,
      `UPDATE trails SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')} WHERE id = $1`,
      [trail.id, ...columns.map((column) => columnParameter(row, column))],
    );
    return next;
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await sql(em, `DELETE FROM trails WHERE id = $1`, [id]);
  }

  /**
   * Organization trails whose organization was deleted become ordinary trails of their owner, at a
   * new generation; returns them with it.
   */
  async detachOrphanedOrganizationTrails(
    em: EntityManager,
    ownerAccountId: string,
    at: Date,
  ): Promise<Array<{ id: string; generation: number }>> {
    const { rows } = await sql<{ id: string; generation: number }>(
      em,
      `UPDATE trails SET is_organization_trail = false, generation = generation + 1, updated_at = $2
        WHERE owner_account_id = $1 AND is_organization_trail AND organization_id IS NULL
        RETURNING id, generation`,
      [ownerAccountId, at],
    );
    return rows;
  }
}
