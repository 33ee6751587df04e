import { CLOUDTRAIL_SERVICE_PRINCIPAL } from '@app/organizations';
import { type DataSource } from 'typeorm';
import { openLogBucketPolicy } from '../../../bench/support/open-log-buckets';
import { OPERATOR } from '../../support/test-app';
import { ORGANIZATION_ID, type PropagationModel, ROOT_ID, WORLD_ACCOUNT_PREFIX } from './propagation-model';

/** What a world writes besides its accounts, children first (organizations cascade to membership). */
const WORLD_TABLES = [
  'job_outbox',
  'storage_buckets',
  'trails',
  'organizations',
  'account_regions',
  'digest_signing_keys',
  'regions',
];
export const PROPAGATION_BUCKET = 'propagation-oracle';
const ANALYZED_TABLES = ['regions', 'accounts', 'account_regions', 'organization_accounts', 'trails'];

/** What the database holds once propagation has settled, in the model's terms. */
export interface Observed {
  /** Sorted `trailId account Region` keys of `trail_replicas`. */
  readonly replicas: string[];
  /** Replicas still at an older generation than their trail's. */
  readonly staleReplicas: string[];
  /** Trails whose latest generation is not marked propagated, or that record a failure. */
  readonly unpropagatedTrails: string[];
  /** Sorted `trailId owner home multi org` of `trails`, to check the driver kept the model true. */
  readonly trails: string[];
}

/**
 * Empties what the previous world left (rows, not whole tables: TRUNCATE's new files cost more
 * than these few rows) and writes the model's Regions, accounts, organization and opt-ins.
 */
export async function seedWorld(db: DataSource, model: PropagationModel): Promise<void> {
  await db.transaction(async (em) => {
    for (const table of WORLD_TABLES) await em.query(`DELETE FROM ${table}`);
    await em.query(`DELETE FROM accounts WHERE id LIKE $1`, [`${WORLD_ACCOUNT_PREFIX}%`]);
    await em.query(`INSERT INTO regions (name, opt_in) SELECT * FROM unnest($1::text[], $2::boolean[])`, [
      model.regions.map((r) => r.name),
      model.regions.map((r) => r.optIn),
    ]);
    // The bucket the driver's trails name, which CreateTrail checks: in a Region of this world.
    await em.query(
      `INSERT INTO storage_buckets (name, owner_account_id, region, created_at, policy, policy_version)
       VALUES ($1, $2, $3, now(), $4, nextval('storage_bucket_policy_versions'))`,
      [
        PROPAGATION_BUCKET,
        OPERATOR.accountId,
        model.regions[0].name,
        openLogBucketPolicy(PROPAGATION_BUCKET),
      ],
    );
    await em.query(
      `INSERT INTO accounts (id, name, email) SELECT id, 'acct-' || id, id || '@propagation.example.com'
         FROM unnest($1::text[]) AS a(id)`,
      [model.accounts],
    );
    await em.query(
      `INSERT INTO organizations (id, management_account_id, feature_set, root_id) VALUES ($1, $2, 'ALL', $3)`,
      [ORGANIZATION_ID, model.management, ROOT_ID],
    );
    await em.query(
      `INSERT INTO organization_service_access (organization_id, service_principal) VALUES ($1, $2)`,
      [ORGANIZATION_ID, CLOUDTRAIL_SERVICE_PRINCIPAL],
    );
    await em.query(
      `INSERT INTO organization_accounts (account_id, organization_id, parent_id, joined_method)
       SELECT id, $2, $3, 'INVITED' FROM unnest($1::text[]) AS m(id)`,
      [[...model.members], ORGANIZATION_ID, ROOT_ID],
    );
    const optIns = [...model.optedIn].flatMap(([accountId, regions]) =>
      [...regions].map((region) => [accountId, region]),
    );
    await em.query(
      `INSERT INTO account_regions (account_id, region) SELECT * FROM unnest($1::text[], $2::text[])`,
      [optIns.map(([accountId]) => accountId), optIns.map(([, region]) => region)],
    );
  });
  // The planner sees the world's real sizes, as autovacuum would show it a live database's.
  await db.query(`ANALYZE ${ANALYZED_TABLES.join(', ')}`);
}

/** Reads back every replica and trail: what the oracle's comparison needs. */
export async function observeWorld(db: DataSource): Promise<Observed> {
  const replicas: Array<{ key: string; stale: boolean }> = await db.query(
    `SELECT x.trail_id || ' ' || x.account_id || ' ' || x.region AS key, x.generation <> t.generation AS stale
       FROM trail_replicas x JOIN trails t ON t.id = x.trail_id`,
  );
  const trails: Array<{ key: string; unpropagated: boolean }> = await db.query(
    `SELECT concat_ws(' ', id, owner_account_id, home_region, is_multi_region::text, is_organization_trail::text) AS key,
            observed_generation <> generation OR propagation_error IS NOT NULL AS unpropagated
       FROM trails`,
  );
  replicas.sort(byKey);
  trails.sort(byKey);
  return {
    replicas: replicas.map((r) => r.key),
    staleReplicas: replicas.filter((r) => r.stale).map((r) => r.key),
    unpropagatedTrails: trails.filter((t) => t.unpropagated).map((t) => t.key),
    trails: trails.map((t) => t.key),
  };
}

function byKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
