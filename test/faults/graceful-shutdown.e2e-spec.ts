import { CloudTrailClient, CreateTrailCommand, GetTrailCommand } from '@aws-sdk/client-cloudtrail';
import { EnableAWSServiceAccessCommand } from '@aws-sdk/client-organizations';
import { given, uniqueName } from '../support/given';
import { ApiProcess, WorkerProcess } from '../support/processes';
import { eventually, TestApp } from '../support/test-app';
import { checkOrganizationTrailReplicas, seedMembers, withDatabase } from './fault-support';

jest.setTimeout(120_000);

describe('graceful shutdown of the API process', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The in-test app only prepares the database (migrated, with the operator); the API under test is a child process.
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('on SIGTERM finishes in-flight requests, flushes buffered events and exits 0', async () => {
    const api = new ApiProcess({ ...app.env, LOG_LEVEL: 'info' });
    api.start();
    await api.started();
    const account = await given.account(app);
    const name = uniqueName('t');
    const client = new CloudTrailClient({
      endpoint: api.url,
      region: 'us-east-1',
      credentials: account,
      maxAttempts: 1,
    });
    await client.send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));

    const inFlight = Array.from({ length: 40 }, () => client.send(new GetTrailCommand({ Name: name })));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const started = Date.now();
    api.signal('SIGTERM');
    const results = await Promise.allSettled(inFlight);
    const exit = await api.exited();
    expect({ code: exit.code, log: exit.code === 0 ? '' : api.logs.slice(-3000) }).toEqual({
      code: 0,
      log: '',
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    // Requests already received were answered; any refused ones were refused cleanly, not cut.
    const fulfilled = results.filter((r) => r.status === 'fulfilled').length;
    expect(fulfilled).toBeGreaterThan(0);
    expect(api.logs).toContain('shut down cleanly');

    // Every answered GetTrail left its (buffered) event in the database before the exit.
    const recorded = await withDatabase(app.databaseUrl, async (db) => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events WHERE account_id = $1 AND event_name = 'GetTrail'`,
        [account.accountId],
      );
      return rows[0].n;
    });
    expect(recorded).toBeGreaterThanOrEqual(fulfilled);
  });

  it('exits at once on a second signal', async () => {
    const api = new ApiProcess({ ...app.env, TRAILPLANE_SHUTDOWN_TIMEOUT_MS: '60000' });
    api.start();
    await api.started();
    // Keep a request open so the first signal has something to wait for.
    const slow = fetch(`${api.url}/v1/account/regions`, {
      headers: { 'x-amz-date': '20200101T000000Z' },
    }).catch(() => undefined);
    api.signal('SIGTERM');
    api.signal('SIGTERM');
    const started = Date.now();
    const exit = await api.exited();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(exit.code === 130 || exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    await slow;
  });

  it('refuses to start with a bad configuration value, naming the variable', async () => {
    const api = new ApiProcess({ ...app.env, PORT: 'eighty' });
    api.start();
    const exit = await api.exited();
    expect(exit.code).toBe(2);
    expect(api.logs).toContain('Invalid environment: PORT=eighty');
  });
});

describe('graceful shutdown of a worker process', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ inProcessWorker: false });
  });
  afterAll(() => app.close());

  it('on SIGTERM finishes the job in flight, takes no new one, and a restarted worker completes the rest', async () => {
    const org = await given.organization(app);
    await app
      .organizations(org.management)
      .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' }));
    await seedMembers(app.databaseUrl, org.id, 200);
    const settings = {
      ...app.env,
      TRAILPLANE_RECONCILE_BATCH_ACCOUNTS: '20',
      TRAILPLANE_FAULTS: 'reconcile-delay-ms=400',
      LOG_LEVEL: 'info',
    };
    const worker = new WorkerProcess(settings);
    worker.start();
    await worker.started();
    const { TrailARN } = await app.cloudtrail(org.management).send(
      new CreateTrailCommand({
        Name: uniqueName('org'),
        S3BucketName: 'logs',
        IsOrganizationTrail: true,
        IsMultiRegionTrail: true,
      }),
    );
    await eventually(async () =>
      (await checkOrganizationTrailReplicas(app.databaseUrl, TrailARN!)).actual > 17 ? true : undefined,
    );
    const started = Date.now();
    const code = await worker.stop('SIGTERM');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(worker.logs).toContain('shut down cleanly');
    const partial = await checkOrganizationTrailReplicas(app.databaseUrl, TrailARN!);
    expect(partial.missing).toBeGreaterThan(0);

    const metricsPort = 30_000 + Math.floor(Math.random() * 20_000);
    const next = new WorkerProcess({ ...settings, TRAILPLANE_WORKER_METRICS_PORT: String(metricsPort) });
    next.start();
    await next.started();
    const done = await eventually(async () => {
      const check = await checkOrganizationTrailReplicas(app.databaseUrl, TrailARN!);
      return check.missing === 0 && check.extra === 0 ? check : undefined;
    }, 60_000);
    expect(done.actual).toBe(201 * 17);
    // The interrupted batch was completed before exit, not left to the stalled-job check.
    expect(next.logs).not.toContain('stalled');
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/trailplane_job_duration_seconds_count\{job="reconcile-trail"\} [1-9]/);
    await next.stop('SIGTERM');
  });
});
