import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { PolicyCache } from '@app/policy';
import { IamModule } from '../iam.module';
import { AuthorizationGenerationRepository } from '../persistence/authorization-generation.repository';
import { AssumableRoleFacts } from './assumable-role.facts';
import {
  OrganizationPolicySource,
  RESOURCE_FACTS_SOURCES,
  type ResourceFactsSource,
} from './authorization-ports';
import { Authorizer } from './authorizer';
import { ResourceControlPaths } from './resource-control-paths';
import { SimulateCustomPolicyUseCase } from './simulate-custom-policy.use-case';
import { SimulatePrincipalPolicyUseCase } from './simulate-principal-policy.use-case';

export interface AuthorizationModuleOptions {
  /** Modules that export the implementations below and what they need. */
  readonly imports: NonNullable<ModuleMetadata['imports']>;
  /** Organizations' answer to "which organization, which SCPs and RCPs" (a provider exported by `imports`). */
  readonly organizationPolicies: Type<OrganizationPolicySource>;
  /** The owners' sides of resources besides roles being assumed (instantiated here). */
  readonly resourceFacts: readonly Type<ResourceFactsSource>[];
}

/**
 * The authorizer and the simulation use cases. The application composes it with the modules that
 * know organizations and resources (they sit above IAM, so IAM names only the ports they fill).
 */
@Module({})
export class AuthorizationModule {
  static forRoot(options: AuthorizationModuleOptions): DynamicModule {
    const facts = [AssumableRoleFacts, ...options.resourceFacts];
    return {
      module: AuthorizationModule,
      imports: [IamModule, ...options.imports],
      providers: [
        { provide: PolicyCache, useFactory: () => new PolicyCache(10_000) },
        { provide: OrganizationPolicySource, useExisting: options.organizationPolicies },
        ...facts,
        {
          provide: RESOURCE_FACTS_SOURCES,
          inject: facts,
          useFactory: (...sources: ResourceFactsSource[]) => sources,
        },
        AuthorizationGenerationRepository,
        ResourceControlPaths,
        Authorizer,
        SimulateCustomPolicyUseCase,
        SimulatePrincipalPolicyUseCase,
      ],
      exports: [Authorizer, PolicyCache, SimulateCustomPolicyUseCase, SimulatePrincipalPolicyUseCase],
    };
  }
}
