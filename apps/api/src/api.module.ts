import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_FILTER } from '@nestjs/core';
import { type Clock, type Env } from '@app/platform';
import { runtimeModules } from '@app/runtime';
import { type Logger } from 'pino';
import { AwsProtocolController } from './aws-json/aws-protocol.controller';
import { ProtocolErrorFilter } from './http/error.filter';
import { HealthController } from './http/health.controller';
import { MetricsController } from './http/metrics.controller';
import { OperationRunner } from './operations/operation-runner';
import { AccountsController } from './rest/accounts/accounts.controller';
import { EventsController } from './rest/events/events.controller';
import { ServiceEventsController } from './rest/events/service-events.controller';
import { IamPoliciesController } from './rest/iam/iam-policies.controller';
import {
  IamRolePoliciesController,
  IamUserPoliciesController,
} from './rest/iam/iam-principal-policies.controller';
import { IamRolesController } from './rest/iam/iam-roles.controller';
import { IamSimulationController } from './rest/iam/iam-simulation.controller';
import { IamUsersController } from './rest/iam/iam-users.controller';
import { DelegatedAdministratorsController } from './rest/organizations/delegated-administrators.controller';
import { HandshakesController } from './rest/organizations/handshakes.controller';
import { OrganizationAccountsController } from './rest/organizations/organization-accounts.controller';
import { OrganizationTagsController } from './rest/organizations/organization-tags.controller';
import { OrganizationController } from './rest/organizations/organization.controller';
import { OrganizationalUnitsController } from './rest/organizations/organizational-units.controller';
import { ServiceControlPoliciesController } from './rest/organizations/service-control-policies.controller';
import { RegionsController } from './rest/regions/regions.controller';
import { RestOperations } from './rest/rest-operations';
import { RestRouteCheck } from './rest/rest-route.check';
import { StsController } from './rest/sts/sts.controller';
import { S3Transport } from './s3/s3.transport';
import { CloudTrailDelegatedAdministratorsController } from './rest/trails/cloudtrail-delegated-administrators.controller';
import { CoverageController } from './rest/trails/coverage.controller';
import { TrailIntegrityController } from './rest/trails/trail-integrity.controller';
import { TrailSelectorsController } from './rest/trails/trail-selectors.controller';
import { TrailTagsController } from './rest/trails/trail-tags.controller';
import { TrailsController } from './rest/trails/trails.controller';

/**
 * The HTTP API: REST under /v1, the AWS protocols at `/`, the object store's S3 protocol (routed
 * by its signature, see `registerS3Routes`), health, metrics and OpenAPI docs.
 */
@Module({})
export class ApiModule {
  static forRoot(env: Env, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      // Without Redis the API runs the jobs itself (embedded mode).
      imports: [...runtimeModules({ env, logger, runsJobs: !env.REDIS_URL, clock }), DiscoveryModule],
      controllers: [
        HealthController,
        MetricsController,
        AccountsController,
        RegionsController,
        OrganizationController,
        OrganizationAccountsController,
        OrganizationalUnitsController,
        OrganizationTagsController,
        DelegatedAdministratorsController,
        HandshakesController,
        ServiceControlPoliciesController,
        TrailsController,
        TrailIntegrityController,
        CoverageController,
        TrailSelectorsController,
        TrailTagsController,
        CloudTrailDelegatedAdministratorsController,
        EventsController,
        ServiceEventsController,
        IamUsersController,
        IamRolesController,
        IamUserPoliciesController,
        IamRolePoliciesController,
        IamPoliciesController,
        IamSimulationController,
        StsController,
        AwsProtocolController,
      ],
      providers: [
        OperationRunner,
        S3Transport,
        RestOperations,
        RestRouteCheck,
        { provide: APP_FILTER, useClass: ProtocolErrorFilter },
      ],
    };
  }
}
