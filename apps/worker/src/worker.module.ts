import { Module, type DynamicModule } from '@nestjs/common';
import { type Clock, type Env } from '@app/platform';
import { runtimeModules } from '@app/runtime';
import { type Logger } from 'pino';
import { BullmqWorkers } from './bullmq-workers.service';
import { WorkerMetricsServer } from './worker-metrics.server';

/** The worker process: the domain modules' job handlers behind BullMQ workers, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(env: Env, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: WorkerModule,
      imports: runtimeModules({ env, logger, runsJobs: true, clock }),
      providers: [BullmqWorkers, WorkerMetricsServer],
    };
  }
}
