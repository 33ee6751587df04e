import { Injectable } from '@nestjs/common';
import { isGovernedByResourceControlPolicies, PolicyCache } from '@app/policy';
import { TransactionRunner } from '@app/platform';
import { AuthorizationGenerationRepository } from '../persistence/authorization-generation.repository';
import { OrganizationPolicySource, type ResourceRef } from './authorization-ports';
import { type CompiledPath, compilePath } from './compiled-policies';
import { VersionedCache } from './versioned-cache';

const NOT_BOUNDED: CompiledPath = [];

/**
 * The resource control policies that bound a request (Organizations User Guide, "RCP evaluation"):
 * the RCP path of the account that owns the resource, whoever calls, for the actions of the services
 * that support RCPs. The caller's own account's path comes with its policy set; another owner's is
 * cached per that owner's authorization generation (one read to learn it), like a policy set.
 *
 * Nothing is exempt by principal: AWS exempts only service-linked roles, which Trailplane does not
 * have, and applies RCPs to AWS service principals (policies exempt them by condition).
 */
@Injectable()
export class ResourceControlPaths {
  private readonly owners = new VersionedCache<CompiledPath>(10_000);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly organizations: OrganizationPolicySource,
    private readonly generations: AuthorizationGenerationRepository,
    private readonly policyCache: PolicyCache,
  ) {}

  async forResource(
    caller: { readonly account: string; readonly ownRcpPath: CompiledPath },
    action: string,
    resource: ResourceRef,
  ): Promise<CompiledPath> {
    if (resource.arn === '*' || !isGovernedByResourceControlPolicies(action)) return NOT_BOUNDED;
    if (resource.account === caller.account) return caller.ownRcpPath;
    const owner = resource.account;
    return this.tx.read(async (em) => {
      const generation = await this.generations.of(em, owner);
      return (
        this.owners.peek(owner, generation) ??
        this.owners.get(owner, generation, async () =>
          compilePath(this.policyCache, (await this.organizations.forAccount(em, owner))?.rcpPath ?? []),
        )
      );
    });
  }
}
