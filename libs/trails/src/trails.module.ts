import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@app/organizations';
import { RegionsModule } from '@app/regions';
import { StorageModule } from '@app/storage';
import {
  AccountReplicaReconciliation,
  ReplicasOnAccountJoined,
  ReplicasOnAccountLeft,
} from './jobs/account-replicas.listeners';
import { ReplicasOnRegionEnablementsChanged } from './jobs/region-enablements.listener';
import { PropagationSweepTask } from './jobs/propagation-sweep.task';
import { ReconcileTrailHandler } from './jobs/reconcile-trail.handler';
import { StandaloneTrailPasses } from './persistence/standalone-trail-passes';
import { ReplicasOnRegionLaunched } from './jobs/region-launched.listener';
import { ReplicaReconciler } from './persistence/replica-reconciler';
import { TrailLoggingPeriodRepository } from './persistence/trail-logging-period.repository';
import { TrailRepository } from './persistence/trail.repository';
import { TrailBucket } from './services/trail-bucket';
import { TrailLocator } from './services/trail-locator';
import { TrailValidationPeriods } from './services/trail-validation-periods';
import { TrailReplicaRepository } from './persistence/trail-replica.repository';
import { TrailValidationPeriodRepository } from './persistence/trail-validation-period.repository';
import { TrailPropagation } from './services/trail-propagation';
import { ChangeTrailTagsUseCase } from './use-cases/change-trail-tags.use-case';
import { CreateTrailUseCase } from './use-cases/create-trail.use-case';
import { DeleteTrailUseCase } from './use-cases/delete-trail.use-case';
import { DescribeTrailsUseCase } from './use-cases/describe-trails.use-case';
import { GetInsightSelectorsUseCase } from './use-cases/get-insight-selectors.use-case';
import { GetTrailPropagationUseCase } from './use-cases/get-trail-propagation.use-case';
import { GetTrailUseCase } from './use-cases/get-trail.use-case';
import { ListTrailTagsUseCase } from './use-cases/list-trail-tags.use-case';
import { ListTrailsUseCase } from './use-cases/list-trails.use-case';
import { PutEventSelectorsUseCase } from './use-cases/put-event-selectors.use-case';
import { PutInsightSelectorsUseCase } from './use-cases/put-insight-selectors.use-case';
import { SetTrailLoggingUseCase } from './use-cases/set-trail-logging.use-case';
import { UpdateTrailUseCase } from './use-cases/update-trail.use-case';
import { OrganizationDelegatedAdminUseCase } from './use-cases/organization-delegated-admin.use-case';

const useCases = [
  CreateTrailUseCase,
  UpdateTrailUseCase,
  DeleteTrailUseCase,
  GetTrailUseCase,
  DescribeTrailsUseCase,
  ListTrailsUseCase,
  SetTrailLoggingUseCase,
  PutEventSelectorsUseCase,
  PutInsightSelectorsUseCase,
  GetInsightSelectorsUseCase,
  ChangeTrailTagsUseCase,
  ListTrailTagsUseCase,
  GetTrailPropagationUseCase,
  OrganizationDelegatedAdminUseCase,
];

const jobHandlers = [
  ReconcileTrailHandler,
  ReplicasOnRegionLaunched,
  ReplicasOnRegionEnablementsChanged,
  ReplicasOnAccountJoined,
  ReplicasOnAccountLeft,
  PropagationSweepTask,
];

/** Trails: the CloudTrail trail API, the five-slot quota and replica propagation. */
@Module({
  imports: [RegionsModule, OrganizationsModule, StorageModule],
  providers: [
    TrailRepository,
    TrailLoggingPeriodRepository,
    ReplicaReconciler,
    StandaloneTrailPasses,
    TrailLocator,
    TrailBucket,
    TrailPropagation,
    TrailValidationPeriods,
    TrailValidationPeriodRepository,
    TrailReplicaRepository,
    AccountReplicaReconciliation,
    ...useCases,
    ...jobHandlers,
  ],
  exports: [
    ...useCases,
    TrailRepository,
    TrailLoggingPeriodRepository,
    TrailValidationPeriodRepository,
    TrailReplicaRepository,
    ReplicaReconciler,
  ],
})
export class TrailsModule {}
