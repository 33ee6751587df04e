import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  ConcurrencyLimit,
  createRedisConnection,
  EnvSchema,
  JobDispatcher,
  JobName,
  type JobPayloads,
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

  /** Before the database closes: jobs in flight finish (bounded by the shutdown timeout). */
  async beforeApplicationShutdown(): Promise<void> {
    const timeout = new Promise<void>((resolve) =>
      setTimeout(resolve, this.env.TRAILPLANE_SHUTDOWN_TIMEOUT_MS).unref(),
    );
    await Promise.race([Promise.all(this.workers.map((worker) => worker.close())), timeout]);
    this.connection?.disconnect();
  }
}
