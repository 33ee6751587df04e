import { CreateTrailCommand, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { EnableAWSServiceAccessCommand } from '@aws-sdk/client-organizations';
import { given, type GivenOrganization, uniqueName } from '../support/given';
import { WorkerProcess } from '../support/processes';
import { eventually, TestApp } from '../support/test-app';
import { checkOrganizationTrailReplicas, OwnRedis, replicaCount, seedMembers } from './fault-support';

const MEMBERS = 500;
/** Test timings (RELIABILITY.md scenario 1): lock 5 s, stalled check 5 s, sweeps every 5 s. */
const WORKER_SETTINGS = {
  TRAILPLANE_WORKER_LOCK_MS: '5000',
  TRAILPLANE_WORKER_STALLED_MS: '5000',
  TRAILPLANE_SWEEP_INTERVAL_MS: '5000',
  TRAILPLANE_RECONCILE_BATCH_ACCOUNTS: '50',
  TRAILPLANE_FAULTS: 'reconcile-delay-ms=250',
  LOG_LEVEL: 'info',
};

async function organizationOf(app: TestApp): Promise<GivenOrganization> {
  const org = await given.organization(app);
  await app
    .organizations(org.management)
    .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' }));
  await seedMembers(app.databaseUrl, org.id, MEMBERS);
  return org;
}

async function createOrganizationTrail(app: TestApp, org: GivenOrganization): Promise<string> {
  const created = await app.cloudtrail(org.management).send(
    new CreateTrailCommand({
      Name: uniqueName('org'),
      S3BucketName: 'org-logs',
      IsOrganizationTrail: true,
      IsMultiRegionTrail: true,
    }),
  );
  return created.TrailARN!;
}

async function converged(
  app: TestApp,
  org: GivenOrganization,
  arn: string,
  timeoutMs: number,
): Promise<void> {
  const check = await eventually(
    async () => {
      const result = await checkOrganizationTrailReplicas(app.databaseUrl, arn);
      return result.missing === 0 && result.extra === 0 ? result : undefined;
    },
    timeoutMs,
    500,
  );
  expect(check.actual).toBe((MEMBERS + 1) * 17);
  expect(check.expected).toBe(check.actual);
  const status = await eventually(async () => {
    const response = await app.rest(org.management).get(`/v1/trails/${encodeURIComponent(arn)}/propagation`);
    return response.body.pending === 0 && response.body.observedGeneration === response.body.generation
      ? response.body
      : undefined;
  }, timeoutMs);
  expect(status).toMatchObject({ desired: (MEMBERS + 1) * 17, applied: (MEMBERS + 1) * 17, failed: 0 });
}

const progressBetween = (app: TestApp, arn: string, low: number, high: number) =>
  eventually(
    async () => {
      const n = await replicaCount(app.databaseUrl, arn);
      return n >= low && n < high ? n : undefined;
    },
    60_000,
    50,
  );

// Each scenario waits out BullMQ's lock and stalled-job timings on purpose.
jest.setTimeout(240_000);

describe('propagation under faults (worker processes, real PostgreSQL and Redis)', () => {
  describe('a worker SIGKILLed mid-propagation', () => {
    let app: TestApp;
    const workers: WorkerProcess[] = [];
    beforeAll(async () => {
      app = await TestApp.start({ inProcessWorker: false });
    });
    afterAll(async () => {
      await Promise.all(workers.map((w) => w.stop('SIGKILL')));
      await app.close();
    });

    it('converges to exactly the desired replicas after restarts, even when killed twice', async () => {
      const org = await organizationOf(app);
      const first = new WorkerProcess({ ...app.env, ...WORKER_SETTINGS });
      workers.push(first);
      first.start();
      await first.started();
      const arn = await createOrganizationTrail(app, org);
      const total = (MEMBERS + 1) * 17;

      await progressBetween(app, arn, Math.floor(total * 0.1), Math.floor(total * 0.5)).catch(
        (error: unknown) => {
          throw new Error(`${String(error)}\nworker log:\n${first.logs.slice(-3000)}`);
        },
      );
      await first.kill();
      const afterKill = await replicaCount(app.databaseUrl, arn);
      expect(afterKill).toBeLessThan(total);

      const second = new WorkerProcess({ ...app.env, ...WORKER_SETTINGS });
      workers.push(second);
      second.start();
      await second.started();
      // Kill the retried job too (maxStalledCount): the stalled job must be taken over again.
      await progressBetween(app, arn, afterKill + 1, total).catch((error: unknown) => {
        throw new Error(`${String(error)}\nworker log:\n${second.logs.slice(-6000)}`);
      });
      await second.kill();

      const third = new WorkerProcess({ ...app.env, ...WORKER_SETTINGS });
      workers.push(third);
      third.start();
      await third.started();
      await converged(app, org, arn, 90_000);
    });

    it('two workers on one queue converge to the same result, without duplicates', async () => {
      const org = await organizationOf(app);
      const pair = [
        new WorkerProcess({ ...app.env, ...WORKER_SETTINGS }),
        new WorkerProcess({ ...app.env, ...WORKER_SETTINGS }),
      ];
      workers.push(...pair);
      pair.forEach((w) => w.start());
      await Promise.all(pair.map((w) => w.started()));
      const arn = await createOrganizationTrail(app, org);
      await converged(app, org, arn, 90_000);
      const again = await checkOrganizationTrailReplicas(app.databaseUrl, arn);
      expect(again).toEqual({
        actual: (MEMBERS + 1) * 17,
        expected: (MEMBERS + 1) * 17,
        missing: 0,
        extra: 0,
      });
    });
  });

  describe('Redis killed and restarted mid-propagation', () => {
    const redis = new OwnRedis();
    let app: TestApp;
    let worker: WorkerProcess;
    beforeAll(async () => {
      await redis.start(true);
      app = await TestApp.start({ inProcessWorker: false, redisUrl: redis.url });
      worker = new WorkerProcess({ ...app.env, ...WORKER_SETTINGS });
      worker.start();
      await worker.started();
    });
    afterAll(async () => {
      await worker.stop('SIGKILL');
      await app.close();
      await redis.stop();
    });

    it.each([
      ['with its append-only file (data kept)', true],
      ['empty (data lost): the outbox relay re-enqueues from PostgreSQL', false],
    ])(
      'converges after a restart %s; reads keep working and /readyz turns red, then green',
      async (_label, keepData) => {
        const org = await organizationOf(app);
        const arn = await createOrganizationTrail(app, org);
        const total = (MEMBERS + 1) * 17;
        await progressBetween(app, arn, Math.floor(total * 0.05), Math.floor(total * 0.6));

        await redis.kill();
        if (!keepData) redis.wipe();
        const ready = await fetch(`${app.url}/readyz`);
        expect(ready.status).toBe(503);
        // Static stability: reads depend on PostgreSQL only.
        const { trailList } = await app.cloudtrail(org.management).send(new DescribeTrailsCommand({}));
        expect(trailList?.map((t) => t.TrailARN)).toContain(arn);

        await new Promise((resolve) => setTimeout(resolve, 3_000));
        await redis.start(keepData);
        await eventually(
          async () => ((await fetch(`${app.url}/readyz`)).status === 200 ? true : undefined),
          30_000,
        );
        await converged(app, org, arn, 120_000);
      },
    );
  });
});
