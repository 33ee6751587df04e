import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';

/** One account in one Region: whether it is enabled, the trails with a replica there, the latest file. */
export interface CoverageCellRow {
  readonly accountId: string;
  readonly accountName: string;
  /** The account's parent (root or OU) when it is in an organization. */
  readonly parentId: string | null;
  readonly region: string;
  readonly enabled: boolean;
  readonly trailArns: readonly string[];
  readonly latestDeliveryTime: Date | null;
}

/** A trail covering some cell, with its logging, propagation and delivery state. */
export interface CoveringTrailRow {
  readonly arn: string;
  readonly name: string;
  readonly homeRegion: string;
  readonly ownerAccountId: string;
  readonly isOrganizationTrail: boolean;
  readonly isMultiRegionTrail: boolean;
  readonly isLogging: boolean;
  readonly propagated: boolean;
  readonly propagationError: string | null;
  readonly latestDeliveryTime: Date | null;
  readonly latestDeliveryError: string | null;
  readonly latestDeliveryAttemptSucceeded: boolean | null;
  readonly latestDigestDeliveryTime: Date | null;
}

export interface CoverageScope {
  /** The caller's account: all of its organization when it manages one, itself otherwise. */
  readonly callerAccountId: string;
  /** Only the accounts under this root or OU (at any depth). */
  readonly parentId?: string;
  /** Only this trail (name or ARN). */
  readonly trail?: string;
}

/**
 * The coverage matrix in one statement: the accounts in scope × the Region catalogue, each cell's
 * replicas and, through the (trail, account, Region, time) index, its latest delivered file.
 */
@Injectable()
export class CoverageRepository {
  async cells(em: EntityManager, scope: CoverageScope): Promise<CoverageCellRow[]> {
    const { rows } = await sql<{
      account_id: string;
      account_name: string;
      parent_id: string | null;
      region: string;
      enabled: boolean;
      trail_arns: string[];
      latest_delivery_time: Date | null;
    }>(
      em,
      `WITH RECURSIVE
         subtree(id) AS (
           SELECT $2::text WHERE $2::text IS NOT NULL
           UNION ALL
           SELECT ou.id FROM organizational_units ou JOIN subtree s ON ou.parent_id = s.id
         ),
         scope AS (
           SELECT a.id, a.name, oa.parent_id
             FROM accounts a
             LEFT JOIN organization_accounts oa ON oa.account_id = a.id
            WHERE (a.id = $1
                   OR oa.organization_id = (SELECT o.id FROM organizations o WHERE o.management_account_id = $1))
              AND ($2::text IS NULL OR oa.parent_id IN (SELECT id FROM subtree))
         )
       SELECT s.id AS account_id, s.name AS account_name, s.parent_id, r.name AS region,
              (NOT r.opt_in OR EXISTS (SELECT 1 FROM account_regions ar
                                        WHERE ar.account_id = s.id AND ar.region = r.name)) AS enabled,
              coalesce(array_agg(t.arn ORDER BY t.arn) FILTER (WHERE t.id IS NOT NULL), '{}') AS trail_arns,
              max(d.latest) AS latest_delivery_time
         FROM scope s
        CROSS JOIN regions r
         LEFT JOIN (trail_replicas tr
                    JOIN trails t ON t.id = tr.trail_id AND ($3::text IS NULL OR t.name = $3 OR t.arn = $3))
                ON tr.account_id = s.id AND tr.region = r.name
         LEFT JOIN LATERAL (SELECT max(f.delivered_at) AS latest FROM delivered_log_files f
                             WHERE f.trail_id = t.id AND f.account_id = s.id AND f.region = r.name) d ON true
        GROUP BY s.id, s.name, s.parent_id, r.name, r.opt_in
        ORDER BY s.id, r.name`,
      [scope.callerAccountId, scope.parentId ?? null, scope.trail ?? null],
    );
    return rows.map((row) => ({
      accountId: row.account_id,
      accountName: row.account_name,
      parentId: row.parent_id,
      region: row.region,
      enabled: row.enabled,
      trailArns: row.trail_arns,
      latestDeliveryTime: row.latest_delivery_time,
    }));
  }

  async trails(em: EntityManager, arns: readonly string[]): Promise<CoveringTrailRow[]> {
    const { rows } = await sql<{
      arn: string;
      name: string;
      home_region: string;
      owner_account_id: string;
      is_organization_trail: boolean;
      is_multi_region: boolean;
      is_logging: boolean;
      propagated: boolean;
      propagation_error: string | null;
      latest_delivery_time: Date | null;
      latest_delivery_error: string | null;
      latest_delivery_attempt_succeeded: boolean | null;
      latest_digest_delivery_time: Date | null;
    }>(
      em,
      `SELECT t.arn, t.name, t.home_region, t.owner_account_id, t.is_organization_trail, t.is_multi_region,
              t.is_logging, t.generation <= t.observed_generation AS propagated, t.propagation_error,
              ds.latest_delivery_time, ds.latest_delivery_error, ds.latest_delivery_attempt_succeeded,
              ds.latest_digest_delivery_time
         FROM trails t
         LEFT JOIN trail_delivery_state ds ON ds.trail_id = t.id
        WHERE t.arn = ANY($1::text[])
        ORDER BY t.arn`,
      [arns],
    );
    return rows.map((row) => ({
      arn: row.arn,
      name: row.name,
      homeRegion: row.home_region,
      ownerAccountId: row.owner_account_id,
      isOrganizationTrail: row.is_organization_trail,
      isMultiRegionTrail: row.is_multi_region,
      isLogging: row.is_logging,
      propagated: row.propagated,
      propagationError: row.propagation_error,
      latestDeliveryTime: row.latest_delivery_time,
      latestDeliveryError: row.latest_delivery_error,
      latestDeliveryAttemptSucceeded: row.latest_delivery_attempt_succeeded,
      latestDigestDeliveryTime: row.latest_digest_delivery_time,
    }));
  }
}
