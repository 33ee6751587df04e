/**
 * `npm run bench:propagation` (issue 5; PERFORMANCE.md P1, P2, P3, P10): a script, not a timed test.
 * For each organization size (PROPAGATION_ACCOUNTS, default "1000,10000": accounts in the
 * organization, the management account included, every default Region enabled), on a fresh
 * Trailplane (API + in-process BullMQ worker, fresh database):
 *
 * 1. P1/P2: the management account creates one multi-Region organization trail through the API;
 *    the time from CreateTrail's 201 until propagation is complete (the trail's generation
 *    observed, which its last ReconcileTrail batch commits; polled every 2 ms), against COPY and
 *    multi-row INSERT of the very same replica rows into an identically indexed scratch table;
 * 2. new-Region copy: the operator launches a default Region; the time from LaunchRegion's 201
 *    until every member has the trail's copy there, against COPY of those rows;
 * 3. P3 (first size only; PROPAGATION_P3_ACCOUNTS, default 1000): standalone accounts owning two
 *    multi-Region trails each enable one opt-in Region through the API (EnableRegion, 16 in
 *    flight). The P3 figure is the copy, as PERFORMANCE.md defines it: the calls are made while
 *    the propagation queue is paused, and the time from its release until all 2 × N copies exist
 *    (the Region's one coalesced pass) is set against COPY of those rows. The calls themselves are
 *    reported as API throughput (req/s, against the same calls repeated once the Region is
 *    enabled), with the end-to-end time of a live round (worker running) from the first call;
 *    before its rounds, P10 through the service's own machinery: ReconcileTrail jobs of the first
 *    of those trails (one account × the default Regions each), enqueued through the outbox, against
 *    multi-row INSERT of the same rows (bench/support/small-reconcile-jobs.ts);
 * 4. P10 reference (first size only): rows/s written through bare BullMQ jobs of 17 rows each (a
 *    queue of the bench's own, concurrency 10, each job one multi-row INSERT and commit) against
 *    multi-row INSERT of the same rows, and no-op jobs/s. No Trailplane code runs in it: it shows
 *    what one BullMQ job per 17 rows costs on this machine, so it has no goal; P10's goal is the
 *    service's own figure above.
 *
 * Each figure is the median of 3 interleaved repetitions after a warm-up. Environment:
 * BENCH_DATABASE_URL, BENCH_REDIS_URL, PROPAGATION_ACCOUNTS, PROPAGATION_P3_ACCOUNTS (0 skips P3),
 * PROPAGATION_P10=off to skip P10.
 */
import { createRedisConnection, QueueName } from '@app/platform';
import { Queue, Worker } from 'bullmq';
import { Client, Pool } from 'pg';
import { BENCH_OPERATOR, BENCH_REDIS_URL, type BenchApp, startBenchApp } from './support/bench-app';
import { type Cell, multiRowInsert, ScratchTable } from './support/bulk-baseline';
import { createAccount, createOrganization, mapConcurrently, seedMembers } from './support/fixtures';
import {
  benchLog,
  fmt,
  loadAverage,
  median,
  printReport,
  REPETITIONS,
  type Row,
  row,
  runMain,
  sleep,
} from './support/report';
import { expectStatus, SignedClient } from './support/signed-client';
import { smallReconcileJobs } from './support/small-reconcile-jobs';

const log = benchLog('propagation');
const HOME = 'us-east-1';
const SIZES = (process.env.PROPAGATION_ACCOUNTS ?? '1000,10000')
  .split(',')
  .map((size) => Number(size.trim()))
  .filter((size) => size > 1);
const P3_ACCOUNTS = Number(process.env.PROPAGATION_P3_ACCOUNTS ?? 1000);
const P10 = process.env.PROPAGATION_P10 !== 'off';
const P10_CONCURRENCY = Number(process.env.PROPAGATION_P10_CONCURRENCY ?? 10);
const POLL_MS = 2;
const REPLICA_COLUMNS = ['trail_id', 'account_id', 'region', 'generation'] as const;

interface Timed {
  /** The service: from the API's answer until the last copy is applied (ms). */
  readonly ms: number;
  readonly requestMs: number;
  readonly rows: number;
  readonly copyMs: number;
  readonly insertMs: number;
}

async function main(): Promise<void> {
  const load = loadAverage();
  const rows: Row[] = [];
  for (const [index, size] of SIZES.entries()) {
    rows.push(...(await sizeRun(size, index === 0)));
  }
  printReport('propagation', rows, load);
}

async function sizeRun(accounts: number, first: boolean): Promise<Row[]> {
  const started = Date.now();
  const app = await startBenchApp();
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  const operator = new SignedClient(app.url, BENCH_OPERATOR, HOME);
  try {
    const management = operator.as(await createAccount(operator, `mgmt${accounts}`));
    const organization = await createOrganization(management);
    await seedMembers(db, organization.id, accounts - 1);
    const regions = await defaultRegionCount(db);
    log(
      `${accounts} accounts × ${regions} Regions: organization ${organization.id} ready in ${Date.now() - started} ms`,
    );
    const scratch = await ScratchTable.create(db, app.databaseUrl, 'trail_replicas', REPLICA_COLUMNS);

    // 1. One organization trail per round; all but the last are deleted again, so every round
    // propagates the same accounts × Regions.
    const create: Timed[] = [];
    let arn = '';
    for (let round = 0; round <= REPETITIONS; round++) {
      const result = await organizationTrailRound(db, management, scratch, accounts, regions, round);
      arn = result.arn;
      log(
        `${round === 0 ? 'warm-up' : `round ${round}`}: ${result.rows} replicas in ${fmt(result.ms)} ms ` +
          `(COPY ${fmt(result.copyMs)} ms, INSERT ${fmt(result.insertMs)} ms; load ${loadAverage()})`,
      );
      if (round > 0) create.push(result);
      if (round < REPETITIONS)
        expectStatus(
          await management.rest('DELETE', `/v1/trails/${encodeURIComponent(result.arn)}`),
          204,
          'DeleteTrail',
        );
    }

    // 2. New-Region copy of the remaining trail.
    const launch: Timed[] = [];
    for (let round = 0; round <= REPETITIONS; round++) {
      const result = await launchRound(operator, db, scratch, arn, accounts, round);
      log(
        `${round === 0 ? 'warm-up' : `round ${round}`}: Region launch, ${result.rows} copies in ${fmt(result.ms)} ms ` +
          `(COPY ${fmt(result.copyMs)} ms)`,
      );
      if (round > 0) launch.push(result);
    }

    const out: Row[] = [];
    const m = (runs: Timed[], pick: (t: Timed) => number) => median(runs.map(pick));
    const replicas = create[0].rows;
    const isCeiling = accounts >= 10_000;
    const tag = isCeiling ? 'P2' : 'P1';
    out.push(
      row(
        `${tag} org-trail propagation, ${fmt(accounts)} accounts × ${regions} Regions = ${fmt(replicas)} replicas: CreateTrail 201 → complete (ms)`,
        m(create, (t) => t.ms),
        `${fmt(m(create, (t) => t.copyMs))} (COPY of the same rows)`,
        m(create, (t) => t.ms) / m(create, (t) => t.copyMs),
        { atMost: 10 },
      ),
      row(
        `${tag} same, vs multi-row INSERT (1,000 rows per statement)`,
        m(create, (t) => t.ms),
        `${fmt(m(create, (t) => t.insertMs))} (multi-row INSERT)`,
        m(create, (t) => t.ms) / m(create, (t) => t.insertMs),
      ),
      row(
        `${tag} propagation throughput (replicas/s)`,
        (replicas * 1000) / m(create, (t) => t.ms),
        `${fmt((replicas * 1000) / m(create, (t) => t.copyMs))} (COPY rows/s)`,
        m(create, (t) => t.copyMs) / m(create, (t) => t.ms),
      ),
      row(
        `P10 (service) rows/s through ReconcileTrail jobs (${fmt(Math.min(accounts, 1000) * regions)} rows per job) vs multi-row INSERT rows/s`,
        (replicas * 1000) / m(create, (t) => t.ms),
        `${fmt((replicas * 1000) / m(create, (t) => t.insertMs))} (multi-row INSERT rows/s)`,
        m(create, (t) => t.insertMs) / m(create, (t) => t.ms),
        { atLeast: 0.7 },
      ),
      row(
        `${tag} CreateTrail (organization, multi-Region) request latency (ms)`,
        m(create, (t) => t.requestMs),
        'none',
      ),
      row(
        `New-Region copy: LaunchRegion 201 → ${fmt(accounts)} members have the copy (ms)`,
        m(launch, (t) => t.ms),
        `${fmt(m(launch, (t) => t.copyMs))} (COPY of the same ${fmt(accounts)} rows)`,
        m(launch, (t) => t.ms) / m(launch, (t) => t.copyMs),
      ),
    );
    if (isCeiling) {
      out.push(
        row(
          'P2 absolute: 10,000-account propagation (s)',
          m(create, (t) => t.ms) / 1000,
          '30 s (AWS FAQ: "typically < 30 s")',
          m(create, (t) => t.ms) / 30_000,
          { atMost: 1 },
        ),
      );
    }
    if (first && P3_ACCOUNTS > 0) out.push(...(await p3(app, db, operator, scratch, regions)));
    if (first && P10) out.push(...(await p10(app, db, scratch, create[0].rows)));
    await scratch.drop();
    return out;
  } finally {
    operator.close();
    await db.end();
    await app.close();
  }
}

// ── 1. Organization trail ─────────────────────────────────────────────────────────────────────

async function organizationTrailRound(
  db: Client,
  management: SignedClient,
  scratch: ScratchTable,
  accounts: number,
  regions: number,
  round: number,
): Promise<Timed & { arn: string }> {
  const r0 = performance.now();
  const created = expectStatus(
    await management.rest('POST', '/v1/trails', {
      name: `org-audit-${accounts}-${round}`,
      s3BucketName: 'org-audit-logs',
      isMultiRegionTrail: true,
      isOrganizationTrail: true,
    }),
    201,
    'CreateTrail',
  ).json<{ trailArn: string }>();
  const answered = performance.now();
  const trail = await waitObserved(db, created.trailArn);
  const ms = performance.now() - answered;

  const { rows } = await db.query<{
    trail_id: string;
    account_id: string;
    region: string;
    generation: number;
  }>(
    `SELECT trail_id, account_id, region, generation FROM trail_replicas WHERE trail_id = $1 AND generation = $2`,
    [trail.id, trail.generation],
  );
  if (rows.length !== accounts * regions) {
    throw new Error(
      `expected ${accounts * regions} replicas at generation ${trail.generation}, found ${rows.length}`,
    );
  }
  const status = expectStatus(
    await management.rest('GET', `/v1/trails/${encodeURIComponent(created.trailArn)}/propagation`),
    200,
    'propagation status',
  ).json<{ desired: number; applied: number; pending: number }>();
  if (status.pending !== 0 || status.applied !== rows.length) {
    throw new Error(`propagation status disagrees: ${JSON.stringify(status)}`);
  }
  const cells = rows.map((r): Cell[] => [r.trail_id, r.account_id, r.region, r.generation]);
  return {
    arn: created.trailArn,
    ms,
    requestMs: answered - r0,
    rows: rows.length,
    copyMs: await scratch.copy(cells),
    insertMs: await scratch.insert(cells),
  };
}

/** Polls until the trail's latest generation is observed (its propagation complete). */
async function waitObserved(
  db: Client,
  arn: string,
  timeoutMs = 300_000,
): Promise<{ id: string; generation: number }> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{
      id: string;
      generation: number;
      observed_generation: number;
      propagation_error: string | null;
    }>(`SELECT id, generation, observed_generation, propagation_error FROM trails WHERE arn = $1`, [arn]);
    const trail = rows[0];
    if (trail && trail.observed_generation >= trail.generation) return trail;
    if (performance.now() > deadline) {
      throw new Error(`${arn} not propagated after ${timeoutMs} ms: ${JSON.stringify(trail)}`);
    }
    await sleep(POLL_MS);
  }
}

// ── 2. Region launch ──────────────────────────────────────────────────────────────────────────

async function launchRound(
  operator: SignedClient,
  db: Client,
  scratch: ScratchTable,
  arn: string,
  accounts: number,
  round: number,
): Promise<Timed> {
  const region = `zz-${regionWord(accounts, round)}-1`;
  const r0 = performance.now();
  expectStatus(
    await operator.rest('POST', '/v1/regions', { name: region, optIn: false }),
    201,
    'LaunchRegion',
  );
  const answered = performance.now();
  const { rows: trails } = await db.query<{ id: string }>(`SELECT id FROM trails WHERE arn = $1`, [arn]);
  const trailId = trails[0].id;
  await waitCount(
    db,
    `SELECT count(*)::int AS n FROM trail_replicas WHERE region = $1 AND trail_id = $2`,
    [region, trailId],
    accounts,
  );
  const ms = performance.now() - answered;
  const { rows } = await db.query<{
    trail_id: string;
    account_id: string;
    region: string;
    generation: number;
  }>(
    `SELECT trail_id, account_id, region, generation FROM trail_replicas WHERE region = $1 AND trail_id = $2`,
    [region, trailId],
  );
  const cells = rows.map((r): Cell[] => [r.trail_id, r.account_id, r.region, r.generation]);
  return {
    ms,
    requestMs: answered - r0,
    rows: rows.length,
    copyMs: await scratch.copy(cells),
    insertMs: await scratch.insert(cells),
  };
}

async function waitCount(
  db: Client,
  text: string,
  params: unknown[],
  expected: number,
  timeoutMs = 300_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ n: number }>(text, params);
    if (rows[0].n >= expected) return;
    if (performance.now() > deadline)
      throw new Error(`only ${rows[0].n} of ${expected} after ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

// ── 3. P3: an opt-in Region enabled in many accounts ──────────────────────────────────────────

const REGION_REPLICAS = `SELECT count(*)::int AS n FROM trail_replicas WHERE region = $1`;

interface P3Run {
  /** First EnableRegion → every copy exists, with the worker running. */
  readonly endToEndMs: number;
  readonly requestMs: number;
  /** The same calls once the Region is enabled (no change). */
  readonly repeatMs: number;
  readonly lagMs: number;
  readonly liveCopyMs: number;
  /** The propagation queue released → every copy exists. */
  readonly heldMs: number;
  readonly heldCopyMs: number;
  readonly rows: number;
}

async function p3(
  app: BenchApp,
  db: Client,
  operator: SignedClient,
  scratch: ScratchTable,
  defaultRegions: number,
): Promise<Row[]> {
  const started = performance.now();
  const accounts = await mapConcurrently(
    Array.from({ length: P3_ACCOUNTS }, (_, i) => i),
    16,
    async (i) => operator.as(await createAccount(operator, `p3-${i}`)),
  );
  await mapConcurrently(
    accounts.flatMap((account) => [0, 1].map((t) => ({ account, t }))),
    16,
    async ({ account, t }) =>
      expectStatus(
        await account.rest('POST', '/v1/trails', {
          name: `p3-trail-${t}`,
          s3BucketName: 'p3-logs',
          isMultiRegionTrail: true,
        }),
        201,
        'CreateTrail',
      ),
  );
  const ids = accounts.map((a) => a.credentials.accountId);
  // Every trail fully propagated before the first round.
  await waitCount(
    db,
    `SELECT count(*)::int AS n FROM trails WHERE owner_account_id = ANY($1::text[]) AND observed_generation >= generation`,
    [ids],
    ids.length * 2,
  );
  log(
    `P3: ${ids.length} accounts × 2 multi-Region trails (${defaultRegions}+ Regions each) ready in ${fmt(performance.now() - started)} ms`,
  );
  const { rows: firstTrails } = await db.query<{ id: string }>(
    `SELECT id FROM trails WHERE owner_account_id = ANY($1::text[]) AND name = 'p3-trail-0'`,
    [ids],
  );
  const small = await smallReconcileJobs(
    app,
    db,
    scratch,
    firstTrails.map((t) => t.id),
  );
  const connection = createRedisConnection(BENCH_REDIS_URL, 'producer');
  const propagation = new Queue(QueueName.Propagation, {
    connection,
    prefix: app.env.TRAILPLANE_QUEUE_PREFIX,
  });
  const enableAll = async (region: string): Promise<number> => {
    const t0 = performance.now();
    await mapConcurrently(accounts, 16, async (account) =>
      expectStatus(await account.rest('PUT', `/v1/account/regions/${region}`), 200, 'EnableRegion'),
    );
    return performance.now() - t0;
  };
  const copied = async (region: string): Promise<{ rows: number; copyMs: number }> => {
    const { rows } = await db.query<{
      trail_id: string;
      account_id: string;
      region: string;
      generation: number;
    }>(`SELECT trail_id, account_id, region, generation FROM trail_replicas WHERE region = $1`, [region]);
    const cells = rows.map((r): Cell[] => [r.trail_id, r.account_id, r.region, r.generation]);
    return { rows: rows.length, copyMs: await scratch.copy(cells) };
  };
  const launch = async (region: string): Promise<void> => {
    expectStatus(
      await operator.rest('POST', '/v1/regions', { name: region, optIn: true }),
      201,
      'LaunchRegion',
    );
  };
  const runs: P3Run[] = [];
  try {
    for (let round = 0; round <= REPETITIONS; round++) {
      // Live: the calls while the worker copies, as users would make them.
      const live = `zz-optin${regionWord(P3_ACCOUNTS, round)}-1`;
      await launch(live);
      const t0 = performance.now();
      const requestMs = await enableAll(live);
      const requestsDone = performance.now();
      await waitCount(db, REGION_REPLICAS, [live], ids.length * 2);
      const done = performance.now();
      // The same calls again: the Region is enabled already, so each is the same request without
      // the change (same authentication, transaction and event).
      const repeatMs = await enableAll(live);
      // The copy alone: the calls while the propagation queue is paused, then the time from its
      // release until every copy exists — the Region's one coalesced pass, job pick-up included.
      const held = `zz-held${regionWord(P3_ACCOUNTS, round)}-1`;
      await launch(held);
      await propagation.pause();
      await enableAll(held);
      const released = performance.now();
      await propagation.resume();
      await waitCount(db, REGION_REPLICAS, [held], ids.length * 2);
      const heldMs = performance.now() - released;
      const liveCopy = await copied(live);
      const heldCopy = await copied(held);
      const result: P3Run = {
        endToEndMs: done - t0,
        requestMs,
        repeatMs,
        lagMs: done - requestsDone,
        liveCopyMs: liveCopy.copyMs,
        heldMs,
        heldCopyMs: heldCopy.copyMs,
        rows: heldCopy.rows,
      };
      log(
        `${round === 0 ? 'warm-up' : `round ${round}`}: P3 ${result.rows} copies, held pass ${fmt(heldMs)} ms ` +
          `(COPY ${fmt(result.heldCopyMs)} ms); live: ${ids.length} EnableRegion calls ${fmt(requestMs)} ms ` +
          `(repeated ${fmt(repeatMs)} ms), all copied ${fmt(result.endToEndMs)} ms after the first; load ${loadAverage()}`,
      );
      if (round > 0) runs.push(result);
    }
  } finally {
    await propagation.resume();
    await propagation.close();
    connection.disconnect();
  }
  for (const account of accounts) account.close();
  const m = (pick: (t: P3Run) => number) => median(runs.map(pick));
  const replicas = `${fmt(ids.length)} accounts × 2 multi-Region trails = ${fmt(m((t) => t.rows))} replicas`;
  const callsPerSecond = (ms: number) => (ids.length * 1000) / ms;
  return [
    ...small,
    // PERFORMANCE.md P3 is the copy ("the fixed job overhead dominates at small N"): how long the
    // service takes to place the replicas once the accounts have enabled the Region, against COPY
    // of the same rows. The calls are API throughput, reported on their own below.
    row(
      `P3 new-Region copy: opt-in Region enabled in ${replicas}: the Region's coalesced pass, queue released → all copied (ms)`,
      m((t) => t.heldMs),
      `${fmt(m((t) => t.heldCopyMs))} (COPY of the same rows)`,
      m((t) => t.heldMs) / m((t) => t.heldCopyMs),
      { atMost: 20 },
    ),
    row(
      `P3 EnableRegion API calls that enable it, ${fmt(ids.length)} accounts, 16 in flight, while the worker copies (req/s)`,
      callsPerSecond(m((t) => t.requestMs)),
      `${fmt(callsPerSecond(m((t) => t.repeatMs)))} (the same calls repeated: Region already enabled, req/s)`,
      m((t) => t.repeatMs) / m((t) => t.requestMs),
    ),
    row(
      'P3 end to end (live): first EnableRegion → all copied (ms)',
      m((t) => t.endToEndMs),
      `${fmt(m((t) => t.liveCopyMs))} (COPY of the same rows)`,
      m((t) => t.endToEndMs) / m((t) => t.liveCopyMs),
    ),
    row(
      'P3 copy lag after the last EnableRegion answered (ms)',
      m((t) => t.lagMs),
      `${fmt(m((t) => t.liveCopyMs))} (COPY)`,
      m((t) => t.lagMs) / m((t) => t.liveCopyMs),
    ),
  ];
}

// ── 4. P10: queue overhead per replica ────────────────────────────────────────────────────────

async function p10(app: BenchApp, db: Client, scratch: ScratchTable, rowCount: number): Promise<Row[]> {
  const { rows } = await db.query<{
    trail_id: string;
    account_id: string;
    region: string;
    generation: number;
  }>(
    `SELECT trail_id, account_id, region, generation FROM trail_replicas ORDER BY account_id, region LIMIT $1`,
    [rowCount],
  );
  const cells = rows.map((r): Cell[] => [r.trail_id, r.account_id, r.region, r.generation]);
  const perJob = 17;
  const batches: Cell[][][] = [];
  for (let i = 0; i < cells.length; i += perJob) batches.push(cells.slice(i, i + perJob));
  const noopJobs = 10_000;
  const concurrency = P10_CONCURRENCY;
  const prefix = `${app.env.TRAILPLANE_QUEUE_PREFIX}-p10`;
  const connection = createRedisConnection(BENCH_REDIS_URL, 'worker');
  const pool = new Pool({ connectionString: app.databaseUrl, max: concurrency });
  const queue = new Queue('bench-p10', { connection, prefix });
  let completed = 0;
  let target = 0;
  let onDone: (() => void) | undefined;
  const worker = new Worker(
    'bench-p10',
    async (job) => {
      const data = job.data as { batch?: number };
      if (data.batch !== undefined) {
        await multiRowInsert(pool, scratch.name, scratch.columns, batches[data.batch]);
      }
    },
    { connection, prefix, concurrency, removeOnComplete: { count: 0 }, removeOnFail: { count: 1000 } },
  );
  worker.on('completed', () => {
    if (++completed === target) onDone?.();
  });
  const runJobs = async (jobs: Array<{ batch?: number }>): Promise<number> => {
    completed = 0;
    target = jobs.length;
    const done = new Promise<void>((resolve) => (onDone = resolve));
    const t0 = performance.now();
    for (let i = 0; i < jobs.length; i += 1000) {
      await queue.addBulk(jobs.slice(i, i + 1000).map((data) => ({ name: 'bench', data })));
    }
    await done;
    return performance.now() - t0;
  };
  try {
    const samples = { jobs: [] as number[], raw: [] as number[], noop: [] as number[] };
    for (let round = 0; round <= REPETITIONS; round++) {
      await scratch.truncate();
      const jobsMs = await runJobs(batches.map((_, batch) => ({ batch })));
      const inserted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${scratch.name}`);
      if (inserted.rows[0].n !== cells.length) throw new Error(`P10 jobs wrote ${inserted.rows[0].n} rows`);
      const rawMs = await scratch.insert(cells);
      const noopMs = await runJobs(Array.from({ length: noopJobs }, () => ({})));
      log(
        `${round === 0 ? 'warm-up' : `round ${round}`}: P10 ${batches.length} jobs × ${perJob} rows in ${fmt(jobsMs)} ms, ` +
          `raw INSERT ${fmt(rawMs)} ms, ${noopJobs} no-op jobs in ${fmt(noopMs)} ms`,
      );
      if (round > 0) {
        samples.jobs.push(jobsMs);
        samples.raw.push(rawMs);
        samples.noop.push(noopMs);
      }
    }
    const jobsRate = (cells.length * 1000) / median(samples.jobs);
    const rawRate = (cells.length * 1000) / median(samples.raw);
    return [
      row(
        `P10 reference (no Trailplane code): rows/s through bare BullMQ jobs of ${perJob} rows (${fmt(batches.length)} jobs, concurrency ${concurrency}, one multi-row INSERT and commit each)`,
        jobsRate,
        `${fmt(rawRate)} (multi-row INSERT, 1,000 rows per statement)`,
        jobsRate / rawRate,
      ),
      row(
        `P10 no-op BullMQ jobs/s (concurrency ${concurrency})`,
        (noopJobs * 1000) / median(samples.noop),
        '20–25k (PERFORMANCE.md, measured elsewhere)',
      ),
    ];
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await pool.end();
    connection.disconnect();
  }
}

// ── helpers ───────────────────────────────────────────────────────────────────────────────────

async function defaultRegionCount(db: Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM regions WHERE NOT opt_in`);
  return rows[0].n;
}

/** A lower-case word unique per (size, round), for Region names (`[a-z]+`). */
function regionWord(size: number, round: number): string {
  const letters = (n: number) =>
    n
      .toString(26)
      .split('')
      .map((d) => String.fromCharCode(97 + parseInt(d, 26)))
      .join('');
  return `${letters(size)}x${letters(round)}`;
}

runMain(main);
