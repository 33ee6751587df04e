import { Injectable } from '@nestjs/common';
import { organizationMembersSql, organizationOfAccountSql } from '@app/organizations';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { applyDesiredCtes, desiredCte, type ScopeSql } from './replica-statements';

/**
 * Which replicas one reconcile pass covers. Every trigger maps onto one of these: trail changes
 * (batched by account range), an account's membership changes, a Region launch (per trail), the
 * opt-in changes of a Region (all its replicas), and the full sweep.
 */
export type ReconcileScope =
  | {
      readonly kind: 'trail';
      readonly trailId: string;
      readonly afterAccountId: string | null;
      readonly upToAccountId: string | null;
    }
  | {
      readonly kind: 'account';
      readonly accountId: string;
      /**
       * The scope's trails its transaction locked already (`lockTrails`): the pass covers only
       * those and takes no further lock. A trail that entered the scope since (created, or reached
       * through a new membership) is its own change's job; locking it now, behind trails held from
       * the earlier statement, could deadlock with a transaction that locks in id order.
       */
      readonly heldTrailIds?: readonly string[];
    }
  | { readonly kind: 'trail-region'; readonly trailId: string; readonly region: string }
  | { readonly kind: 'region'; readonly region: string }
  | { readonly kind: 'all' };

export interface ReconcileResult {
  readonly upserted: number;
  readonly deleted: number;
}

export interface RegionPropagation {
  readonly region: string;
  readonly desired: number;
  readonly applied: number;
  readonly stale: number;
}

/**
 * The reconciler's SQL, the one implementation of the propagation rule (DESIGN.md "Propagation"):
 * computes the desired replicas of the scope — accounts(T) × regions(T, a), where accounts(T) is
 * the owner plus, for an organization trail, every member of its organization, and regions(T, a)
 * the Regions enabled in `a` (all of them for a multi-Region trail, else the home Region) — and
 * applies the difference in one set-based statement: missing replicas inserted, stale generations
 * brought up to date, replicas no longer desired deleted. Running it twice, concurrently or after a
 * crash converges to the same rows (the primary key forbids duplicates). Membership and enabled
 * Regions come from the SQL Organizations and Regions export; `desiredReplicas` states the same
 * rule in memory, and a property test (test/trails/propagation-oracle.e2e-spec.ts) holds the two
 * together.
 */
@Injectable()
export class ReplicaReconciler {
  /**
   * `trailHeld`: a change of the scope's one trail, whose row its transaction holds already (an
   * account scope with `heldTrailIds` holds its trails too).
   */
  async reconcile(em: EntityManager, scope: ReconcileScope, trailHeld = false): Promise<ReconcileResult> {
    const held = trailHeld || (scope.kind === 'account' && scope.heldTrailIds !== undefined);
    if (!held) await this.lockTrails(em, scope);
    const s = scopeSql(scope);
    const { rows } = await sql<{ upserted: number; deleted: number }>(
      em,
      `WITH ${desiredCte(s)},
       ${applyDesiredCtes(s)}
       SELECT (SELECT count(*) FROM upserted)::int AS upserted, (SELECT count(*) FROM deleted)::int AS deleted`,
      s.params,
    );
    return rows[0] ?? { upserted: 0, deleted: 0 };
  }

  /**
   * Locks, for this transaction and in id order, the rows of every trail whose replicas a pass over
   * `scope` may write. Two passes over the same replicas — a trail's job and the pass a change of
   * the same trail runs in its request, two jobs of successive generations, a Region launch and an
   * account's Region change — would otherwise lock replica rows in different orders and deadlock.
   * Changes hold their trail's row already (`TrailRepository.lock`, or the row they inserted), so
   * every writer of a trail's replicas takes it before any replica row, and waits, never deadlocks. */
  async lockTrails(em: EntityManager, scope: ReconcileScope): Promise<string[]> {
    const { text, params } = lockSql(scope);
    const { rows } = await sql<{ id: string }>(em, text, params);
    return rows.map((row) => row.id);
  }

  /**
   * The next batch of accounts a trail reaches, in id order after `afterAccountId`: its last id
   * bounds the batch, and `final` tells whether it is the last one.
   */
  async nextAccountBatch(
    em: EntityManager,
    trailId: string,
    afterAccountId: string | null,
    size: number,
  ): Promise<{ upToAccountId: string | null; final: boolean }> {
    const { rows } = await sql<{ account_id: string }>(
      em,
      `WITH t AS (SELECT * FROM trails WHERE id = $1),
       members AS (
         SELECT t.owner_account_id AS account_id FROM t
         UNION
         SELECT om.account_id FROM t
           JOIN LATERAL (${organizationMembersSql('t.organization_id')}) om ON t.is_organization_trail)
       SELECT account_id FROM members
        WHERE $2::text IS NULL OR account_id > $2::text
        ORDER BY account_id LIMIT $3`,
      [trailId, afterAccountId, size + 1],
    );
    if (rows.length <= size) return { upToAccountId: null, final: true };
    return { upToAccountId: rows[size - 1].account_id, final: false };
  }

  /** Desired, applied and stale replica counts of a trail per Region (propagation status). */
  async propagation(em: EntityManager, trailId: string): Promise<RegionPropagation[]> {
    const s = scopeSql({ kind: 'trail', trailId, afterAccountId: null, upToAccountId: null });
    const { rows } = await sql<RegionPropagation>(
      em,
      `WITH ${desiredCte(s)},
       actual AS (SELECT x.* FROM trail_replicas x WHERE ${s.replicas}),
       joined AS (
         SELECT coalesce(d.region, a.region) AS region,
                d.trail_id IS NOT NULL AS is_desired,
                a.trail_id IS NOT NULL AND a.generation = d.generation AS is_applied,
                d.trail_id IS NULL AS is_stale
           FROM desired d
           FULL JOIN actual a ON a.trail_id = d.trail_id AND a.account_id = d.account_id AND a.region = d.region)
       SELECT region,
              count(*) FILTER (WHERE is_desired)::int AS desired,
              count(*) FILTER (WHERE is_applied)::int AS applied,
              count(*) FILTER (WHERE is_stale)::int AS stale
         FROM joined GROUP BY region ORDER BY region`,
      s.params,
    );
    return rows;
  }

  /** Marks a trail's generation fully propagated, unless it changed meanwhile. */
  async markObserved(em: EntityManager, trailId: string, generation: number): Promise<void> {
    await em.query(
      `UPDATE trails SET observed_generation = $2, propagation_error = NULL, propagation_failed_at = NULL
        WHERE id = $1 AND generation = $2 AND observed_generation < $2`,
      [trailId, generation],
    );
  }

  async recordFailure(em: EntityManager, trailId: string, reason: string): Promise<void> {
    await em.query(`UPDATE trails SET propagation_error = $2, propagation_failed_at = now() WHERE id = $1`, [
      trailId,
      reason.slice(0, 1000),
    ]);
  }

  /** Trails whose latest change has not been fully propagated for `olderThanMs`. */
  async staleTrails(
    em: EntityManager,
    olderThanMs: number,
    limit: number,
  ): Promise<Array<{ id: string; generation: number }>> {
    const { rows } = await sql<{ id: string; generation: number }>(
      em,
      `SELECT id, generation FROM trails
        WHERE generation > observed_generation
          AND updated_at < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY updated_at LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows;
  }

  /**
   * Propagation backlog for metrics: trails whose latest change is not fully propagated, the age
   * of the oldest such change (s), and replicas of them still at an older generation.
   */
  async backlog(
    em: EntityManager,
  ): Promise<{ pendingTrails: number; oldestPendingSeconds: number; staleReplicas: number }> {
    const { rows } = await sql<{ pending_trails: number; oldest: number; stale_replicas: number }>(
      em,
      `SELECT (SELECT count(*)::int FROM trails WHERE generation > observed_generation) AS pending_trails,
              coalesce((SELECT extract(epoch FROM now() - min(updated_at))::float8
                          FROM trails WHERE generation > observed_generation), 0) AS oldest,
              (SELECT count(*)::int FROM trail_replicas r JOIN trails t ON t.id = r.trail_id
                WHERE t.generation > t.observed_generation AND r.generation < t.generation) AS stale_replicas`,
    );
    const row = rows[0];
    return {
      pendingTrails: row?.pending_trails ?? 0,
      oldestPendingSeconds: row?.oldest ?? 0,
      staleReplicas: row?.stale_replicas ?? 0,
    };
  }

  /** Every Region that may hold replicas: the catalogued ones and any a replica is in. */
  async replicaRegions(em: EntityManager): Promise<string[]> {
    const text = `SELECT name AS region FROM regions UNION SELECT region FROM trail_replicas ORDER BY region`;
    return (await sql<{ region: string }>(em, text)).rows.map((row) => row.region);
  }

  /** Multi-Region trails: the ones a newly launched Region concerns. */
  async multiRegionTrailIds(em: EntityManager): Promise<string[]> {
    const { rows } = await sql<{ id: string }>(em, `SELECT id FROM trails WHERE is_multi_region ORDER BY id`);
    return rows.map((row) => row.id);
  }
}

/** The account's own trails and its organization's trails (the 'account' scope's trails). */
const ACCOUNT_TRAILS = `(t.owner_account_id = $1
                  OR (t.is_organization_trail AND t.organization_id = ${organizationOfAccountSql('$1')}))`;

/** The trails that may have replicas in the Region $1 (the 'region' scope's trails). */
const REGION_TRAILS = `(t.is_multi_region OR t.home_region = $1)`;
function lockSql(scope: ReconcileScope): { text: string; params: unknown[] } {
  const lock = (where: string) => `SELECT t.id FROM trails t WHERE ${where} ORDER BY t.id FOR NO KEY UPDATE`;
  switch (scope.kind) {
    case 'trail':
    case 'trail-region':
      return { text: lock('t.id = $1'), params: [scope.trailId] };
    case 'account':
      // Also the trails it holds replicas of but no longer reaches (an organization it left).
      return {
        text: lock(
          `${ACCOUNT_TRAILS} OR t.id IN (SELECT trail_id FROM trail_replicas WHERE account_id = $1)`,
        ),
        params: [scope.accountId],
      };
    case 'region':
      return {
        text: lock(`${REGION_TRAILS} OR t.id IN (SELECT trail_id FROM trail_replicas WHERE region = $1)`),
        params: [scope.region],
      };
    case 'all':
      return { text: lock('TRUE'), params: [] };
  }
}

function scopeSql(scope: ReconcileScope): ScopeSql {
  switch (scope.kind) {
    case 'trail': {
      const range = (alias: string): string =>
        `($2::text IS NULL OR ${alias}.account_id > $2::text) AND ($3::text IS NULL OR ${alias}.account_id <= $3::text)`;
      return {
        trails: 't.id = $1',
        candidates: range('m'),
        replicas: `x.trail_id = $1 AND ${range('x')}`,
        params: [scope.trailId, scope.afterAccountId, scope.upToAccountId],
      };
    }
    case 'account':
      return scope.heldTrailIds === undefined
        ? {
            trails: ACCOUNT_TRAILS,
            candidates: 'm.account_id = $1',
            replicas: 'x.account_id = $1',
            params: [scope.accountId],
          }
        : {
            trails: `${ACCOUNT_TRAILS} AND t.id = ANY($2::uuid[])`,
            candidates: 'm.account_id = $1',
            replicas: 'x.account_id = $1 AND x.trail_id = ANY($2::uuid[])',
            params: [scope.accountId, scope.heldTrailIds],
          };
    case 'trail-region':
      return {
        trails: 't.id = $1',
        candidates: 'er.region = $2',
        replicas: 'x.trail_id = $1 AND x.region = $2',
        params: [scope.trailId, scope.region],
      };
    case 'region':
      return {
        trails: REGION_TRAILS,
        candidates: 'er.region = $1',
        replicas: 'x.region = $1',
        params: [scope.region],
      };
    case 'all':
      return { trails: 'TRUE', candidates: 'TRUE', replicas: 'TRUE', params: [] };
  }
}
