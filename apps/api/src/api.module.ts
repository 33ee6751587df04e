import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { ACCOUNT_ENTITIES, AccountsModule } from '@app/accounts';
import { EventsModule } from '@app/events';
import { AuthorizationModule, IAM_ENTITIES, IamModule } from '@app/iam';
import { IDENTITY_ENTITIES, IdentityModule } from '@app/identity';
import { ORGANIZATION_ENTITIES, OrganizationScpSource, OrganizationsModule } from '@app/organizations';
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
import { ApiCallRecording } from './http/api-call-recording';
import { AuthenticationGuard } from './http/authentication.guard';
import { AuthorizationGuard } from './http/authorization.guard';
import { OperationAuthorizationCheck } from './http/authorization/operation-authorization.check';
import { TrailResourceFacts } from './http/authorization/trail-resource.facts';
import { ServiceControlPoliciesAwsService } from './aws-json/organizations/service-control-policies.aws-service';
import { StsAwsService } from './aws-json/sts/sts.aws-service';
import { IamPoliciesController } from './rest/iam/iam-policies.controller';
import {
  IamRolePoliciesController,
  IamUserPoliciesController,
} from './rest/iam/iam-principal-policies.controller';
import { IamRolesController } from './rest/iam/iam-roles.controller';
import { IamSimulationController } from './rest/iam/iam-simulation.controller';
import { IamUsersController } from './rest/iam/iam-users.controller';
import { ServiceControlPoliciesController } from './rest/organizations/service-control-policies.controller';
import { StsController } from './rest/sts/sts.controller';
import { ProtocolErrorFilter } from './http/error.filter';
import { HealthController } from './http/health.controller';
import { MetricsController } from './http/metrics.controller';
import { OperationInterceptor } from './http/operation.interceptor';
import { ThrottlingGuard } from './http/throttling.guard';
import { CloudTrailEventsAwsService } from './aws-json/cloudtrail/cloudtrail-events.aws-service';
import { CloudTrailOrganizationAwsService } from './aws-json/cloudtrail/cloudtrail-organization.aws-service';
import { CloudTrailTrailsAwsService } from './aws-json/cloudtrail/cloudtrail-trails.aws-service';
import { AccountsController } from './rest/accounts/accounts.controller';
import { DelegatedAdministratorsController } from './rest/organizations/delegated-administrators.controller';
import { HandshakesController } from './rest/organizations/handshakes.controller';
import { OrganizationAccountsController } from './rest/organizations/organization-accounts.controller';
import { OrganizationController } from './rest/organizations/organization.controller';
import { OrganizationalUnitsController } from './rest/organizations/organizational-units.controller';
import { EventsController } from './rest/events/events.controller';
import { RegionsController } from './rest/regions/regions.controller';
import { CloudTrailDelegatedAdministratorsController } from './rest/trails/cloudtrail-delegated-administrators.controller';
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
  EventsModule,
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
      imports: [
        ...platformModules(env, logger, !env.REDIS_URL, clock),
        DiscoveryModule,
        ...DOMAIN_MODULES,
        AuthorizationModule.forRoot({
          imports: [OrganizationsModule, TrailsModule],
          organizationPolicies: OrganizationScpSource,
          resourceFacts: [TrailResourceFacts],
        }),
      ],
      controllers: [
        HealthController,
        MetricsController,
        AccountsController,
        RegionsController,
        OrganizationController,
        OrganizationAccountsController,
        OrganizationalUnitsController,
        DelegatedAdministratorsController,
        HandshakesController,
        TrailsController,
        EventsController,
        CloudTrailDelegatedAdministratorsController,
        IamUsersController,
        IamRolesController,
        IamUserPoliciesController,
        IamRolePoliciesController,
        IamPoliciesController,
        IamSimulationController,
        StsController,
        ServiceControlPoliciesController,
        AwsProtocolController,
      ],
      providers: [
        AwsOperationRegistry,
        OrganizationsAwsOperations,
        CloudTrailTrailsAwsService,
        CloudTrailOrganizationAwsService,
        CloudTrailEventsAwsService,
        ApiCallRecording,
        StsAwsService,
        ServiceControlPoliciesAwsService,
        OperationAuthorizationCheck,
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        // Guards run in registration order: authorization right after authentication.
        { provide: APP_GUARD, useClass: AuthorizationGuard },
        { provide: APP_GUARD, useClass: ThrottlingGuard },
        { provide: APP_INTERCEPTOR, useClass: OperationInterceptor },
        { provide: APP_FILTER, useClass: ProtocolErrorFilter },
      ],
    };
  }
}
