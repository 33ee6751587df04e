import { organizationMembersSql } from '@app/organizations';
import { enabledRegionsSql } from '@app/regions';

/** The SQL of a reconciling statement, shared by `ReplicaReconciler` and `StandaloneTrailPasses`. */
export interface ScopeSql {
  /** Restricts the trails considered (alias t). */
  trails: string;
  /** Restricts the (trail, account, region) candidates (aliases m.account_id, er.region). */
  candidates: string;
  /** Restricts the existing replicas (alias x). */
  replicas: string;
  params: unknown[];
}

/** `t`, `members` and `desired`: the scope's trails and the replicas they should have. */
export function desiredCte(s: ScopeSql): string {
  return `t AS (
      SELECT id, owner_account_id, home_region, is_multi_region, is_organization_trail, organization_id, generation
        FROM trails t WHERE ${s.trails}),
    members AS (
      SELECT t.id AS trail_id, t.owner_account_id AS account_id FROM t
      UNION
      SELECT t.id, om.account_id FROM t
        JOIN LATERAL (${organizationMembersSql('t.organization_id')}) om ON t.is_organization_trail),
    desired AS (
      SELECT m.trail_id, m.account_id, er.region, t.generation
        FROM members m
        JOIN t ON t.id = m.trail_id
        JOIN LATERAL (${enabledRegionsSql('m.account_id')}) er ON (t.is_multi_region OR er.region = t.home_region)
       WHERE ${s.candidates})`;
}

/**
 * `t` and `desired` of the trails `trails` selects (alias t) that are outside any organization:
 * what `desiredCte` computes for them, their owner's the only account, without the membership
 * union and its join (the standalone pass runs it for every small job).
 */
export function standaloneDesiredCte(trails: string): string {
  return `t AS (
      SELECT id, owner_account_id, home_region, is_multi_region, generation
        FROM trails t WHERE (${trails}) AND NOT t.is_organization_trail),
    desired AS (
      SELECT t.id AS trail_id, t.owner_account_id AS account_id, er.region, t.generation
        FROM t
        JOIN LATERAL (${enabledRegionsSql('t.owner_account_id')}) er ON (t.is_multi_region OR er.region = t.home_region))`;
}

/**
 * `deleted` and `upserted`: the scope's replicas made what `desired` says (rows it no longer
 * wants removed, the rest inserted or moved to their generation). Follows `desiredCte`.
 */
export function applyDesiredCtes(s: ScopeSql): string {
  return `deleted AS (
      DELETE FROM trail_replicas x
       WHERE ${s.replicas}
         AND NOT EXISTS (SELECT 1 FROM desired d
                          WHERE d.trail_id = x.trail_id AND d.account_id = x.account_id AND d.region = x.region)
      RETURNING 1),
    upserted AS (
      INSERT INTO trail_replicas (trail_id, account_id, region, generation)
      SELECT d.trail_id, d.account_id, d.region, d.generation FROM desired d
      ON CONFLICT (trail_id, account_id, region)
      DO UPDATE SET generation = EXCLUDED.generation WHERE trail_replicas.generation <> EXCLUDED.generation
      RETURNING 1)`;
}

/**
 * `actual`, `deleted`, `updated` and `inserted`: what `applyDesiredCtes` does, for a statement
 * whose trails (all of the scope's replicas) this transaction locked before the statement took its
 * snapshot. No other writer can then add or change those replicas meanwhile (every writer takes the
 * trail's row first), so the replicas read once decide every write: plain inserts of the missing
 * ones instead of speculative insertion with a conflict check each, updates and deletes of only the
 * rows that differ. Were that ever not so, the insert fails on the primary key and the caller runs
 * its ordinary path. `replicas` restricts the existing replicas (alias x). Follows `desiredCte` or
 * `standaloneDesiredCte`.
 */
export function applyDesiredToLockedCtes(replicas: string): string {
  const same = (a: string, b: string) =>
    `${a}.trail_id = ${b}.trail_id AND ${a}.account_id = ${b}.account_id AND ${a}.region = ${b}.region`;
  return `actual AS MATERIALIZED (
      SELECT x.trail_id, x.account_id, x.region, x.generation FROM trail_replicas x WHERE ${replicas}),
    deleted AS (
      DELETE FROM trail_replicas x
       WHERE (x.trail_id, x.account_id, x.region) IN (
               SELECT a.trail_id, a.account_id, a.region FROM actual a
                WHERE NOT EXISTS (SELECT 1 FROM desired d WHERE ${same('d', 'a')}))),
    updated AS (
      UPDATE trail_replicas x SET generation = d.generation
        FROM actual a JOIN desired d ON ${same('d', 'a')} AND d.generation <> a.generation
       WHERE ${same('x', 'a')}),
    inserted AS (
      INSERT INTO trail_replicas (trail_id, account_id, region, generation)
      SELECT d.trail_id, d.account_id, d.region, d.generation FROM desired d
       WHERE NOT EXISTS (SELECT 1 FROM actual a WHERE ${same('a', 'd')}))`;
}
