/**
 * `npm run bench:delivery` (issue 12 §5): log delivery of an organization trail, against what
 * PostgreSQL and gzip alone need for the same work. Boots the API and an in-process BullMQ worker
 * (one-second delivery interval) on a fresh database, creates an organization of
 * DELIVERY_BENCH_ACCOUNTS accounts (default 1,000; members seeded into the tables) with a
 * multi-Region organization trail whose bucket is made by `createBucket: true`, starts logging, then:
 *
 * 1. records EVENTS_PER_PLACE (20) management events for every (account, default Region) with one
 *    SQL statement (1,000 × 17 × 20 = 340,000 events, ≈ 700-byte records, committed together), and
 *    measures the time from that commit to the last delivered log file (its `delivered_at`), and the
 *    delivered records per second;
 * 2. the baseline, in the same run on the same rows: read them in the service's batches
 *    (TRAILPLANE_DELIVERY_BATCH_EVENTS, ordered as delivery reads them), gzip each (account, Region)
 *    group of a batch as `{"Records":[…]}` of the stored JSON, and write the objects with one
 *    multi-row INSERT into storage_objects per batch — median of REPETITIONS runs.
 *
 * Goal: the service ≤ 2× the baseline. The service runs once (its work cannot be repeated on the
 * same events without a second trail that would share the worker).
 *
 * Before those, on an organization of its own, the end-to-end lag under mixed API traffic
 * (support/delivery-lag.ts: DELIVERY_BENCH_LAG_RPS, default 100, for DELIVERY_BENCH_LAG_SECONDS,
 * default 30): p50 and p99 from a call's answer to its log file's write; goal p99 ≤ interval + 2 s.
 */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { BENCH_OPERATOR, startBenchApp } from './support/bench-app';
import { deliveryLag } from './support/delivery-lag';
import { createAccount, createOrganization, seedMembers } from './support/fixtures';
import {
  benchLog,
  fmt,
  median,
  printReport,
  REPETITIONS,
  row,
  loadAverage,
  runMain,
  sleep,
} from './support/report';
import { expectStatus, SignedClient } from './support/signed-client';

const log = benchLog('delivery');
const ACCOUNTS = Number(process.env.DELIVERY_BENCH_ACCOUNTS ?? 1000);
const EVENTS_PER_PLACE = 20;
const BUCKET = `delivery-bench-${Date.now().toString(36)}`;
const BASELINE_BUCKET = `${BUCKET}-baseline`;

/** Every (account, Region) gets EVENTS_PER_PLACE DescribeTrails calls of its root, recorded now. */
const SEED_EVENTS = `
INSERT INTO events (event_id, account_id, region, event_time, event_name, event_source, read_only,
                    request_id, record, management, organization_id)
SELECT id, account_id, region, now(), 'DescribeTrails', 'cloudtrail.amazonaws.com', true, id::text,
       jsonb_build_object(
         'eventVersion', '1.11',
         'userIdentity', jsonb_build_object('type', 'Root', 'principalId', account_id,
                           'arn', 'arn:aws:iam::' || account_id || ':root', 'accountId', account_id,
                           'accessKeyId', 'AKIABENCH' || right(account_id, 11)),
         'eventTime', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
         'eventSource', 'cloudtrail.amazonaws.com', 'eventName', 'DescribeTrails', 'awsRegion', region,
         'sourceIPAddress', '192.0.2.10', 'userAgent', 'aws-cli/1.45.0 md/Botocore#1.40.0 ua/2.1 os/linux',
         'requestParameters', jsonb_build_object('trailNameList', '[]'::jsonb, 'includeShadowTrails', true),
         'responseElements', null, 'requestID', id::text, 'eventID', id::text, 'readOnly', true,
         'eventType', 'AwsApiCall', 'managementEvent', true, 'recipientAccountId', account_id,
         'eventCategory', 'Management', 'tlsDetails', null),
       true, $2
  FROM (SELECT a.account_id, r.name AS region, gen_random_uuid() AS id
          FROM unnest($1::text[]) AS a(account_id)
          CROSS JOIN (SELECT name FROM regions WHERE NOT opt_in) r
          CROSS JOIN generate_series(1, ${EVENTS_PER_PLACE})
         ORDER BY a.account_id, r.name) places`;

async function main(): Promise<void> {
  const load = loadAverage();
  const app = await startBenchApp({ env: { TRAILPLANE_DELIVERY_INTERVAL_SECONDS: '1' } });
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  const operator = new SignedClient(app.url, BENCH_OPERATOR, 'us-east-1');
  try {
    const lagRows = await deliveryLag(app, db, operator);
    const management = operator.as(await createAccount(operator, 'delivery'));
    const organization = await createOrganization(management);
    const accounts = [
      management.credentials.accountId,
      ...(await seedMembers(db, organization.id, ACCOUNTS - 1)),
    ];
    const trailId = await loggingOrganizationTrail(db, management);
    await quiet(db, trailId);
    const before = await deliveredRecords(db, trailId);

    log(`seeding ${ACCOUNTS} accounts × default Regions × ${EVENTS_PER_PLACE} events`);
    const seeded = await db.query(SEED_EVENTS, [accounts, organization.id]);
    const committedAt = Date.now();
    const total = seeded.rowCount ?? 0;
    log(`${total} events committed; waiting for their delivery (load ${loadAverage()})`);
    // A file is delivered when its transaction commits (visible to a reader), not at its `delivered_at`
    // (taken before its batch was packed and written): the time the poll first sees them all.
    const serviceMs = (await waitDelivered(db, trailId, before + total)) - committedAt;
    const { rows: last } = await db.query<{ files: string }>(
      `SELECT count(*)::text AS files FROM delivered_log_files WHERE trail_id = $1`,
      [trailId],
    );
    log(`service: ${fmt(serviceMs)} ms, ${last[0].files} files (load ${loadAverage()})`);

    await db.query(
      `INSERT INTO storage_buckets (name, owner_account_id, region, created_at) VALUES ($1, $2, 'us-east-1', now())`,
      [BASELINE_BUCKET, BENCH_OPERATOR.accountId],
    );
    const baselines: number[] = [];
    for (let run = 0; run < REPETITIONS; run++) {
      await db.query(`DELETE FROM storage_objects WHERE bucket = $1`, [BASELINE_BUCKET]);
      const measured = await baseline(db, organization.id, app.env.TRAILPLANE_DELIVERY_BATCH_EVENTS);
      // It also reads the few events recorded before the seeding (setting up the organization).
      if (measured.records < total) {
        throw new Error(`the baseline read ${measured.records} of ${total} events`);
      }
      baselines.push(measured.ms);
      log(`baseline run ${run + 1}: ${fmt(baselines[run])} ms (load ${loadAverage()})`);
    }
    const baselineMs = median(baselines);
    printReport(
      'delivery',
      [
        row(
          `organization trail, ${ACCOUNTS} accounts × 17 Regions × ${EVENTS_PER_PLACE} events (${total}): last event → last file delivered (ms)`,
          serviceMs,
          baselineMs,
          serviceMs / baselineMs,
          { atMost: 2 },
        ),
        row(
          'delivered records/s',
          (total / serviceMs) * 1000,
          (total / baselineMs) * 1000,
          baselineMs / serviceMs,
        ),
        ...lagRows,
      ],
      load,
    );
  } finally {
    operator.close();
    await db.end();
    await app.close();
  }
}

/** The multi-Region organization trail, logging; its id. */
async function loggingOrganizationTrail(db: Client, management: SignedClient): Promise<string> {
  const created = expectStatus(
    await management.rest('POST', '/v1/trails', {
      name: 'delivery-bench',
      s3BucketName: BUCKET,
      isMultiRegionTrail: true,
      isOrganizationTrail: true,
      createBucket: true,
    }),
    201,
    'CreateTrail',
  ).json<{ trailArn: string }>();
  expectStatus(
    await management.rest('POST', `/v1/trails/${encodeURIComponent(created.trailArn)}/logging`),
    204,
    'StartLogging',
  );
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM trails WHERE arn = $1`, [created.trailArn]);
  return rows[0].id;
}

async function deliveredRecords(db: Client, trailId: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT coalesce(sum(records), 0)::text AS n FROM delivered_log_files WHERE trail_id = $1`,
    [trailId],
  );
  return Number(rows[0].n);
}

/** Waits until the trail delivered what was recorded before (StartLogging) and nothing more comes. */
async function quiet(db: Client, trailId: string): Promise<void> {
  let previous = -1;
  for (;;) {
    await sleep(2_000);
    const now = await deliveredRecords(db, trailId);
    if (now > 0 && now === previous) return;
    previous = now;
  }
}

/** When the trail's delivered records first reached `target` (polled every 100 ms). */
async function waitDelivered(db: Client, trailId: string, target: number): Promise<number> {
  const deadline = Date.now() + 30 * 60_000;
  while ((await deliveredRecords(db, trailId)) < target) {
    if (Date.now() > deadline) throw new Error(`delivery did not reach ${target} records in 30 minutes`);
    await sleep(100);
  }
  return Date.now();
}

/**
 * Reads the organization's events in delivery's batches, gzips each place's group, one INSERT per
 * batch; its time and the events it read. Each batch is read in the index's order, as delivery reads
 * them (the statistics of the burst just recorded would make the planner sort the whole backlog).
 */
async function baseline(
  db: Client,
  organizationId: string,
  batchEvents: number,
): Promise<{ ms: number; records: number }> {
  await db.query(`SET enable_sort = off`);
  await db.query(`SET enable_bitmapscan = off`);
  const started = performance.now();
  let records = 0;
  let after = { txid: '0', seq: '0' };
  for (;;) {
    const { rows } = await db.query<{
      txid: string;
      seq: string;
      account_id: string;
      region: string;
      record: string;
    }>(
      `SELECT e.txid::text, e.seq::text, e.account_id, e.region, events_record(e)::text AS record FROM events e
        WHERE e.organization_id = $1 AND (e.txid, e.seq) > ($2::xid8, $3::bigint)
        ORDER BY e.txid, e.seq LIMIT $4`,
      [organizationId, after.txid, after.seq, batchEvents],
    );
    if (rows.length === 0) break;
    records += rows.length;
    const places = new Map<string, string[]>();
    for (const event of rows) {
      const place = `${event.account_id}/${event.region}`;
      const records = places.get(place) ?? [];
      records.push(event.record);
      places.set(place, records);
    }
    const params: unknown[] = [];
    const values: string[] = [];
    for (const [place, records] of places) {
      const content = gzipSync(`{"Records":[${records.join(',')}]}`);
      const at = params.length;
      values.push(
        `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, 'application/json', '{"contentEncoding":"gzip"}', '{}', $${at + 5}, now(), $${at + 6})`,
      );
      params.push(
        BASELINE_BUCKET,
        `AWSLogs/${organizationId}/${place}/${randomUUID()}.json.gz`,
        content.length,
        '"etag"',
        randomUUID(),
        content,
      );
    }
    await db.query(
      `INSERT INTO storage_objects (bucket, key, size, etag, content_type, headers, user_metadata, revision, last_modified, content)
       VALUES ${values.join(', ')}`,
      params,
    );
    const last = rows[rows.length - 1];
    after = { txid: last.txid, seq: last.seq };
  }
  const ms = performance.now() - started;
  await db.query(`RESET enable_sort`);
  await db.query(`RESET enable_bitmapscan`);
  return { ms, records };
}

runMain(main);
