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
