import { type ModuleMetadata } from '@nestjs/common';
import { AccountsModule } from '@app/accounts';
import { DeliveryModule } from '@app/delivery';
import { EventsModule } from '@app/events';
import { IngestionModule } from '@app/ingestion';
import { AuthorizationModule, IamModule } from '@app/iam';
import { IdentityModule } from '@app/identity';
import { OrganizationControlPolicySource, OrganizationsModule } from '@app/organizations';
import {
  type Clock,
  ConfigModule,
  CryptoModule,
  DatabaseModule,
  type Env,
  JobsModule,
  LoggingModule,
  MetricsModule,
  ThrottlingModule,
} from '@app/platform';
import { RegionsModule } from '@app/regions';
import { BucketResourceFacts, ObjectResourceFacts, StorageModule } from '@app/storage';
import { TrailResourceFacts, TrailsModule } from '@app/trails';
import { type Logger } from 'pino';
import { ALL_MIGRATIONS } from '../../../migrations';

type Imports = NonNullable<ModuleMetadata['imports']>;

export interface RuntimeOptions {
  readonly env: Env;
  readonly logger: Logger;
  /** This process runs jobs and periodic sweeps: a worker, or the API in the embedded mode. */
  readonly runsJobs: boolean;
  readonly clock?: Clock;
}

/**
 * What every Trailplane process runs on, composed once: configuration, logging, metrics, the database
 * (with its migrations), the job queue, throttling, secrets, and the domain modules with their use cases, operations'
 * dependencies and job handlers. The API adds its transports, the worker its BullMQ workers.
 */
export function runtimeModules(options: RuntimeOptions): Imports {
  return [
    ConfigModule.forRoot(options.env, options.clock),
    LoggingModule.forRoot(options.logger),
    DatabaseModule.forRoot({
      migrations: ALL_MIGRATIONS,
    }),
    MetricsModule,
    JobsModule.forRoot({ runsJobs: options.runsJobs }),
    ThrottlingModule,
    CryptoModule,
    RegionsModule,
    IdentityModule,
    AccountsModule,
    IamModule,
    OrganizationsModule,
    TrailsModule,
    EventsModule,
    StorageModule,
    DeliveryModule,
    IngestionModule,
    AuthorizationModule.forRoot({
      imports: [OrganizationsModule, TrailsModule, StorageModule],
      organizationPolicies: OrganizationControlPolicySource,
      resourceFacts: [TrailResourceFacts, BucketResourceFacts, ObjectResourceFacts],
    }),
  ];
}
