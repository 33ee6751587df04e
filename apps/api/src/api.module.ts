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
import { type Logger } from 'pino';
import { ALL_MIGRATIONS } from '../../../migrations';
import { AwsOperationRegistry } from './aws-json/aws-operation.registry';
import { AwsProtocolController } from './aws-json/aws-protocol.controller';
import { AuthenticationGuard } from './http/authentication.guard';
import { ProtocolErrorFilter } from './http/error.filter';
import { HealthController } from './http/health.controller';
import { OperationInterceptor } from './http/operation.interceptor';
import { AccountsController } from './rest/accounts/accounts.controller';
import { RegionsController } from './rest/regions/regions.controller';

export const ENTITIES = [
  ...REGION_ENTITIES,
  ...ACCOUNT_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...IAM_ENTITIES,
  ...ORGANIZATION_ENTITIES,
];

/** The domain modules: the same set serves the API and, for their job handlers, the worker. */
export const DOMAIN_MODULES: NonNullable<ModuleMetadata['imports']> = [
  RegionsModule,
  IdentityModule,
  AccountsModule,
  IamModule,
  OrganizationsModule,
];

/** Process-wide infrastructure shared by the API and the worker. */
export function platformModules(
  env: Env,
  logger: Logger,
  clock?: Clock,
): NonNullable<ModuleMetadata['imports']> {
  return [
    ConfigModule.forRoot(env, clock),
    LoggingModule.forRoot(logger),
    DatabaseModule.forRoot({ entities: ENTITIES, migrations: ALL_MIGRATIONS }),
    JobsModule.forRoot(),
    CryptoModule,
  ];
}

/** The HTTP API: REST under /v1, the AWS protocols at POST /, health and OpenAPI docs. */
@Module({})
export class ApiModule {
  static forRoot(env: Env, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [...platformModules(env, logger, clock), DiscoveryModule, ...DOMAIN_MODULES],
      controllers: [HealthController, AccountsController, RegionsController, AwsProtocolController],
      providers: [
        AwsOperationRegistry,
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_INTERCEPTOR, useClass: OperationInterceptor },
        { provide: APP_FILTER, useClass: ProtocolErrorFilter },
      ],
    };
  }
}
