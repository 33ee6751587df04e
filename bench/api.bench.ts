/**
 * API throughput (PERFORMANCE.md P5, P6 route-level, P7, P11), part of `npm run bench`; alone:
 * `npm run build && node dist/bench/api.bench.js`. A script, not a timed test. Boots the API and an
 * in-process BullMQ worker on a fresh database, then measures, each figure the median of 3
 * interleaved repetitions after a warm-up:
 *
 * - P5: GetTrail over HTTP with SigV4 (REST and AWS JSON: signature, policy evaluation, PostgreSQL
 *   read, event recorded) against a bare Nest + Fastify handler returning a constant and the same
 *   handler doing GetTrail's one indexed SELECT, same adapter, same process (autocannon, requests
 *   pre-signed);
 * - P7: the CreateTrail route validated as the API validates it, against the same route with the
 *   body parsed only — in memory (REST ValidationPipe and AWS JSON validateAwsInput) and on the
 *   real API over HTTP (validation stubbed out for the baseline);
 * - P11: CreateTrail over HTTP (every request signed afresh) against CreateTrail with the quota
 *   check (slot locks and count) stubbed out, and the quota check's own cost in a transaction;
 * - P16: signed GetTrail over AWS JSON in embedded mode (PGlite in its worker thread, in-process
 *   jobs) against this PostgreSQL mode, and GetTrail's longest wait while an organization trail
 *   propagates in the embedded background (bench/support/embedded-figures.ts; API_EMBEDDED=off
 *   skips it, EMBEDDED_MEMBERS sizes the organization);
 * - P6 route-level: bench/authorization.bench.ts (the in-memory GetTrail route with and without the
 *   authorization guard), run as a child process, its rows included.
 *
 * Stubs replace one member of the running API's singletons for one variant and restore it after
 * (bench/support/stub.ts); the application has no such switches. Environment: BENCH_SECONDS
 * (autocannon run, default 4), BENCH_CONNECTIONS (default 16), API_CREATES (CreateTrail calls per
 * run, default 1000), API_CREATE_CONCURRENCY (default 16), API_AUTHORIZATION_BENCH=off to skip P6.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TransactionRunner } from '@app/platform';
import { TrailRepository } from '@app/trails';
import { Client } from 'pg';
import { OperationRunner } from '../apps/api/src/operations/operation-runner';
import { startBaselineServer } from './support/baseline-server';
import { BENCH_OPERATOR, type BenchApp, type BenchCredentials, startBenchApp } from './support/bench-app';
import { type CreateLoadInput, type CreateLoadResult } from './support/create-load.worker';
import { embeddedFigures } from './support/embedded-figures';
import { createAccount, mapConcurrently } from './support/fixtures';
import {
  autocannonLoad,
  getTrailTargets,
  type LoadFigures,
  medianFigures,
  runLoadWorker,
} from './support/http-load';
import {
  benchLog,
  fmt,
  interleaved,
  loadAverage,
  median,
  parseTableRows,
  percentile,
  printReport,
  type Row,
  row,
  runMain,
} from './support/report';
import { expectStatus, SignedClient } from './support/signed-client';
import { stub } from './support/stub';
import {
  CREATE_TRAIL_AWS_BODY,
  CREATE_TRAIL_BODY,
  restValidationMicros,
  startValidationServer,
} from './support/validation-server';

const log = benchLog('api');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const CREATES = Number(process.env.API_CREATES ?? 1000);
const CREATE_CONCURRENCY = Number(process.env.API_CREATE_CONCURRENCY ?? 16);
const AUTHORIZATION_BENCH = process.env.API_AUTHORIZATION_BENCH !== 'off';
const EMBEDDED = process.env.API_EMBEDDED !== 'off';
const HOME = 'us-east-1';

async function main(): Promise<void> {
  const load = loadAverage();
  const app = await startBenchApp();
  const rows: Row[] = [];
  const operator = new SignedClient(app.url, BENCH_OPERATOR, HOME);
  try {
    rows.push(...(await p5(app, operator)));
    if (EMBEDDED) rows.push(...(await embeddedFigures(app.url, operator, SECONDS, CONNECTIONS)));
    rows.push(...(await p7InMemory()));
    rows.push(...(await createTrailRuns(app, operator)));
    rows.push(...(await quotaCheckAlone(app, operator)));
  } finally {
    operator.close();
    await app.close();
  }
  if (AUTHORIZATION_BENCH) rows.push(...(await p6RouteLevel()));
  printReport('api', rows, load);
}

// ── P5: GetTrail ──────────────────────────────────────────────────────────────────────────────

async function p5(app: BenchApp, operator: SignedClient): Promise<Row[]> {
  const client = operator.as(await createAccount(operator, 'get'));
  const trail = 'bench-get';
  expectStatus(
    await client.rest('POST', '/v1/trails', { name: trail, s3BucketName: 'bench-logs' }),
    201,
    'CreateTrail',
  );
  expectStatus(await client.rest('GET', `/v1/trails/${trail}`), 200, 'GetTrail');
  expectStatus(await client.cloudtrail('GetTrail', { Name: trail }), 200, 'GetTrail (AWS JSON)');
  const baseline = await startBaselineServer(app.databaseUrl);
  try {
    const targets = getTrailTargets(app.url, baseline.url, client, trail);
    const runs = await interleaved(
      {
        constant: (round) => autocannonLoad(targets.constant(), round === 0 ? 1 : SECONDS, CONNECTIONS),
        select: (round) => autocannonLoad(targets.select(), round === 0 ? 1 : SECONDS, CONNECTIONS),
        restGet: (round) => autocannonLoad(targets.restGet(), round === 0 ? 1 : SECONDS, CONNECTIONS),
        awsGet: (round) => autocannonLoad(targets.awsGet(), round === 0 ? 1 : SECONDS, CONNECTIONS),
      },
      { onSample: (key, round, f) => log(`P5 round ${round} ${key}: ${describe(f)}`) },
    );
    const c = medianFigures(runs.constant);
    const s = medianFigures(runs.select);
    const rest = medianFigures(runs.restGet);
    const aws = medianFigures(runs.awsGet);
    return [
      row(
        `P5 GetTrail REST req/s (SigV4 + policy + PostgreSQL read + event recorded, ${CONNECTIONS} connections) vs Nest+Fastify constant`,
        rest.rps,
        `${fmt(c.rps)} (Nest+Fastify constant handler)`,
        rest.rps / c.rps,
        { atLeast: 0.1 },
      ),
      row(
        'P5 GetTrail REST req/s vs Nest+Fastify handler doing the same indexed SELECT',
        rest.rps,
        `${fmt(s.rps)} (handler + SELECT)`,
        rest.rps / s.rps,
        { atLeast: 0.75 },
      ),
      row(
        'P5 GetTrail AWS JSON req/s vs Nest+Fastify constant',
        aws.rps,
        `${fmt(c.rps)} (Nest+Fastify constant handler)`,
        aws.rps / c.rps,
        { atLeast: 0.1 },
      ),
      row(
        'P5 GetTrail AWS JSON req/s vs handler + SELECT',
        aws.rps,
        `${fmt(s.rps)} (handler + SELECT)`,
        aws.rps / s.rps,
        { atLeast: 0.75 },
      ),
      row(
        'P5 GetTrail REST latency p50 / p99 (ms)',
        `${fmt(rest.p50)} / ${fmt(rest.p99)}`,
        `${fmt(s.p50)} / ${fmt(s.p99)} (handler + SELECT)`,
      ),
    ];
  } finally {
    await baseline.close();
    client.close();
  }
}

// ── P7 in memory ──────────────────────────────────────────────────────────────────────────────

async function p7InMemory(): Promise<Row[]> {
  const server = await startValidationServer();
  const post = (path: string, body: object) => () =>
    autocannonLoad(
      {
        url: `${server.url}${path}`,
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      },
      SECONDS,
      CONNECTIONS,
    );
  try {
    const runs = await interleaved(
      {
        validated: post('/validated/trails', CREATE_TRAIL_BODY),
        validatedAws: post('/validated-aws/trails', CREATE_TRAIL_AWS_BODY),
        raw: post('/raw/trails', CREATE_TRAIL_BODY),
      },
      { onSample: (key, round, f) => log(`P7 in memory round ${round} ${key}: ${describe(f)}`) },
    );
    const micros = await restValidationMicros();
    const v = medianFigures(runs.validated);
    const a = medianFigures(runs.validatedAws);
    const r = medianFigures(runs.raw);
    return [
      row(
        "P7 in-memory CreateTrail route, REST validation of CreateTrail's input vs body parsed only (req/s)",
        v.rps,
        `${fmt(r.rps)} (parsed, not validated)`,
        v.rps / r.rps,
        { atLeast: 0.6 },
      ),
      row(
        "P7 in-memory CreateTrail route, AWS JSON validation of CreateTrail's input vs body parsed only (req/s)",
        a.rps,
        `${fmt(r.rps)} (parsed, not validated)`,
        a.rps / r.rps,
        { atLeast: 0.6 },
      ),
      row(
        'P7 REST validation of one CreateTrail body, p50 (µs, no HTTP)',
        micros,
        '40–60 µs (class-validator, PERFORMANCE.md)',
      ),
    ];
  } finally {
    await server.close();
  }
}

// ── P7 and P11 on the real API ────────────────────────────────────────────────────────────────

async function createTrailRuns(app: BenchApp, operator: SignedClient): Promise<Row[]> {
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  const regions = await defaultRegions(db);
  const accounts = await mapConcurrently(
    Array.from({ length: Math.ceil(CREATES / (4 * regions.length)) }, (_, i) => i),
    8,
    (i) => createAccount(operator, `create-${i}`),
  );
  const slots = accounts.flatMap((credentials) => regions.map((region) => ({ credentials, region })));
  const ids = accounts.map((a) => a.accountId);
  const trails = app.api.get(TrailRepository);
  const lockNameAndSlots = trails.lockNameAndSlots.bind(trails);
  let sequence = 0;
  const createRun = async (variant: string, stubs: Array<() => () => void>): Promise<CreateLoadResult> => {
    // Every run starts from the same state: these accounts own no trail.
    await db.query(`DELETE FROM trails WHERE owner_account_id = ANY($1::text[])`, [ids]);
    const restores = stubs.map((apply) => apply());
    try {
      const result = await runLoadWorker<CreateLoadInput, CreateLoadResult>('create-load.worker', {
        baseUrl: app.url,
        slots,
        total: CREATES,
        concurrency: CREATE_CONCURRENCY,
        namePrefix: `c${sequence++}-${variant}`,
      });
      if (result.failures > 0)
        throw new Error(`${variant}: ${result.failures} failed, first: ${result.firstFailure}`);
      return result;
    } finally {
      restores.forEach((restore) => restore());
    }
  };
  const runner = app.api.get(OperationRunner);
  const noValidation = () =>
    stub(runner, 'validate', async (_operation, input) => ({ input: input as never, failures: [] }));
  const noQuota = [
    () =>
      stub(trails, 'lockNameAndSlots', (em, accountId, name) => lockNameAndSlots(em, accountId, name, [])),
    // The name check alone, as CreateTrail would make it without a quota: no count of slots.
    () =>
      stub(trails, 'nameAndOccupiedSlots', async (em, accountId, name, regions) => {
        const taken = await em.query<unknown[]>(
          `SELECT 1 FROM trails WHERE owner_account_id = $1 AND name = $2
              AND (is_multi_region OR home_region = ANY($3::text[])) LIMIT 1`,
          [accountId, name, regions],
        );
        return { nameTaken: taken.length > 0, occupiedSlots: new Map<string, number>() };
      }),
  ];
  try {
    const runs = await interleaved(
      {
        full: () => createRun('full', []),
        noValidation: () => createRun('novalidation', [noValidation]),
        noQuota: () => createRun('noquota', noQuota),
      },
      {
        onSample: (key, round, r) =>
          log(
            `CreateTrail round ${round} ${key}: ${fmt((r.created * 1000) / r.elapsedMs)} creates/s, ` +
              `p50 ${fmt(percentile(r.latenciesMs, 50))} ms (load ${loadAverage()})`,
          ),
      },
    );
    const rate = (results: CreateLoadResult[]) =>
      median(results.map((r) => (r.created * 1000) / r.elapsedMs));
    const p = (results: CreateLoadResult[], q: number) =>
      median(results.map((r) => percentile(r.latenciesMs, q)));
    return [
      row(
        `P7 CreateTrail over HTTP (REST, signed, quota, event in the transaction; ${CREATE_CONCURRENCY} in flight), creates/s validated vs validation stubbed out`,
        rate(runs.full),
        `${fmt(rate(runs.noValidation))} (validation stubbed out)`,
        rate(runs.full) / rate(runs.noValidation),
        { atLeast: 0.6 },
      ),
      row(
        'P11 CreateTrail over HTTP, creates/s with the quota check vs quota check stubbed out',
        rate(runs.full),
        `${fmt(rate(runs.noQuota))} (slot locks and count stubbed out)`,
        rate(runs.full) / rate(runs.noQuota),
        { atLeast: 0.85 },
      ),
      row(
        'CreateTrail latency p50 / p99 (ms), full path',
        `${fmt(p(runs.full, 50))} / ${fmt(p(runs.full, 99))}`,
        `${fmt(p(runs.noQuota, 50))} / ${fmt(p(runs.noQuota, 99))} (quota stubbed out)`,
      ),
    ];
  } finally {
    await db.query(`DELETE FROM trails WHERE owner_account_id = ANY($1::text[])`, [ids]);
    await db.end();
  }
}

/** P11's check alone: slot locks + name check and slot count in a transaction, against a transaction doing SELECT 1. */
async function quotaCheckAlone(app: BenchApp, operator: SignedClient): Promise<Row[]> {
  const account: BenchCredentials = await createAccount(operator, 'quota');
  const tx = app.api.get(TransactionRunner);
  const trails = app.api.get(TrailRepository);
  const iterations = 500;
  const time = async (work: () => Promise<unknown>): Promise<number> => {
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      await work();
      samples.push(performance.now() - t0);
    }
    return median(samples);
  };
  const runs = await interleaved({
    quota: () =>
      time(() =>
        tx.run(async (em) => {
          await trails.lockNameAndSlots(em, account.accountId, 'quota-probe', [HOME]);
          return trails.nameAndOccupiedSlots(em, account.accountId, 'quota-probe', [HOME]);
        }),
      ),
    select: () => time(() => tx.run((em) => em.query('SELECT 1'))),
  });
  const quota = median(runs.quota);
  const select = median(runs.select);
  return [
    row(
      'P11 quota check alone (slot locks + name and slot count, one Region), transaction p50 (ms)',
      quota,
      `${fmt(select)} (transaction with SELECT 1)`,
      quota / select,
    ),
  ];
}

// ── P6 route-level ────────────────────────────────────────────────────────────────────────────

/** Runs bench/authorization.bench.ts in its own process and takes its rows. */
async function p6RouteLevel(): Promise<Row[]> {
  const script = join(__dirname, 'authorization.bench.js');
  if (!existsSync(script)) return [row('P6 route-level (authorization.bench) not built', 'n/a', 'none')];
  log('P6: running authorization.bench (in-memory GetTrail route, guarded vs unguarded)');
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`authorization.bench exited ${code}: ${out}`)),
    );
  });
  return parseTableRows(output);
}

// ── helpers ───────────────────────────────────────────────────────────────────────────────────

async function defaultRegions(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT name FROM regions WHERE NOT opt_in ORDER BY name`,
  );
  return rows.map((r) => r.name);
}

function describe(f: LoadFigures): string {
  return `${fmt(f.rps)} req/s, p50 ${fmt(f.p50)} ms, p99 ${fmt(f.p99)} ms (load ${loadAverage()})`;
}

runMain(main);
