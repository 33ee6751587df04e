import {
  type BeforeApplicationShutdown,
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { EnvSchema } from '../config/env.schema';
import { TransactionRunner } from '../database/transaction';
import { LOGGER } from '../logging/logging.module';
import { createRedisConnection } from '../redis/redis-connection';
import { RedisRequestBound } from '../redis/redis-request-bound';
import { REDIS } from '../redis/redis.token';
import { BullmqJobQueue } from './bullmq-job-queue';
import { InlineJobQueue } from './inline-job-queue';
import { JobDispatcher } from './job-dispatcher';
import { JobOutbox } from './job-outbox';
import { JobQueue } from './job-queue';
import { JobRelayTask } from './job-relay.task';
import { PeriodicTaskRunner } from './periodic-task.runner';

class JobsLifecycle implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly env: EnvSchema,
  ) {}

  /** In-process jobs in flight finish while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.queue instanceof InlineJobQueue) await this.queue.close(this.env.TRAILPLANE_SHUTDOWN_TIMEOUT_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.queue instanceof BullmqJobQueue) await this.queue.close();
    this.redis?.disconnect();
  }
}

export interface JobsModuleOptions {
  /** This process runs jobs and periodic sweeps (a worker, or the API in embedded mode). */
  runsJobs: boolean;
}

/**
 * The job queue: BullMQ on Redis when REDIS_URL is set, otherwise in-process. Either way jobs go
 * through the outbox and the same dispatcher routes them to the handlers the domain modules declare.
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule],
      providers: [
        JobOutbox,
        JobDispatcher,
        JobRelayTask,
        ...(options.runsJobs ? [PeriodicTaskRunner] : []),
        {
          provide: REDIS,
          inject: [EnvSchema],
          useFactory: (env: EnvSchema): Redis | null =>
            env.REDIS_URL ? createRedisConnection(env.REDIS_URL, 'producer') : null,
        },
        {
          provide: RedisRequestBound,
          inject: [EnvSchema],
          useFactory: (env: EnvSchema) => new RedisRequestBound(env.TRAILPLANE_REDIS_REQUEST_TIMEOUT_MS),
        },
        {
          provide: JobQueue,
          inject: [EnvSchema, REDIS, RedisRequestBound, TransactionRunner, JobOutbox, JobDispatcher, LOGGER],
          useFactory: (
            env: EnvSchema,
            redis: Redis | null,
            redisBound: RedisRequestBound,
            tx: TransactionRunner,
            outbox: JobOutbox,
            dispatcher: JobDispatcher,
            logger: Logger,
          ): JobQueue =>
            redis
              ? new BullmqJobQueue(tx, outbox, redis, env.TRAILPLANE_QUEUE_PREFIX, redisBound, logger)
              : new InlineJobQueue(tx, outbox, dispatcher, logger, env.WORKER_CONCURRENCY),
        },
        JobsLifecycle,
      ],
      exports: [JobQueue, JobDispatcher, JobOutbox, REDIS, RedisRequestBound],
    };
  }
}
