import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import {
  assertPolicyDescription,
  assertPolicyId,
  assertPolicyName,
  type OrganizationPolicy,
  toOrganizationPolicy,
} from '../domain/organization-policy';
import { AwsManagedPolicyError } from '../domain/organization-policy.errors';
import { checkPolicyContent } from '../domain/policy-content';
import { OrganizationPolicyRepository } from '../persistence/organization-policy.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationPolicyAccess, orgRef } from './organization-policy.access';

export interface UpdatePolicyInput {
  policyId: string;
  name?: string;
  description?: string;
  content?: string;
}

/** Organizations UpdatePolicy: name, description or content (checked as its type's) of an own policy. */
@Injectable()
export class UpdatePolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly organizationPolicies: OrganizationPolicyAccess,
    private readonly policies: OrganizationPolicyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: UpdatePolicyInput): Promise<OrganizationPolicy> {
    assertPolicyId(input.policyId);
    if (input.name !== undefined) assertPolicyName(input.name);
    if (input.description !== undefined) assertPolicyDescription(input.description);
    return this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const policy = await this.organizationPolicies.policy(em, org, input.policyId, { forUpdate: true });
      if (policy.organizationId === null) throw new AwsManagedPolicyError();
      const content =
        input.content === undefined ? undefined : checkPolicyContent(policy.type, input.content);
      const change = { name: input.name, description: input.description, content };
      await this.policies.update(em, policy.id, change, this.clock.now());
      const updated = await this.organizationPolicies.policy(em, org, policy.id);
      return toOrganizationPolicy(updated, orgRef(org), ctx.partition);
    });
  }
}
