import { Queue } from 'bullmq';
import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { type TransactionRunner } from '../database/transaction';
import { JOB_QUEUES, jobIds, type JobName, type JobPayloads, QueueName } from './job-names';
import { type EnqueueOptions, JobQueue } from './job-queue';

/** Retries and retention shared by every job (retained ids make a repeated enqueue a no-op). */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
} as const;

/**
 * Producer side of BullMQ. Adds happen after the surrounding transaction commits; if Redis is
 * unreachable then, the change is already safe in PostgreSQL and the periodic sweeps re-enqueue it.
 */
export class BullmqJobQueue extends JobQueue {
  readonly queues: ReadonlyMap<QueueName, Queue>;

  constructor(
    private readonly connection: Redis,
    prefix: string,
    private readonly tx: TransactionRunner,
    private readonly logger: Logger,
  ) {
    super();
    this.queues = new Map(
      Object.values(QueueName).map((name) => [
        name,
        new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
      ]),
    );
    for (const queue of this.queues.values()) {
      queue.on('error', (error) =>
        this.logger.warn({ err: error, queue: queue.name }, 'queue connection error'),
      );
    }
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<void> {
    const queue = this.queues.get(JOB_QUEUES[name]) as Queue;
    const jobId = jobIds[name](payload);
    await this.tx.afterCommit(async () => {
      try {
        await queue.add(name, payload, { jobId, delay: options.delayMs });
      } catch (error) {
        this.logger.warn({ err: error, jobId }, 'enqueue failed; the sweep will re-enqueue');
      }
    });
  }

  async isReachable(): Promise<boolean> {
    try {
      return (await this.connection.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
