import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertPolicyId, type ServiceControlPolicy, toPolicySummary } from '../domain/service-control-policy';
import { OrganizationAccessService } from './organization-access.service';
import { orgRef, ServiceControlPolicyAccess } from './service-control-policy.access';

/** Organizations DescribePolicy (management account or a delegated administrator). */
@Injectable()
export class DescribeServiceControlPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly scps: ServiceControlPolicyAccess,
  ) {}

  async execute(ctx: RequestContext, input: { policyId: string }): Promise<ServiceControlPolicy> {
    assertPolicyId(input.policyId);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const policy = await this.scps.policy(em, org, input.policyId);
      return { policySummary: toPolicySummary(policy, orgRef(org), ctx.partition), content: policy.content };
    });
  }
}
