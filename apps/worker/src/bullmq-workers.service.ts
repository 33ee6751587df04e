import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  ConcurrencyLimit,
  createRedisConnection,
  DEFAULT_JOB_OPTIONS,
  EnvSchema,
  JOB_BATCH,
  type JobBatch,
  JobDispatcher,
  JobName,
  type JobPayloads,
  JobQueue,
  LOGGER,
  PermanentJobFailure,
  QueueName,
} from '@app/platform';
import { UnrecoverableError, Worker } from 'bullmq';
import { type Redis } from 'ioredis';
import { type Logger } from 'pino';

/**
 * One BullMQ worker per queue, each handing jobs to the dispatcher: the worker process holds no
 * business logic. Closing waits for jobs in flight (bounded by the shutdown timeout).
 */
@Injectable()
export class BullmqWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly workers: Worker[] = [];
  private connection?: Redis;

  constructor(
    private readonly dispatcher: JobDispatcher,
    private readonly queue: JobQueue,
    private readonly env: EnvSchema,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.REDIS_URL)
      throw new Error('The worker needs REDIS_URL (embedded mode runs jobs in the API process)');
    this.connection = createRedisConnection(this.env.REDIS_URL, 'worker');
    // The propagation queue runs many jobs at once for its small ReconcileTrail jobs (they share
    // a statement); its other jobs keep to the ordinary concurrency.
    const otherPropagationJobs = new ConcurrencyLimit(this.env.WORKER_CONCURRENCY);
    for (const queueName of Object.values(QueueName)) {
      const worker = new Worker(
        queueName,
        async (job) => {
          if (job.name === JOB_BATCH) return this.runBatch(job.data as JobBatch);
          const name = job.name as JobName;
          const dispatch = () =>
            this.dispatcher.dispatch(name, job.data as JobPayloads[JobName], job.id as string);
          try {
            return queueName === QueueName.Propagation && name !== JobName.ReconcileTrail
              ? await otherPropagationJobs.run(dispatch)
              : await dispatch();
          } catch (error) {
            if (error instanceof PermanentJobFailure) throw new UnrecoverableError(error.message);
            throw error;
          }
        },
        {
          connection: this.connection,
          prefix: this.env.TRAILPLANE_QUEUE_PREFIX,
          concurrency:
            queueName === QueueName.Propagation
              ? this.env.TRAILPLANE_PROPAGATION_CONCURRENCY
              : this.env.WORKER_CONCURRENCY,
          lockDuration: this.env.TRAILPLANE_WORKER_LOCK_MS,
          stalledInterval: this.env.TRAILPLANE_WORKER_STALLED_MS,
          maxStalledCount: 2,
        },
      );
      worker.on('failed', (job, error) =>
        this.logger.warn({ err: error, jobId: job?.id, attempts: job?.attemptsMade }, 'job failed'),
      );
      worker.on('error', (error) => this.logger.warn({ err: error, queue: queueName }, 'worker error'));
      this.workers.push(worker);
    }
  }

  /**
   * Runs a batch's jobs together; each one that failed goes back to the queue on its own, after
   * the first backoff step, with its own attempts from then on.
   */
  private async runBatch(batch: JobBatch): Promise<void> {
    const failed = await this.dispatcher.dispatchBatch(batch.entries);
    for (const { entry, error } of failed) {
      this.logger.warn({ err: error, jobId: entry.id }, 'job of a batch failed; retrying it alone');
    }
    // Enqueued again under its own id (its outbox row stays as it is): the relay still backs it.
    await Promise.all(
      failed.map(({ entry }) =>
        this.queue.enqueue(entry.name, entry.payload as JobPayloads[JobName], {
          delayMs: DEFAULT_JOB_OPTIONS.backoff.delay,
        }),
      ),
    );
  }

  /** Before the database closes: jobs in flight finish (bounded by the shutdown timeout). */
  async beforeApplicationShutdown(): Promise<void> {
    const timeout = new Promise<void>((resolve) =>
      setTimeout(resolve, this.env.TRAILPLANE_SHUTDOWN_TIMEOUT_MS).unref(),
    );
    await Promise.race([Promise.all(this.workers.map((worker) => worker.close())), timeout]);
    this.connection?.disconnect();
  }
}
