import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { type TransactionRunner } from '../database/transaction';
import { type RedisRequestBound, settleWithin } from '../redis/redis-request-bound';
import { BATCHED_JOBS, JOB_QUEUES, type JobName, QueueName } from './job-names';
import { type JobOutbox, type OutboxEntry } from './job-outbox';
import { OutboxJobQueue } from './job-queue';

/** Retries and retention shared by every job (retained ids make a repeated add a no-op). */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600, count: 50_000 },
  removeOnFail: { age: 24 * 3_600 },
} as const;

/** How long readiness waits for Redis to answer a PING. */
const READINESS_PING_MS = 1_000;

/**
 * A push that failed (a command timeout on a loaded Redis) is tried once more after this pause,
 * rather than leaving the job to the outbox relay's grace period and sweep (tens of seconds).
 */
const ADD_RETRY_PAUSE_MS = 250;

/** The BullMQ name of a job that carries several outbox jobs (`JobBatch`). */
export const JOB_BATCH = 'job-batch';

/** A BullMQ job's payload when it carries several jobs of `BATCHED_JOBS`, each with its outbox id. */
export interface JobBatch {
  readonly entries: readonly OutboxEntry[];
}

/** Jobs per batch: as many as one standalone reconcile statement takes (`StandaloneTrailPasses`). */
const JOB_BATCH_SIZE = 64;

/**
 * Producer side of BullMQ. If Redis is unreachable when a job is pushed, the job is already safe in
 * the outbox and the relay pushes it later; a job that failed every attempt is retried by the relay.
 * A push waits for a slow Redis only within the request bound: the add goes on without the caller.
 */
export class BullmqJobQueue extends OutboxJobQueue {
  readonly queues: ReadonlyMap<QueueName, Queue>;

  constructor(
    tx: TransactionRunner,
    outbox: JobOutbox,
    private readonly connection: Redis,
    prefix: string,
    private readonly redisBound: RedisRequestBound,
    private readonly logger: Logger,
  ) {
    super(tx, outbox);
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

  push(entry: OutboxEntry, delayMs: number): Promise<void> {
    return this.addOrLeaveToRelay(entry, entry.name, entry.payload, entry.id, delayMs);
  }

  /**
   * Jobs of `BATCHED_JOBS` enqueued together go JOB_BATCH_SIZE to a BullMQ job, which the worker
   * runs all at once (`JobDispatcher.dispatchBatch`). A batch's id is its own: each job's outbox
   * row, not a BullMQ id, keeps it from being lost, and running one twice is harmless.
   */
  protected override async pushAll(entries: readonly OutboxEntry[], delayMs: number): Promise<void> {
    const batchable = new Map<JobName, OutboxEntry[]>();
    const alone: OutboxEntry[] = [];
    for (const entry of entries) {
      if (!BATCHED_JOBS.has(entry.name)) alone.push(entry);
      else batchable.set(entry.name, [...(batchable.get(entry.name) ?? []), entry]);
    }
    const batches = [...batchable.values()].flatMap((group) => chunks(group, JOB_BATCH_SIZE));
    await Promise.all([
      ...alone.map((entry) => this.push(entry, delayMs)),
      ...batches.map((batch) =>
        batch.length === 1 ? this.push(batch[0], delayMs) : this.pushBatch(batch, delayMs),
      ),
    ]);
  }

  private pushBatch(entries: readonly OutboxEntry[], delayMs: number): Promise<void> {
    const batch: JobBatch = { entries };
    return this.addOrLeaveToRelay(entries[0], JOB_BATCH, batch, `${JOB_BATCH}.${randomUUID()}`, delayMs);
  }

  /** Adds a BullMQ job to `entry`'s queue, retried once; when that fails too, the outbox relay pushes it later. */
  private async addOrLeaveToRelay(
    entry: OutboxEntry,
    name: string,
    data: unknown,
    jobId: string,
    delayMs: number,
  ): Promise<void> {
    const add = () =>
      this.queueOf(entry).add(name, data, { jobId, delay: delayMs > 0 ? delayMs : undefined });
    const adding = add().catch(async () => {
      if (this.redisBound.degraded) throw new Error('Redis is degraded');
      await new Promise((resolve) => setTimeout(resolve, ADD_RETRY_PAUSE_MS));
      await add();
    });
    const added = adding.catch((error: unknown) =>
      this.logger.warn({ err: error, jobId }, 'enqueue failed; the outbox relay will retry'),
    );
    if (this.redisBound.degraded) return;
    await this.redisBound.wait(added);
  }

  /**
   * The relay's push: a job that failed all its attempts is retried rather than ignored, and one
   * that completed (its outbox removal lost in a crash) leaves the outbox.
   */
  override async repush(entry: OutboxEntry): Promise<void> {
    const existing = await this.queueOf(entry).getJob(entry.id);
    if (existing && (await existing.isFailed())) await existing.retry();
    else if (existing && (await existing.isCompleted())) await this.outbox.complete(entry.id);
    else await this.push(entry, 0);
  }

  private queueOf(entry: OutboxEntry): Queue {
    return this.queues.get(JOB_QUEUES[entry.name]) as Queue;
  }

  async isReachable(): Promise<boolean> {
    try {
      return (await settleWithin(this.connection.ping(), READINESS_PING_MS)) === 'PONG';
    } catch {
      return false;
    }
  }

  /** Jobs waiting or running across all queues (metrics). */
  async depth(): Promise<number> {
    const counts = await Promise.all(
      [...this.queues.values()].map((queue) =>
        queue.getJobCountByTypes('waiting', 'active', 'delayed', 'prioritized'),
      ),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
