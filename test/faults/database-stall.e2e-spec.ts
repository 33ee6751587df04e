import {
  type CloudTrailClient,
  CreateTrailCommand,
  DescribeTrailsCommand,
  LookupEventsCommand,
} from '@aws-sdk/client-cloudtrail';
import { given, uniqueName } from '../support/given';
import { createTestDatabase, TEST_REDIS_URL } from '../support/test-database';
import { eventually, TestApp } from '../support/test-app';
import { withDatabase } from './fault-support';
import { StallingProxy } from './stalling-proxy';

/** What a caller saw: the outcome of one call and how long it waited for it. */
interface Answer {
  readonly ms: number;
  readonly status: number;
  readonly code: string;
}

async function awsCall(send: () => Promise<unknown>): Promise<Answer> {
  const started = Date.now();
  try {
    await send();
    return { ms: Date.now() - started, status: 200, code: 'OK' };
  } catch (error) {
    const e = error as { name: string; $metadata?: { httpStatusCode?: number } };
    return { ms: Date.now() - started, status: e.$metadata?.httpStatusCode ?? 0, code: e.name };
  }
}

async function restCall(send: () => Promise<{ status: number; body: unknown }>): Promise<Answer> {
  const started = Date.now();
  const response = await send();
  const code = (response.body as { error?: { code?: string } }).error?.code ?? 'OK';
  return { ms: Date.now() - started, status: response.status, code };
}

async function readiness(url: string): Promise<Answer & { body: unknown }> {
  const started = Date.now();
  const response = await fetch(`${url}/readyz`);
  return { ms: Date.now() - started, status: response.status, code: 'readyz', body: await response.json() };
}

async function trailsNamed(databaseUrl: string, names: string[]): Promise<number> {
  return withDatabase(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM trails WHERE name = ANY($1::text[])`,
      [names],
    );
    return rows[0].n;
  });
}

/** Sessions of the suite's database holding a transaction open (the stalled ones, until they end). */
async function openTransactions(databaseUrl: string): Promise<number> {
  return withDatabase(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
    );
    return rows[0].n;
  });
}

const UNAVAILABLE = { status: 503, code: 'ServiceUnavailable' };

// The scenarios hold stalls for seconds on purpose.
jest.setTimeout(120_000);

describe('PostgreSQL stalls: connections hang without a reset (RELIABILITY.md scenario 18)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: StallingProxy;
  let app: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = await StallingProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    app = await TestApp.start({ databaseUrl: proxy.through(database.url) });
  });
  afterAll(async () => {
    proxy?.resume();
    await app?.close({ keepDatabase: true });
    await proxy?.close();
    await database?.drop();
  });

  it('answers calls in flight and new ones with a retryable 503 within seconds, writes nothing half, and serves again once the database is back', async () => {
    const account = await given.account(app);
    const cloudtrail: CloudTrailClient = app.cloudtrail(account, 'eu-west-1');
    const rest = app.rest(account, 'eu-west-1');
    await cloudtrail.send(new DescribeTrailsCommand({}));

    // CreateTrail stalls inside its transaction: the trail row is written, the commit never comes.
    const inFlightName = uniqueName('stalled');
    const stalled = proxy.stallAfter('INSERT INTO trail_replicas');
    const inFlight = awsCall(() =>
      cloudtrail.send(new CreateTrailCommand({ Name: inFlightName, S3BucketName: 'audit-logs' })),
    );
    await stalled;
    const newName = uniqueName('during');
    const [created, described, listed, ready] = await Promise.all([
      awsCall(() => cloudtrail.send(new CreateTrailCommand({ Name: newName, S3BucketName: 'audit-logs' }))),
      awsCall(() => cloudtrail.send(new DescribeTrailsCommand({}))),
      restCall(() => rest.get('/v1/trails')),
      readiness(app.url),
    ]);
    const answers = { inFlight: await inFlight, created, described, listed };
    for (const answer of Object.values(answers)) {
      expect(answer).toMatchObject(UNAVAILABLE);
      expect(answer.ms).toBeLessThan(8_000);
    }
    expect(ready).toMatchObject({ status: 503, body: { database: false } });
    expect(ready.ms).toBeLessThan(8_000);

    proxy.resume();
    await eventually(async () =>
      (await readiness(app.url)).status === 200 && (await openTransactions(database.url)) === 0
        ? true
        : undefined,
    );
    // The stalled transactions ended without a commit: neither trail exists, and the name is free again.
    expect(await trailsNamed(database.url, [inFlightName, newName])).toBe(0);
    await expect(
      cloudtrail.send(new CreateTrailCommand({ Name: inFlightName, S3BucketName: 'audit-logs' })),
    ).resolves.toMatchObject({ Name: inFlightName });
    // No connection was handed back to the pool stuck mid-statement: more calls than it holds all succeed.
    const after = await Promise.all(
      Array.from({ length: 12 }, () => awsCall(() => cloudtrail.send(new DescribeTrailsCommand({})))),
    );
    expect(after.filter((answer) => answer.code !== 'OK')).toEqual([]);
    const { trailList } = await cloudtrail.send(new DescribeTrailsCommand({}));
    expect((trailList ?? []).map((trail) => trail.Name)).toEqual([inFlightName]);
    expect((await rest.get('/v1/trails')).status).toBe(200);
  });
});

describe('Redis stalls: no request waits for it beyond a short bound', () => {
  let proxy: StallingProxy;
  let app: TestApp;
  beforeAll(async () => {
    const redis = new URL(TEST_REDIS_URL);
    proxy = await StallingProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) });
    app = await TestApp.start({
      redisUrl: proxy.through(TEST_REDIS_URL),
      env: { TRAILPLANE_THROTTLING: 'on', TRAILPLANE_SWEEP_INTERVAL_MS: '1000' },
    });
  });
  afterAll(async () => {
    proxy?.resume();
    await app?.close();
    await proxy?.close();
  });

  it('answers every call quickly, throttles in process, and propagates the jobs once Redis is back', async () => {
    const account = await given.account(app);
    const cloudtrail = app.cloudtrail(account, 'eu-west-1');
    const rest = app.rest(account, 'eu-west-1');
    await cloudtrail.send(new DescribeTrailsCommand({}));

    proxy.stall();
    const name = uniqueName('redis-stall');
    const created = await awsCall(() =>
      cloudtrail.send(
        new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs', IsMultiRegionTrail: true }),
      ),
    );
    const described = await awsCall(() => cloudtrail.send(new DescribeTrailsCommand({})));
    const listed = await restCall(() => rest.get('/v1/trails'));
    for (const answer of [created, described, listed]) {
      expect(answer).toMatchObject({ status: 200, code: 'OK' });
      expect(answer.ms).toBeLessThan(2_000);
    }
    // LookupEvents allows 2 per second: the in-process limiter still refuses the excess.
    const lookups = await Promise.all(
      [1, 2, 3, 4].map(() => awsCall(() => cloudtrail.send(new LookupEventsCommand({})))),
    );
    expect(lookups.filter((answer) => answer.code === 'ThrottlingException').length).toBeGreaterThanOrEqual(
      1,
    );
    for (const answer of lookups) expect(answer.ms).toBeLessThan(2_000);
    const ready = await readiness(app.url);
    expect(ready).toMatchObject({ status: 503, body: { database: true, queue: false } });
    expect(ready.ms).toBeLessThan(2_000);

    // Held past the producer's command timeout, so the push is abandoned and the outbox relay takes over.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    proxy.resume();
    const arn = `arn:aws:cloudtrail:eu-west-1:${account.accountId}:trail/${name}`;
    const propagation = await eventually(
      async () => {
        const response = await rest.get(`/v1/trails/${encodeURIComponent(arn)}/propagation`);
        const body = response.body as { pending: number; generation: number; observedGeneration: number };
        return body.pending === 0 && body.observedGeneration === body.generation ? body : undefined;
      },
      60_000,
      500,
    );
    expect(propagation).toMatchObject({ failed: 0 });
    expect((await readiness(app.url)).status).toBe(200);
  });
});
