import { Module } from '@nestjs/common';
import { IntegrityModule } from '@app/integrity';
import { EnvSchema } from '@app/platform';
import { StorageModule } from '@app/storage';
import { TrailsModule } from '@app/trails';
import { BuiltInLogDestination } from './destinations/built-in-destination';
import { ExternalLogDestination } from './destinations/external-destination';
import { LogDestination } from './destinations/log-destination';
import { DeliverDigestsHandler } from './jobs/deliver-digests.handler';
import { DeliverLogsHandler } from './jobs/deliver-logs.handler';
import { DeliveryScheduleTask } from './jobs/delivery-schedule.task';
import { DigestScheduleTask } from './jobs/digest-schedule.task';
import { CoverageRepository } from './persistence/coverage.repository';
import { DeliveredDigestRepository } from './persistence/delivered-digest.repository';
import { DeliveredFileRepository } from './persistence/delivered-file.repository';
import { DeliveryStateRepository } from './persistence/delivery-state.repository';
import { DigestChainRepository } from './persistence/digest-chain.repository';
import { StagedDigestRepository } from './persistence/staged-digest.repository';
import { StagedFileRepository } from './persistence/staged-file.repository';
import { TrailEventSource } from './persistence/trail-event.source';
import { TrailDigestDelivery } from './services/trail-digest-delivery';
import { TrailLogDelivery } from './services/trail-log-delivery';
import { GetCoverageUseCase } from './use-cases/get-coverage.use-case';
import { GetTrailIntegrityUseCase } from './use-cases/get-trail-integrity.use-case';
import { GetTrailStatusUseCase } from './use-cases/get-trail-status.use-case';
import { ListTrailDeliveriesUseCase } from './use-cases/list-trail-deliveries.use-case';

/**
 * Log delivery (delivery.md §1–§4): trails' selected events as log files, and their signed digests,
 * in the built-in store, or in an external S3-compatible service when TRAILPLANE_S3_ENDPOINT is set.
 */
@Module({
  imports: [TrailsModule, StorageModule, IntegrityModule],
  providers: [
    DeliveryStateRepository,
    DeliveredFileRepository,
    StagedFileRepository,
    DigestChainRepository,
    DeliveredDigestRepository,
    StagedDigestRepository,
    TrailEventSource,
    BuiltInLogDestination,
    ExternalLogDestination,
    {
      provide: LogDestination,
      inject: [EnvSchema, BuiltInLogDestination, ExternalLogDestination],
      useFactory: (env: EnvSchema, builtIn: BuiltInLogDestination, external: ExternalLogDestination) =>
        env.TRAILPLANE_S3_ENDPOINT ? external : builtIn,
    },
    TrailLogDelivery,
    DeliverLogsHandler,
    DeliveryScheduleTask,
    TrailDigestDelivery,
    DeliverDigestsHandler,
    DigestScheduleTask,
    GetTrailStatusUseCase,
    GetTrailIntegrityUseCase,
    ListTrailDeliveriesUseCase,
    CoverageRepository,
    GetCoverageUseCase,
  ],
  exports: [
    TrailLogDelivery,
    TrailDigestDelivery,
    GetTrailStatusUseCase,
    ListTrailDeliveriesUseCase,
    DeliveredFileRepository,
  ],
})
export class DeliveryModule {}
