import { Module, type DynamicModule } from '@nestjs/common';
import { type Clock, type Env } from '@app/platform';
import { type Logger } from 'pino';
import { DOMAIN_MODULES, platformModules } from '../../api/src/api.module';
import { BullmqWorkers } from './bullmq-workers.service';
import { WorkerMetricsServer } from './worker-metrics.server';

/** The worker process: the domain modules' job handlers behind BullMQ workers, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(env: Env, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [...platformModules(env, logger, true, clock), ...DOMAIN_MODULES],
      providers: [BullmqWorkers, WorkerMetricsServer],
    };
  }
}
