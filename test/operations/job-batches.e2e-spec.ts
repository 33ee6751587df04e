import { JOB_BATCH, JOB_QUEUES, JobName, JobQueue, jobIds, TransactionRunner } from '@app/platform';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { given } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import { BUCKET, trailName } from '../trails/support/trail-world';

const ACCOUNTS = 2;
const TRAILS_PER_ACCOUNT = 5;

/**
 * ReconcileTrail jobs enqueued together travel through BullMQ several to a job (PERFORMANCE.md
 * P10): each still has its outbox row and its own outcome, and one that fails is retried alone.
 */
describe('ReconcileTrail jobs enqueued together', () => {
  let app: TestApp;
  let db: Client;
  let queue: Queue;
  let trails: string[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    queue = new Queue(JOB_QUEUES[JobName.ReconcileTrail], {
      connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
      prefix: app.prefix,
    });
    for (let a = 0; a < ACCOUNTS; a++) {
      const account = await given.account(app);
      for (let t = 0; t < TRAILS_PER_ACCOUNT; t++) {
        const body = { name: trailName('batch'), s3BucketName: BUCKET, isMultiRegionTrail: true };
        expect((await app.rest(account).post('/v1/trails', body)).status).toBe(201);
      }
    }
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM trails WHERE name LIKE 'batch%'`);
    trails = rows.map((row) => row.id);
    expect(trails).toHaveLength(ACCOUNTS * TRAILS_PER_ACCOUNT);
    await allObserved();
  });
  afterAll(async () => {
    await queue.close();
    await db.end();
    await app.close();
  });

  const observed = async (): Promise<string[]> => {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM trails WHERE id = ANY($1::uuid[]) AND observed_generation >= generation ORDER BY id`,
      [trails],
    );
    return rows.map((row) => row.id);
  };
  const allObserved = () =>
    eventually(async () => ((await observed()).length === trails.length ? true : undefined));
  const replicaCount = async (): Promise<number> => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM trail_replicas WHERE trail_id = ANY($1::uuid[])`,
      [trails],
    );
    return rows[0].n;
  };

  /**
   * Drops the trails' replicas and starts a new generation of each, enqueued in one transaction;
   * answers the jobs' ids by trail.
   */
  const changeAllTogether = async (): Promise<Map<string, string>> => {
    await db.query(`DELETE FROM trail_replicas WHERE trail_id = ANY($1::uuid[])`, [trails]);
    const { rows } = await db.query<{ id: string; generation: number }>(
      `UPDATE trails SET generation = generation + 1 WHERE id = ANY($1::uuid[]) RETURNING id, generation`,
      [trails],
    );
    const jobs = app.get(JobQueue);
    const payloads = rows.map((row) => ({ trailId: row.id, generation: row.generation, afterAccountId: '' }));
    await app.get(TransactionRunner).run(async () => {
      for (const payload of payloads) await jobs.enqueue(JobName.ReconcileTrail, payload);
    });
    return new Map(payloads.map((payload) => [payload.trailId, jobIds[JobName.ReconcileTrail](payload)]));
  };

  const outboxRows = async (ids: string[]): Promise<number> => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM job_outbox WHERE id = ANY($1::text[])`,
      [ids],
    );
    return rows[0].n;
  };

  it('go through BullMQ as one job and each reconciles its trail and leaves the outbox', async () => {
    const replicas = await replicaCount();
    const batchesBefore = (await queue.getJobs(['completed'])).filter((job) => job.name === JOB_BATCH);

    const ids = [...(await changeAllTogether()).values()];

    await allObserved();
    expect(await replicaCount()).toBe(replicas);
    await eventually(async () => ((await outboxRows(ids)) === 0 ? true : undefined));
    const batches = (await queue.getJobs(['completed'])).filter((job) => job.name === JOB_BATCH);
    expect(batches.length - batchesBefore.length).toBe(1);
    expect(await Promise.all(ids.map((id) => queue.getJob(id)))).toEqual(ids.map(() => undefined));
  });

  it('retries a job of the batch that failed on its own, and the others finish', async () => {
    const [failing] = trails;
    await db.query(`CREATE OR REPLACE FUNCTION refuse_batch_replica() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await db.query(
      `CREATE TRIGGER refuse_batch_replica BEFORE INSERT ON trail_replicas FOR EACH ROW
       WHEN (NEW.trail_id = '${failing}') EXECUTE FUNCTION refuse_batch_replica()`,
    );
    try {
      const jobs = await changeAllTogether();
      const ids = [...jobs.values()];
      const failingId = jobs.get(failing) as string;

      const others = trails.filter((id) => id !== failing).sort();
      await eventually(async () => ((await observed()).join() === others.join() ? true : undefined));
      // Requeued under its own id, with attempts of its own; the others have no job of their own.
      await eventually(async () => ((await queue.getJob(failingId)) ? true : undefined));
      const alone = await Promise.all(ids.filter((id) => id !== failingId).map((id) => queue.getJob(id)));
      expect(alone.filter(Boolean)).toHaveLength(0);
      expect(await outboxRows(ids)).toBe(1);
    } finally {
      await db.query(`DROP TRIGGER refuse_batch_replica ON trail_replicas`);
    }

    await allObserved();
    await eventually(async () => (await db.query(`SELECT 1 FROM job_outbox`)).rowCount === 0 || undefined);
  });
});
