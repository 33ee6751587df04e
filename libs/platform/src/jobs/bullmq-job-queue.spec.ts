import { type Queue } from 'bullmq';
import pino from 'pino';
import { type TransactionRunner } from '../database/transaction';
import { RedisRequestBound } from '../redis/redis-request-bound';
import { createRedisConnection } from '../redis/redis-connection';
import { BullmqJobQueue, JOB_BATCH, type JobBatch } from './bullmq-job-queue';
import { JOB_QUEUES, JobName, jobIds } from './job-names';
import { type JobOutbox } from './job-outbox';

describe('BullmqJobQueue pushes', () => {
  const connection = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'producer');
  const queue = new BullmqJobQueue(
    {} as TransactionRunner,
    {} as JobOutbox,
    connection,
    `push-spec-${process.pid}-${Date.now()}`,
    new RedisRequestBound(2_000),
    pino({ level: 'silent' }),
  );
  afterAll(async () => {
    await queue.close();
    connection.disconnect();
  });

  it('tries a failed add once more instead of leaving the job to the outbox relay', async () => {
    const entry = {
      id: 'push-retry-1',
      name: JobName.RegionLaunched,
      payload: { region: 'xx-test-1', optIn: true },
    };
    const bull = queue.queues.get(JOB_QUEUES[entry.name]) as Queue;
    const add = jest.spyOn(bull, 'add').mockRejectedValueOnce(new Error('Command timed out'));

    await queue.push(entry, 0);

    expect(add).toHaveBeenCalledTimes(2);
    expect((await bull.getJob(entry.id))?.data).toEqual(entry.payload);
    await bull.obliterate({ force: true });
  });

  it('sends jobs of a batched kind enqueued together 64 to a BullMQ job, and other jobs alone', async () => {
    const batching = new BullmqJobQueue(
      {
        run: async (work: (em: unknown) => unknown) => work({}),
        afterCommit: async (after: () => unknown) => after(),
      } as unknown as TransactionRunner,
      { recordMany: async () => undefined } as unknown as JobOutbox,
      connection,
      `batch-spec-${process.pid}-${Date.now()}`,
      new RedisRequestBound(2_000),
      pino({ level: 'silent' }),
    );
    const bull = batching.queues.get(JOB_QUEUES[JobName.ReconcileTrail]) as Queue;
    const payloads = Array.from({ length: 130 }, (_, i) => ({
      trailId: `trail-${i}`,
      generation: 1,
      afterAccountId: '',
    }));
    await batching.enqueueMany(JobName.ReconcileTrail, payloads);
    await batching.enqueueMany(JobName.RegionLaunched, [{ region: 'xx-alone-1', optIn: false }]);

    const jobs = await bull.getJobs(['waiting']);
    const batches = jobs.filter((job) => job.name === JOB_BATCH).map((job) => job.data as JobBatch);
    expect(batches.map((batch) => batch.entries.length).sort((a, b) => a - b)).toEqual([2, 64, 64]);
    expect(batches.flatMap((batch) => batch.entries.map((entry) => entry.id)).sort()).toEqual(
      payloads.map((payload) => jobIds[JobName.ReconcileTrail](payload)).sort(),
    );
    expect(jobs.filter((job) => job.name !== JOB_BATCH).map((job) => job.id)).toEqual([
      'region-launched.xx-alone-1',
    ]);
    await bull.obliterate({ force: true });
    await batching.close();
  });
});
