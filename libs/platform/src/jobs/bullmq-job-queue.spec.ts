import { type Queue } from 'bullmq';
import pino from 'pino';
import { type TransactionRunner } from '../database/transaction';
import { RedisRequestBound } from '../redis/redis-request-bound';
import { createRedisConnection } from '../redis/redis-connection';
import { BullmqJobQueue } from './bullmq-job-queue';
import { JOB_QUEUES, JobName } from './job-names';
import { type JobOutbox } from './job-outbox';

describe('BullmqJobQueue.push', () => {
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
});
