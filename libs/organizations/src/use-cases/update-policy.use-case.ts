import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { checkScpContent } from '../domain/scp-content';
import {
  assertPolicyDescription,
  assertPolicyId,
  assertPolicyName,
  type ServiceControlPolicy,
  toPolicySummary,
} from '../domain/service-control-policy';
import { AwsManagedPolicyError } from '../domain/service-control-policy.errors';
import { ServiceControlPolicyRepository } from '../persistence/service-control-policy.repository';
import { OrganizationAccessService } from './organization-access.service';
import { orgRef, ServiceControlPolicyAccess } from './service-control-policy.access';

export interface UpdateServiceControlPolicyInput {
  policyId: string;
  name?: string;
  description?: string;
  content?: string;
}

/** Organizations UpdatePolicy: name, description or content of the organization's own SCP. */
@Injectable()
export class UpdateServiceControlPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly scps: ServiceControlPolicyAccess,
    private readonly policies: ServiceControlPolicyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: UpdateServiceControlPolicyInput): Promise<ServiceControlPolicy> {
    assertPolicyId(input.policyId);
    if (input.name !== undefined) assertPolicyName(input.name);
    if (input.description !== undefined) assertPolicyDescription(input.description);
    const content = input.content === undefined ? undefined : checkScpContent(input.content);
    return this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const policy = await this.scps.policy(em, org, input.policyId, { forUpdate: true });
      if (policy.organizationId === null) throw new AwsManagedPolicyError();
      const change = { name: input.name, description: input.description, content };
      await this.policies.update(em, policy.id, change, this.clock.now());
      const updated = await this.scps.policy(em, org, policy.id);
      return {
        policySummary: toPolicySummary(updated, orgRef(org), ctx.partition),
        content: updated.content,
      };
    });
  }
}
