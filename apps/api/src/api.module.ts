import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ACCOUNT_ENTITIES, AccountsModule } from '@app/accounts';
import { IAM_ENTITIES, IamModule } from '@app/iam';
import { IDENTITY_ENTITIES, IdentityModule } from '@app/identity';
import { ORGANIZATION_ENTITIES, OrganizationsModule } from '@app/organizations';
import {
  type Clock,
  ConfigModule,
  CryptoModule,
  DatabaseModule,
  type Env,
  JobsModule,
  LoggingModule,
} from '@app/platform';
import { REGION_ENTITIES, RegionsModule } from '@app/regions';
import { TRAIL_ENTITIES, TrailsModule } from '@app/trails';
import { type Logger } from 'pino';
import { ALL_MIGRATIONS } from '../../../migrations';
import { AwsOperationRegistry } from './aws-json/aws-operation.registry';
import { AwsProtocolController } from './aws-json/aws-protocol.controller';
import { OrganizationsAwsOperations } from './aws-json/organizations/organizations.aws-operations';
import { AuthenticationGuard } from './http/authentication.guard';
import { ProtocolErrorFilter } from './http/error.filter';
import { HealthController } from './http/health.controller';
import { OperationInterceptor } from './http/operation.interceptor';
import { CloudTrailTrailsAwsService } from './aws-json/cloudtrail/cloudtrail-trails.aws-service';
import { AccountsController } from './rest/accounts/accounts.controller';
import { DelegatedAdministratorsController } from './rest/organizations/delegated-administrators.controller';
import { HandshakesController } from './rest/organizations/handshakes.controller';
import { OrganizationAccountsController } from './rest/organizations/organization-accounts.controller';
import { OrganizationController } from './rest/organizations/organization.controller';
import { OrganizationalUnitsController } from './rest/organizations/organizational-units.controller';
import { RegionsController } from './rest/regions/regions.controller';
import { TrailsController } from './rest/trails/trails.controller';

export const ENTITIES = [
  ...REGION_ENTITIES,
  ...ACCOUNT_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...IAM_ENTITIES,
  ...ORGANIZATION_ENTITIES,
  ...TRAIL_ENTITIES,
];

/** The domain modules: the same set serves the API and, for their job handlers, the worker. */
export const DOMAIN_MODULES: NonNullable<ModuleMetadata['imports']> = [
  RegionsModule,
  IdentityModule,
  AccountsModule,
  IamModule,
  OrganizationsModule,
  TrailsModule,
];

/** Process-wide infrastructure shared by the API and the worker. */
export function platformModules(
  env: Env,
  logger: Logger,
  runsJobs: boolean,
  clock?: Clock,
): NonNullable<ModuleMetadata['imports']> {
  return [
    ConfigModule.forRoot(env, clock),
    LoggingModule.forRoot(logger),
    DatabaseModule.forRoot({ entities: ENTITIES, migrations: ALL_MIGRATIONS }),
    JobsModule.forRoot({ runsJobs }),
    CryptoModule,
  ];
}

/** The HTTP API: REST under /v1, the AWS protocols at POST /, health and OpenAPI docs. */
@Module({})
export class ApiModule {
  static forRoot(env: Env, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      // Without Redis the API runs the jobs itself (embedded mode).
      imports: [...platformModules(env, logger, !env.REDIS_URL, clock), DiscoveryModule, ...DOMAIN_MODULES],
      controllers: [
        HealthController,
        AccountsController,
        RegionsController,
        OrganizationController,
        OrganizationAccountsController,
        OrganizationalUnitsController,
        DelegatedAdministratorsController,
        HandshakesController,
        TrailsController,
        AwsProtocolController,
      ],
      providers: [
        AwsOperationRegistry,
        OrganizationsAwsOperations,
        CloudTrailTrailsAwsService,
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_INTERCEPTOR, useClass: OperationInterceptor },
        { provide: APP_FILTER, useClass: ProtocolErrorFilter },
      ],
    };
  }
}
