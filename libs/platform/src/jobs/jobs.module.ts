import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { EnvSchema } from '../config/env.schema';
import { TransactionRunner } from '../database/transaction';
import { LOGGER } from '../logging/logging.module';
import { createRedisConnection } from '../redis/redis-connection';
import { BullmqJobQueue } from './bullmq-job-queue';
import { InlineJobQueue } from './inline-job-queue';
import { JobDispatcher } from './job-dispatcher';
import { JobQueue } from './job-queue';

export const REDIS = Symbol('REDIS');

class JobsLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly env: EnvSchema,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.queue instanceof InlineJobQueue) await this.queue.close(this.env.TRAILPLANE_SHUTDOWN_TIMEOUT_MS);
    if (this.queue instanceof BullmqJobQueue) await this.queue.close();
    this.redis?.disconnect();
  }
}

/**
 * The job queue: BullMQ on Redis when REDIS_URL is set, otherwise in-process. Either way the same
 * dispatcher routes jobs to the handlers the domain modules declare.
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule],
      providers: [
        JobDispatcher,
        {
          provide: REDIS,
          inject: [EnvSchema],
          useFactory: (env: EnvSchema): Redis | null =>
            env.REDIS_URL ? createRedisConnection(env.REDIS_URL, 'producer') : null,
        },
        {
          provide: JobQueue,
          inject: [EnvSchema, REDIS, JobDispatcher, TransactionRunner, LOGGER],
          useFactory: (
            env: EnvSchema,
            redis: Redis | null,
            dispatcher: JobDispatcher,
            tx: TransactionRunner,
            logger: Logger,
          ): JobQueue =>
            redis
              ? new BullmqJobQueue(redis, env.TRAILPLANE_QUEUE_PREFIX, tx, logger)
              : new InlineJobQueue(dispatcher, tx, logger, env.WORKER_CONCURRENCY),
        },
        JobsLifecycle,
      ],
      exports: [JobQueue, JobDispatcher, REDIS],
    };
  }
}
