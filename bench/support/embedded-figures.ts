import { DataSource } from 'typeorm';
import { BENCH_OPERATOR, startEmbeddedBenchApp } from './bench-app';
import { createAccount, createOrganization, seedMembers, type SqlClient } from './fixtures';
import { autocannonLoad, getTrailTargets, medianFigures } from './http-load';
import { benchLog, fmt, interleaved, percentile, type Row, row, sleep } from './report';
import { expectStatus, SignedClient } from './signed-client';

const log = benchLog('api');
const HOME = 'us-east-1';
const TRAIL = 'bench-get';
/** Members of the organization whose trail propagates in the background (EMBEDDED_MEMBERS). */
const MEMBERS = Number(process.env.EMBEDDED_MEMBERS ?? 500);
/** PERFORMANCE.md P16: no request waits longer than this behind background work. */
const WAIT_BOUND_MS = 100;

/**
 * PERFORMANCE.md P16, embedded mode (PGlite, in-process jobs) against the PostgreSQL mode of the
 * same build in the same run: signed GetTrail over AWS JSON, and how long GetTrail waits while an
 * organization trail propagates to `MEMBERS` accounts × every Region in the background (calls one
 * after the other, so each latency is the request's own wait).
 */
export async function embeddedFigures(
  postgresUrl: string,
  postgresOperator: SignedClient,
  seconds: number,
  connections: number,
): Promise<Row[]> {
  const postgresClient = postgresOperator.as(await createAccount(postgresOperator, 'get-postgres'));
  expectStatus(
    await postgresClient.rest('POST', '/v1/trails', { name: TRAIL, s3BucketName: 'bench-logs' }),
    201,
    'CreateTrail',
  );
  const app = await startEmbeddedBenchApp();
  const operator = new SignedClient(app.url, BENCH_OPERATOR, HOME);
  try {
    const client = operator.as(await createAccount(operator, 'embedded-get'));
    expectStatus(
      await client.rest('POST', '/v1/trails', { name: TRAIL, s3BucketName: 'bench-logs' }),
      201,
      'CreateTrail',
    );
    const embedded = getTrailTargets(app.url, app.url, client, TRAIL);
    const postgres = getTrailTargets(postgresUrl, postgresUrl, postgresClient, TRAIL);
    const runs = await interleaved(
      {
        postgres: (round) => autocannonLoad(postgres.awsGet(), round === 0 ? 1 : seconds, connections),
        embedded: (round) => autocannonLoad(embedded.awsGet(), round === 0 ? 1 : seconds, connections),
      },
      {
        onSample: (key, round, f) =>
          log(`P16 round ${round} ${key}: ${fmt(f.rps)} req/s, p50 ${fmt(f.p50)} ms`),
      },
    );
    const pg = medianFigures(runs.postgres);
    const em = medianFigures(runs.embedded);
    const idle = await latencies(client, () => false, 200);
    const busy = await duringPropagation(app.api.get(DataSource), operator, client);
    log(`P16 background: ${busy.samples.length} GetTrail calls during ${fmt(busy.ms)} ms of propagation`);
    const max = Math.max(...busy.samples);
    return [
      row(
        `P16 embedded (PGlite) GetTrail AWS JSON req/s (${connections} connections) vs the same build on PostgreSQL`,
        em.rps,
        `${fmt(pg.rps)} (PostgreSQL mode)`,
        em.rps / pg.rps,
        { atLeast: 0.5 },
      ),
      row(
        'P16 embedded GetTrail latency p50 / p99 (ms)',
        `${fmt(em.p50)} / ${fmt(em.p99)}`,
        `${fmt(pg.p50)} / ${fmt(pg.p99)} (PostgreSQL mode)`,
      ),
      row(
        `P16 embedded GetTrail longest wait while an organization trail propagates to ${(MEMBERS + 1).toLocaleString('en-US')} accounts × every Region (ms, ${busy.samples.length} calls one after another)`,
        max,
        `${WAIT_BOUND_MS} ms (the bound)`,
        max / WAIT_BOUND_MS,
        { atMost: 1 },
      ),
      row(
        'P16 embedded GetTrail p99 during that propagation vs idle (ms)',
        percentile(busy.samples, 99),
        `${fmt(percentile(idle, 99))} (idle p99)`,
        percentile(busy.samples, 99) / percentile(idle, 99),
      ),
    ];
  } finally {
    postgresClient.close();
    operator.close();
    await app.close();
  }
}

/** Latencies (ms) of GetTrail calls one after another, until `done()` or `max` calls. */
async function latencies(client: SignedClient, done: () => boolean, max: number): Promise<number[]> {
  const samples: number[] = [];
  while (!done() && samples.length < max) {
    const t0 = performance.now();
    expectStatus(await client.cloudtrail('GetTrail', { Name: TRAIL }), 200, 'GetTrail');
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function duringPropagation(
  dataSource: DataSource,
  operator: SignedClient,
  client: SignedClient,
): Promise<{ samples: number[]; ms: number }> {
  const management = operator.as(await createAccount(operator, 'embedded-mgmt'));
  const organization = await createOrganization(management);
  const db: SqlClient = { query: async (text, values) => ({ rows: await dataSource.query(text, values) }) };
  await seedMembers(db, organization.id, MEMBERS);
  const t0 = performance.now();
  const created = expectStatus(
    await management.rest('POST', '/v1/trails', {
      name: 'embedded-org-trail',
      s3BucketName: 'org-audit-logs',
      isMultiRegionTrail: true,
      isOrganizationTrail: true,
    }),
    201,
    'CreateTrail',
  ).json<{ trailArn: string }>();
  let propagated = false;
  // Completion is read from the trail row, not from GET …/propagation: on the one embedded
  // connection that status (desired × actual over the whole organization) is itself a request
  // GetTrail would wait behind, and it is the bench's probe, not background work.
  const watching = (async () => {
    while (!propagated) {
      const [trail] = await dataSource.query<Array<{ done: boolean }>>(
        'SELECT observed_generation >= generation AS done FROM trails WHERE arn = $1',
        [created.trailArn],
      );
      propagated = trail?.done === true;
      if (!propagated) await sleep(50);
    }
  })();
  const samples = await latencies(client, () => propagated, Number.POSITIVE_INFINITY);
  await watching;
  management.close();
  return { samples, ms: performance.now() - t0 };
}
