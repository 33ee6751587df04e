/**
 * `npm run bench:digests` (issue 13; PERFORMANCE.md P14): a script, not a timed test. On a fresh
 * Trailplane (API + in-process BullMQ worker, fresh database), an organization of DIGESTS_BENCH_ACCOUNTS
 * accounts (default 1,000, the management account included; members seeded into the tables) gets
 * one multi-Region organization trail with log file validation through the API, propagated to every
 * account in the 17 default Regions. Then the worker is stopped and the bench drives the work:
 *
 * each round records 3 delivered log files per (account, Region) in the next digest interval
 * (the hourly default), moves the clock past the interval's end, and times ONE
 * `TrailDigestDelivery.deliver` run — the service's own path: chains, log file lists, documents,
 * SHA256withRSA signatures with the Region's key, gzip, the bucket policy check, the objects and the
 * chain links in one transaction per 500 chains — which must write accounts × 17 digests. The
 * baseline, in the same round, signs the same strings (rebuilt from the same documents, read
 * back untimed) with the same keys, gzips the same JSON and writes the same objects to another
 * bucket through the store's multi-row write, 500 per transaction.
 *
 * The first round (which also starts the chains) is the warm-up; the figures are the medians of
 * the REPETITIONS rounds after it. Environment: DIGESTS_BENCH_ACCOUNTS.
 */
import { createHash, type KeyObject, sign } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type DeliveredLogFile, DeliveredFileRepository, TrailDigestDelivery } from '@app/delivery';
import { DigestSigningKeys, digestStringToSign, type DigestDocument } from '@app/integrity';
import { Clock, type RequestContext, TransactionRunner, withStatementTimeout } from '@app/platform';
import {
  type BuiltInObject,
  BuiltInObjectStore,
  CreateBucketUseCase,
  PutBucketPolicyUseCase,
} from '@app/storage';
import { logFileKey } from '@app/trails';
import { Client } from 'pg';
import { type BenchApp, BENCH_OPERATOR, type BenchCredentials, startBenchApp } from './support/bench-app';
import { createAccount, createOrganization, seedMembers } from './support/fixtures';
import {
  benchLog,
  fmt,
  loadAverage,
  median,
  printReport,
  REPETITIONS,
  row,
  runMain,
  sleep,
} from './support/report';
import { expectStatus, SignedClient } from './support/signed-client';

const log = benchLog('digests');
const ACCOUNTS = Number(process.env.DIGESTS_BENCH_ACCOUNTS ?? 1000);
const LOG_FILES = 3;
const INTERVAL_MS = 3_600_000;
const BATCH = 500;
const HOME = 'us-east-1';

/** Real time moved forward on demand: each round's digest interval is over without waiting an hour. */
class MovableClock extends Clock {
  private offsetMs = 0;
  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  moveTo(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }
}

interface World {
  readonly app: BenchApp;
  readonly db: Client;
  readonly trailId: string;
  readonly organizationId: string;
  readonly places: ReadonlyArray<{ accountId: string; region: string }>;
}

interface Round {
  readonly serviceMs: number;
  readonly baselineMs: number;
  readonly signingMs: number;
  readonly digests: number;
}

async function main(): Promise<void> {
  const load = loadAverage();
  const clock = new MovableClock();
  const app = await startBenchApp({ clock });
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  const operator = new SignedClient(app.url, BENCH_OPERATOR, HOME);
  try {
    const world = await setUp(app, db, operator);
    let intervalStart = await periodStart(db, world.trailId);
    const rounds: Round[] = [];
    for (let round = 0; round <= REPETITIONS; round++) {
      const end = new Date((Math.floor(intervalStart.getTime() / INTERVAL_MS) + 1) * INTERVAL_MS);
      // As the DeliverDigests job runs: with the jobs' statement bound, not a request's.
      const result = await withStatementTimeout(app.env.TRAILPLANE_DB_JOB_STATEMENT_TIMEOUT_MS, () =>
        runRound(world, clock, intervalStart, end),
      );
      log(
        `${round === 0 ? 'warm-up' : `round ${round}`}: ${fmt(result.digests)} digests in ${fmt(result.serviceMs)} ms; ` +
          `baseline ${fmt(result.baselineMs)} ms (signing ${fmt(result.signingMs)} ms); load ${loadAverage()}`,
      );
      if (round > 0) rounds.push(result);
      intervalStart = end;
    }
    const service = median(rounds.map((r) => r.serviceMs));
    const baseline = median(rounds.map((r) => r.baselineMs));
    const digests = rounds[0].digests;
    printReport(
      'digests',
      [
        row(
          `P14 ${fmt(digests)} digests (${fmt(ACCOUNTS)} accounts × ${String(world.places.length / ACCOUNTS)} Regions, ${LOG_FILES} log files each), one delivery run (ms)`,
          service,
          `${fmt(baseline)} (sign the same strings + gzip + write the same objects)`,
          service / baseline,
          { atMost: 2 },
        ),
        row('P14 digests/s', (digests * 1000) / service, `${fmt((digests * 1000) / baseline)} (baseline)`),
        row(
          'P14 of the baseline: SHA256withRSA signing alone (ms)',
          median(rounds.map((r) => r.signingMs)),
          'none (a floor for both)',
        ),
      ],
      load,
    );
  } finally {
    operator.close();
    await db.end();
    await app.close();
  }
}

async function setUp(app: BenchApp, db: Client, operator: SignedClient): Promise<World> {
  const started = Date.now();
  const management = operator.as(await createAccount(operator, 'digests'));
  const organization = await createOrganization(management);
  await seedMembers(db, organization.id, ACCOUNTS - 1);
  const name = 'digest-bench';
  const arn = `arn:aws:cloudtrail:${HOME}:${management.credentials.accountId}:trail/${name}`;
  for (const bucket of ['digest-bench-logs', 'digest-bench-baseline'])
    await givenBucket(app, management.credentials, bucket, arn);
  expectStatus(
    await management.cloudtrail('CreateTrail', {
      Name: name,
      S3BucketName: 'digest-bench-logs',
      IsMultiRegionTrail: true,
      IsOrganizationTrail: true,
      EnableLogFileValidation: true,
    }),
    200,
    'CreateTrail',
  );
  expectStatus(await management.cloudtrail('StartLogging', { Name: name }), 200, 'StartLogging');
  const trailId = await propagated(db, arn);
  const { rows } = await db.query<{ account_id: string; region: string }>(
    `SELECT account_id, region FROM trail_replicas WHERE trail_id = $1`,
    [trailId],
  );
  log(`${fmt(rows.length)} (account, Region) places ready in ${fmt((Date.now() - started) / 1000)} s`);
  // From here on the bench drives digest delivery; nothing else may run it meanwhile.
  await app.stopWorker();
  return {
    app,
    db,
    trailId,
    organizationId: organization.id,
    places: rows.map((r) => ({ accountId: r.account_id, region: r.region })),
  };
}

/** The bucket, in the management account, with the policy that lets the trail write (delivery.md §6.2). */
async function givenBucket(
  app: BenchApp,
  owner: BenchCredentials,
  bucket: string,
  trailArn: string,
): Promise<void> {
  const ctx: RequestContext = {
    requestId: 'bench',
    principal: {
      type: 'Root',
      accountId: owner.accountId,
      arn: `arn:aws:iam::${owner.accountId}:root`,
      principalId: owner.accountId,
      accessKeyId: owner.accessKeyId,
      isPartitionOperator: false,
    },
    accountId: owner.accountId,
    region: HOME,
    partition: 'aws',
    sourceIp: '127.0.0.1',
    userAgent: 'bench',
    receivedAt: new Date(),
    secureTransport: false,
  };
  await app.api.get(CreateBucketUseCase).execute(ctx, { bucket });
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${bucket}/AWSLogs/*`,
        Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
      },
    ],
  };
  await app.api.get(PutBucketPolicyUseCase).execute(ctx, { bucket, policy: JSON.stringify(policy) });
}

/** Waits until the trail's replicas are all written; its id. */
async function propagated(db: Client, arn: string): Promise<string> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const { rows } = await db.query<{ id: string; done: boolean }>(
      `SELECT id, observed_generation >= generation AS done FROM trails WHERE arn = $1`,
      [arn],
    );
    if (rows[0]?.done) return rows[0].id;
    if (Date.now() > deadline) throw new Error(`${arn} not propagated after 10 minutes`);
    await sleep(50);
  }
}

async function periodStart(db: Client, trailId: string): Promise<Date> {
  const { rows } = await db.query<{ started_at: Date }>(
    `SELECT started_at FROM trail_validation_periods WHERE trail_id = $1 AND stopped_at IS NULL`,
    [trailId],
  );
  return new Date(Math.floor(rows[0].started_at.getTime() / 1000) * 1000);
}

async function runRound(world: World, clock: MovableClock, start: Date, end: Date): Promise<Round> {
  const { app, trailId } = world;
  await recordLogFiles(world, start, end);
  const keys = app.api.get(DigestSigningKeys);
  const privateKeys = new Map<string, KeyObject>();
  for (const region of new Set(world.places.map((p) => p.region)))
    privateKeys.set(region, (await keys.signingKeyAt(region, end)).privateKey);
  clock.moveTo(new Date(end.getTime() + 1000));

  const t0 = performance.now();
  const run = await app.api.get(TrailDigestDelivery).deliver(trailId);
  const serviceMs = performance.now() - t0;
  if (run.digests !== world.places.length || !run.caughtUp)
    throw new Error(`expected ${world.places.length} digests in one run, got ${JSON.stringify(run)}`);

  const documents = await writtenDocuments(world, end);
  const store = app.api.get(BuiltInObjectStore);
  let signingMs = 0;
  const t1 = performance.now();
  for (let from = 0; from < documents.length; from += BATCH) {
    const objects: BuiltInObject[] = [];
    for (const { document, region } of documents.slice(from, from + BATCH)) {
      const uncompressed = Buffer.from(JSON.stringify(document), 'utf8');
      const s0 = performance.now();
      const signature = sign(
        'sha256',
        Buffer.from(digestStringToSign(document, uncompressed)),
        privateKeys.get(region) as KeyObject,
      ).toString('hex');
      signingMs += performance.now() - s0;
      objects.push({
        bucket: 'digest-bench-baseline',
        key: document.digestS3Object,
        content: gzipSync(uncompressed),
        metadata: {
          contentType: 'application/json',
          contentEncoding: 'gzip',
          userMetadata: { signature, 'signature-algorithm': 'SHA256withRSA' },
        },
      });
    }
    await store.putObjects(objects);
  }
  const baselineMs = performance.now() - t1;
  return { serviceMs, baselineMs, signingMs, digests: run.digests };
}

/** LOG_FILES delivered log files per place in [start, end), recorded as log delivery records them. */
async function recordLogFiles(world: World, start: Date, end: Date): Promise<void> {
  const step = (end.getTime() - start.getTime()) / (LOG_FILES + 1);
  const files: DeliveredLogFile[] = world.places.flatMap((place) =>
    Array.from({ length: LOG_FILES }, (_, i) => {
      const deliveredAt = new Date(Math.floor(start.getTime() + (i + 1) * step));
      const key = logFileKey(
        { ...place, organizationId: world.organizationId },
        deliveredAt,
        `bench${i}`.padEnd(16, '0'),
      );
      return {
        trailId: world.trailId,
        ...place,
        bucket: 'digest-bench-logs',
        key,
        deliveredAt,
        records: 40,
        bytes: 8_000,
        sha256: createHash('sha256').update(key).digest('hex'),
        oldestEventTime: new Date(deliveredAt.getTime() - 60_000),
        newestEventTime: new Date(deliveredAt.getTime() - 1_000),
      };
    }),
  );
  const repository = world.app.api.get(DeliveredFileRepository);
  await world.app.api.get(TransactionRunner).run(async (em) => {
    for (let from = 0; from < files.length; from += 10_000)
      await repository.insertMany(em, files.slice(from, from + 10_000));
  });
}

/** The documents the run wrote (read back, untimed), each with the Region whose key signed it. */
async function writtenDocuments(
  world: World,
  end: Date,
): Promise<Array<{ document: DigestDocument; region: string }>> {
  const { rows } = await world.db.query<{ region: string; content: Buffer }>(
    `SELECT d.region, o.content FROM delivered_digests d
       JOIN storage_objects o ON o.bucket = d.bucket AND o.key = d.key
      WHERE d.trail_id = $1 AND d.end_time = $2`,
    [world.trailId, end],
  );
  return rows.map((r) => ({
    region: r.region,
    document: JSON.parse(gunzipSync(r.content).toString('utf8')) as DigestDocument,
  }));
}

runMain(main);
