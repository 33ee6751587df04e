/**
 * `npm run bench:replication` (issue 3, PERFORMANCE.md): a script, not a timed test. Boots the API
 * and an in-process BullMQ worker on a fresh PostgreSQL database, then measures
 *
 * 1. replication: an account with every Region enabled creates 5 multi-Region trails — time until
 *    every replica exists at the trails' generation (polled in the database) — then the operator
 *    launches 3 new Regions — time until every trail has its replica there; against COPY and
 *    multi-row INSERT of the same replica rows into an identically indexed scratch table;
 * 2. GetTrail requests per second over HTTP with SigV4 (REST and AWS JSON, full path: signature,
 *    authorization, database read, event recording), against a bare Nest + Fastify handler
 *    returning a constant and the same handler doing GetTrail's one indexed SELECT (P5);
 * 3. CreateTrail + DeleteTrail pairs per second (REST, every request signed afresh), no baseline.
 *
 * Each figure is the median of 3 interleaved repetitions after a warm-up; latencies are p50/p99.
 * Environment: BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_SECONDS (load duration per run, default 4),
 * BENCH_CONNECTIONS (default 16), BENCH_REPLICATION_THROUGHPUT=off to skip 2 and 3 (`npm run bench`
 * measures GetTrail in bench/api.bench.ts).
 */
import { Client } from 'pg';
import { startBaselineServer } from './support/baseline-server';
import { BENCH_OPERATOR, type BenchApp, startBenchApp } from './support/bench-app';
import { type Cell, ScratchTable } from './support/bulk-baseline';
import { createAccount } from './support/fixtures';
import {
  autocannonLoad,
  getTrailTargets,
  type LoadFigures,
  medianFigures,
  runLoadWorker,
} from './support/http-load';
import { type PairLoadInput, type PairLoadResult } from './support/pair-load.worker';
import {
  benchLog,
  fmt,
  loadAverage,
  median,
  percentile,
  printReport,
  REPETITIONS,
  type Row,
  row,
  runMain,
  sleep,
} from './support/report';
import { expectStatus, SignedClient } from './support/signed-client';

const log = benchLog('replication');
const THROUGHPUT = process.env.BENCH_REPLICATION_THROUGHPUT !== 'off';
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const TRAILS = 5;
const LAUNCHED_REGIONS = 3;
const HOME = 'us-east-1';
const REPLICA_COLUMNS = ['trail_id', 'account_id', 'region', 'generation'] as const;

async function main(): Promise<void> {
  const load = loadAverage();
  const started = Date.now();
  const app = await startBenchApp();
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    const operator = new SignedClient(app.url, BENCH_OPERATOR);
    log(`app up in ${Date.now() - started} ms at ${app.url}`);
    const scratch = await ScratchTable.create(db, app.databaseUrl, 'trail_replicas', REPLICA_COLUMNS);

    const replication: ReplicationResult[] = [];
    for (let rep = 0; rep < REPETITIONS + 1; rep++) {
      const result = await replicationRun(app, operator, db, scratch, rep);
      log(
        `replication ${rep === 0 ? 'warm-up' : `run ${rep}`}: ${result.replicas} replicas in ${result.createMs.toFixed(0)} ms, ` +
          `${result.launchReplicas} new-Region replicas in ${result.launchMs.toFixed(0)} ms`,
      );
      if (rep > 0) replication.push(result);
    }
    await scratch.drop();

    const rows: Row[] = [];
    const rep = (pick: (r: ReplicationResult) => number) => median(replication.map(pick));
    // Each run's account has the Regions the previous runs launched too.
    const counts = replication.map((r) => r.replicas);
    const replicas = `${Math.min(...counts)}–${Math.max(...counts)}`;
    const regionsRange = `${Math.min(...counts) / TRAILS}–${Math.max(...counts) / TRAILS}`;
    rows.push(
      row(
        `Multi-Region replication: ${TRAILS} trails × ${regionsRange} Regions, first CreateTrail → all ${replicas} replicas (ms)`,
        rep((r) => r.createMs),
        `${fmt(rep((r) => r.createCopyMs))} (COPY of the same rows)`,
        rep((r) => r.createMs) / rep((r) => r.createCopyMs),
      ),
      row(
        `Multi-Region replication, same vs multi-row INSERT`,
        rep((r) => r.createMs),
        `${fmt(rep((r) => r.createInsertMs))} (multi-row INSERT of the same rows)`,
        rep((r) => r.createMs) / rep((r) => r.createInsertMs),
      ),
      row(
        `New-Region copy: ${LAUNCHED_REGIONS} Regions launched → all ${replication[0].launchReplicas} replicas there (ms)`,
        rep((r) => r.launchMs),
        `${fmt(rep((r) => r.launchCopyMs))} (COPY of the same ${replication[0].launchReplicas} rows)`,
        rep((r) => r.launchMs) / rep((r) => r.launchCopyMs),
      ),
      row(
        `Propagation lag: last CreateTrail answered → all ${replicas} replicas (ms)`,
        rep((r) => r.lagMs),
        'none',
        undefined,
      ),
      row(
        'CreateTrail request latency during replication, p50 (ms)',
        rep((r) => r.createRequestP50),
        'none',
        undefined,
      ),
    );
    if (THROUGHPUT) rows.push(...(await throughputRows(app, operator)));
    printReport('replication', rows, load);
    log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.end();
    await app.close();
  }
}

async function throughputRows(app: BenchApp, operator: SignedClient): Promise<Row[]> {
  const t = await throughputRuns(app, operator);
  return [
    row(
      'GetTrail REST, requests/s (SigV4, full path)',
      t.restGet.rps,
      `${fmt(t.constant.rps)} (Nest+Fastify constant)`,
      t.restGet.rps / t.constant.rps,
    ),
    row(
      'GetTrail REST, requests/s vs handler + SELECT',
      t.restGet.rps,
      `${fmt(t.select.rps)} (Nest+Fastify + indexed SELECT)`,
      t.restGet.rps / t.select.rps,
    ),
    row(
      'GetTrail AWS JSON, requests/s (SigV4, full path)',
      t.awsGet.rps,
      `${fmt(t.constant.rps)} (Nest+Fastify constant)`,
      t.awsGet.rps / t.constant.rps,
    ),
    row(
      'GetTrail AWS JSON, requests/s vs handler + SELECT',
      t.awsGet.rps,
      `${fmt(t.select.rps)} (Nest+Fastify + indexed SELECT)`,
      t.awsGet.rps / t.select.rps,
    ),
    row(
      `GetTrail REST latency p50 (ms, ${CONNECTIONS} connections)`,
      t.restGet.p50,
      `${fmt(t.select.p50)} (handler + SELECT)`,
      t.restGet.p50 / Math.max(t.select.p50, 1),
    ),
    row(
      `GetTrail REST latency p99 (ms, ${CONNECTIONS} connections)`,
      t.restGet.p99,
      `${fmt(t.select.p99)} (handler + SELECT)`,
      t.restGet.p99 / Math.max(t.select.p99, 1),
    ),
    row(
      `GetTrail AWS JSON latency p50 / p99 (ms)`,
      `${fmt(t.awsGet.p50)} / ${fmt(t.awsGet.p99)}`,
      `${fmt(t.constant.p50)} / ${fmt(t.constant.p99)} (constant)`,
      undefined,
    ),
    row(
      `CreateTrail+DeleteTrail pairs/s (REST, ${t.pairs.loops} concurrent loops)`,
      t.pairs.pairsPerSecond,
      'none',
      undefined,
    ),
    row(
      'CreateTrail+DeleteTrail pair latency p50 / p99 (ms)',
      `${fmt(t.pairs.p50)} / ${fmt(t.pairs.p99)}`,
      'none',
      undefined,
    ),
    row(
      'CreateTrail latency p50 / p99 (ms)',
      `${fmt(t.pairs.createP50)} / ${fmt(t.pairs.createP99)}`,
      'none',
      undefined,
    ),
    row(
      'DeleteTrail latency p50 / p99 (ms)',
      `${fmt(t.pairs.deleteP50)} / ${fmt(t.pairs.deleteP99)}`,
      'none',
      undefined,
    ),
  ];
}

// ── 1. Replication ────────────────────────────────────────────────────────────────────────────

interface ReplicationResult {
  readonly replicas: number;
  readonly createMs: number;
  readonly createCopyMs: number;
  readonly createInsertMs: number;
  readonly createRequestP50: number;
  /** From the last CreateTrail answer to the last replica: the asynchronous part alone. */
  readonly lagMs: number;
  readonly launchReplicas: number;
  readonly launchMs: number;
  readonly launchCopyMs: number;
}

async function replicationRun(
  app: BenchApp,
  operator: SignedClient,
  db: Client,
  scratch: ScratchTable,
  rep: number,
): Promise<ReplicationResult> {
  const account = new SignedClient(app.url, await createAccount(operator, `repl${rep}`), HOME);
  const catalogue = expectStatus(await operator.rest('GET', '/v1/regions'), 200, 'ListRegions').json<{
    regions: Array<{ name: string; optIn: boolean }>;
  }>().regions;
  for (const region of catalogue.filter((r) => r.optIn)) {
    expectStatus(await account.rest('PUT', `/v1/account/regions/${region.name}`), 200, 'EnableRegion');
  }
  const regions = catalogue.length;

  const names = Array.from({ length: TRAILS }, (_, i) => `bench-mr-${rep}-${i}`);
  const requestMs: number[] = [];
  const t0 = performance.now();
  for (const name of names) {
    const r0 = performance.now();
    expectStatus(
      await account.rest('POST', '/v1/trails', {
        name,
        s3BucketName: 'bench-logs',
        isMultiRegionTrail: true,
      }),
      201,
      'CreateTrail',
    );
    requestMs.push(performance.now() - r0);
  }
  const lastCreated = performance.now();
  await waitForReplicas(db, account.credentials.accountId, TRAILS * regions);
  const createMs = performance.now() - t0;
  const lagMs = performance.now() - lastCreated;

  const t1 = performance.now();
  const launchedRegions: string[] = [];
  for (let i = 0; i < LAUNCHED_REGIONS; i++) {
    const name = `xb-${letters(rep)}${letters(i)}${letters(process.pid % 26)}-1`;
    expectStatus(await operator.rest('POST', '/v1/regions', { name, optIn: false }), 201, 'LaunchRegion');
    launchedRegions.push(name);
  }
  await waitForReplicas(db, account.credentials.accountId, TRAILS * (regions + LAUNCHED_REGIONS));
  const launchMs = performance.now() - t1;

  // The service's own account of it: nothing pending, the latest generation observed everywhere.
  for (const name of names) {
    const status = expectStatus(
      await account.rest('GET', `/v1/trails/${name}/propagation`),
      200,
      'propagation',
    ).json<{
      desired: number;
      applied: number;
      pending: number;
      generation: number;
      observedGeneration: number;
    }>();
    if (
      status.pending !== 0 ||
      status.applied !== regions + LAUNCHED_REGIONS ||
      status.observedGeneration !== status.generation
    ) {
      throw new Error(`propagation of ${name} not converged: ${JSON.stringify(status)}`);
    }
  }
  // The baselines write the very rows the service wrote: all of them, and those of the launch.
  const { rows: written } = await db.query<{
    trail_id: string;
    account_id: string;
    region: string;
    generation: number;
    launched: boolean;
  }>(
    `SELECT r.trail_id, r.account_id, r.region, r.generation, r.region = ANY($2::text[]) AS launched
       FROM trail_replicas r JOIN trails t ON t.id = r.trail_id WHERE t.owner_account_id = $1`,
    [account.credentials.accountId, launchedRegions],
  );
  const cells = (rows: typeof written): Cell[][] =>
    rows.map((r) => [r.trail_id, r.account_id, r.region, r.generation]);
  const created = cells(written.filter((r) => !r.launched));
  const launched = cells(written.filter((r) => r.launched));
  // Clean up so that the next run's launches copy only its own trails.
  for (const name of names)
    expectStatus(await account.rest('DELETE', `/v1/trails/${name}`), 204, 'DeleteTrail');
  account.close();

  return {
    replicas: TRAILS * regions,
    createMs,
    createCopyMs: await scratch.copy(created),
    createInsertMs: await scratch.insert(created),
    createRequestP50: percentile(requestMs, 50),
    lagMs,
    launchReplicas: TRAILS * LAUNCHED_REGIONS,
    launchMs,
    launchCopyMs: await scratch.copy(launched),
  };
}

/** Polls the database until the account's trails have `expected` replicas at their current generation. */
async function waitForReplicas(
  db: Client,
  accountId: string,
  expected: number,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM trail_replicas r
         JOIN trails t ON t.id = r.trail_id AND r.generation = t.generation
        WHERE t.owner_account_id = $1`,
      [accountId],
    );
    if (rows[0].n >= expected) return;
    if (performance.now() > deadline)
      throw new Error(`only ${rows[0].n} of ${expected} replicas after ${timeoutMs} ms`);
    await sleep(2);
  }
}

// ── 2 and 3. Throughput ───────────────────────────────────────────────────────────────────────

interface PairFigures {
  readonly loops: number;
  readonly pairsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly createP50: number;
  readonly createP99: number;
  readonly deleteP50: number;
  readonly deleteP99: number;
}

async function throughputRuns(
  app: BenchApp,
  operator: SignedClient,
): Promise<{
  constant: LoadFigures;
  select: LoadFigures;
  restGet: LoadFigures;
  awsGet: LoadFigures;
  pairs: PairFigures;
}> {
  const credentials = await createAccount(operator, 'load');
  const client = new SignedClient(app.url, credentials, HOME);
  const trail = 'bench-get';
  expectStatus(
    await client.rest('POST', '/v1/trails', { name: trail, s3BucketName: 'bench-logs' }),
    201,
    'CreateTrail',
  );
  const baseline = await startBaselineServer(app.databaseUrl);
  const regions = expectStatus(await client.rest('GET', '/v1/account/regions'), 200, 'ListRegions')
    .json<{
      regions: Array<{ regionName: string; regionOptStatus: string }>;
    }>()
    .regions.filter((r) => r.regionOptStatus !== 'DISABLED' && r.regionName !== HOME)
    .map((r) => r.regionName)
    .slice(0, 8);

  const targets = getTrailTargets(app.url, baseline.url, client, trail);
  // Each target answers 200 before it is loaded.
  expectStatus(await client.rest('GET', `/v1/trails/${trail}`), 200, 'GetTrail');
  expectStatus(await client.cloudtrail('GetTrail', { Name: trail }), 200, 'GetTrail (AWS JSON)');

  const samples: Record<keyof typeof targets, LoadFigures[]> = {
    constant: [],
    select: [],
    restGet: [],
    awsGet: [],
  };
  const pairRuns: PairLoadResult[] = [];
  try {
    for (let rep = 0; rep < REPETITIONS + 1; rep++) {
      const seconds = rep === 0 ? 1 : LOAD_SECONDS;
      for (const key of Object.keys(targets) as Array<keyof typeof targets>) {
        const figures = await autocannonLoad(targets[key](), seconds, CONNECTIONS);
        if (rep > 0) samples[key].push(figures);
        log(
          `${rep === 0 ? 'warm-up' : `run ${rep}`} ${key}: ${fmt(figures.rps)} rps, p50 ${figures.p50} ms, p99 ${figures.p99} ms`,
        );
      }
      const pairs = await pairLoad({
        baseUrl: app.url,
        credentials,
        regions,
        durationMs: seconds * 1000,
        namePrefix: `pair-${rep}`,
      });
      if (pairs.failures > 0) throw new Error(`${pairs.failures} failed pairs, first: ${pairs.firstFailure}`);
      if (rep > 0) pairRuns.push(pairs);
      log(
        `${rep === 0 ? 'warm-up' : `run ${rep}`} pairs: ${fmt((pairs.pairs * 1000) / pairs.elapsedMs)} pairs/s`,
      );
    }
  } finally {
    await baseline.close();
    client.close();
  }

  const summarize = medianFigures;
  const medianRun = (pick: (r: PairLoadResult) => number[], p: number) =>
    median(pairRuns.map((run) => percentile(pick(run), p)));
  return {
    constant: summarize(samples.constant),
    select: summarize(samples.select),
    restGet: summarize(samples.restGet),
    awsGet: summarize(samples.awsGet),
    pairs: {
      loops: regions.length,
      pairsPerSecond: median(pairRuns.map((run) => (run.pairs * 1000) / run.elapsedMs)),
      p50: medianRun((r) => r.pairLatenciesMs, 50),
      p99: medianRun((r) => r.pairLatenciesMs, 99),
      createP50: medianRun((r) => r.createLatenciesMs, 50),
      createP99: medianRun((r) => r.createLatenciesMs, 99),
      deleteP50: medianRun((r) => r.deleteLatenciesMs, 50),
      deleteP99: medianRun((r) => r.deleteLatenciesMs, 99),
    },
  };
}

function pairLoad(input: PairLoadInput): Promise<PairLoadResult> {
  return runLoadWorker<PairLoadInput, PairLoadResult>('pair-load.worker', input);
}

// ── helpers ───────────────────────────────────────────────────────────────────────────────────

function letters(n: number): string {
  return String.fromCharCode(97 + (n % 26));
}

runMain(main);
