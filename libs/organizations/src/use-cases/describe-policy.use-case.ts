import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertPolicyId, type OrganizationPolicy, toOrganizationPolicy } from '../domain/organization-policy';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationPolicyAccess, orgRef } from './organization-policy.access';

/** Organizations DescribePolicy (management account or a delegated administrator), any type. */
@Injectable()
export class DescribePolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly policies: OrganizationPolicyAccess,
  ) {}

  async execute(ctx: RequestContext, input: { policyId: string }): Promise<OrganizationPolicy> {
    assertPolicyId(input.policyId);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      return toOrganizationPolicy(
        await this.policies.policy(em, org, input.policyId),
        orgRef(org),
        ctx.partition,
      );
    });
  }
}
