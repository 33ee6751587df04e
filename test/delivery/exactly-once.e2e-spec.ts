import { CloudTrailClient, DescribeTrailsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { type TestCredentials } from '../support/credentials';
import { given, uniqueName } from '../support/given';
import { ApiProcess, WorkerProcess } from '../support/processes';
import { eventually, TestApp } from '../support/test-app';
import { withDatabase } from '../faults/fault-support';
import { givenLogBucket, storedLogFiles } from './support/log-buckets';

/** Short BullMQ timings so the killed worker's job is taken over quickly; one-second files, small batches. */
const WORKER_SETTINGS = {
  TRAILPLANE_WORKER_LOCK_MS: '2000',
  TRAILPLANE_WORKER_STALLED_MS: '2000',
  TRAILPLANE_SWEEP_INTERVAL_MS: '2000',
  TRAILPLANE_DELIVERY_BATCH_EVENTS: '100',
  // The processes announce that they started at info level.
  LOG_LEVEL: 'info',
};
const CALLS_PER_WRITER = 80;
const CONCURRENCY = 6;

interface Writer {
  readonly account: TestCredentials;
  readonly bucket: string;
  readonly trail: string;
}

/** The eventIDs §1 selects for a logging trail with default selectors: its management events in its Regions. */
function selectedEventIds(databaseUrl: string, trail: string, regions: readonly string[]): Promise<string[]> {
  return withDatabase(databaseUrl, async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT e.event_id::text AS id
         FROM trails t
         JOIN trail_logging_periods p ON p.trail_id = t.id
         JOIN events e ON e.account_id = t.owner_account_id AND e.region = ANY($2::text[]) AND e.management
                      AND e.event_time >= p.started_at AND (p.stopped_at IS NULL OR e.event_time < p.stopped_at)
        WHERE t.name = $1 AND t.home_region = 'us-east-1'`,
      [trail, regions],
    );
    return rows.map((row) => row.id);
  });
}

async function callMany(client: CloudTrailClient, calls: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < calls) await client.send(new DescribeTrailsCommand({}));
    }),
  );
}

jest.setTimeout(180_000);

describe('exactly-once delivery (two API processes, workers killed mid-delivery)', () => {
  let app: TestApp;
  const processes: Array<ApiProcess | WorkerProcess> = [];
  beforeAll(async () => {
    app = await TestApp.start({
      inProcessWorker: false,
      env: { TRAILPLANE_DELIVERY_INTERVAL_SECONDS: '1' },
    });
  });
  afterAll(async () => {
    await Promise.all(processes.map((child) => child.stop('SIGKILL')));
    await app.close();
  });

  function started<T extends ApiProcess | WorkerProcess>(child: T): Promise<T> {
    processes.push(child);
    child.start();
    return child.started(90_000).then(() => child);
  }

  async function loggingTrail(multiRegion: boolean): Promise<Writer> {
    const account = await given.account(app);
    const bucket = uniqueName('once').toLowerCase();
    const trail = uniqueName('once');
    await givenLogBucket(app, account, bucket, [
      `arn:aws:cloudtrail:us-east-1:${account.accountId}:trail/${trail}`,
    ]);
    const created = await app
      .rest(account)
      .post('/v1/trails', { name: trail, s3BucketName: bucket, isMultiRegionTrail: multiRegion });
    expect(created.status).toBe(201);
    await app.cloudtrail(account).send(new StartLoggingCommand({ Name: trail }));
    return { account, bucket, trail };
  }

  it('delivers every selected event exactly once: none missing, none extra, none twice', async () => {
    const settings = { ...app.env, ...WORKER_SETTINGS };
    const [apiA, apiB] = await Promise.all([
      started(new ApiProcess(settings)),
      started(new ApiProcess(settings)),
    ]);
    const [doomed] = await Promise.all([
      started(new WorkerProcess(settings)),
      started(new WorkerProcess(settings)),
    ]);
    // A single-Region trail (its eu-west-1 events must not appear) and a multi-Region one.
    const writers = [await loggingTrail(false), await loggingTrail(true)];
    const clients = writers.flatMap(({ account }) =>
      [apiA, apiB].flatMap((api) =>
        ['us-east-1', 'eu-west-1'].map(
          (region) =>
            new CloudTrailClient({ endpoint: api.url, region, credentials: account, maxAttempts: 1 }),
        ),
      ),
    );
    const writing = Promise.all(clients.map((client) => callMany(client, CALLS_PER_WRITER)));
    await eventually(async () =>
      (await storedLogFiles(app, writers[1].bucket)).length > 1 ? true : undefined,
    );
    await doomed.kill();
    await started(new WorkerProcess(settings));
    await writing;

    for (const [index, { bucket, trail }] of writers.entries()) {
      const regions = index === 0 ? ['us-east-1'] : ['us-east-1', 'eu-west-1'];
      const expected = (await selectedEventIds(app.databaseUrl, trail, regions)).sort();
      expect(expected.length).toBeGreaterThan(CALLS_PER_WRITER * 2);
      const delivered = await eventually(
        async () => {
          const ids = (await storedLogFiles(app, bucket)).flatMap((file) =>
            file.records.map((r) => String(r.eventID)),
          );
          return ids.length >= expected.length ? ids : undefined;
        },
        60_000,
        250,
      );
      expect({ trail, missing: expected.filter((id) => !delivered.includes(id)) }).toEqual({
        trail,
        missing: [],
      });
      expect({ trail, extra: delivered.filter((id) => !expected.includes(id)) }).toEqual({
        trail,
        extra: [],
      });
      expect({ trail, twice: delivered.length - new Set(delivered).size }).toEqual({ trail, twice: 0 });
    }
  });
});
