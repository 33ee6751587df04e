import { Injectable } from '@nestjs/common';
import { Clock, randomLowerAlnum, type RequestContext, TransactionRunner } from '@app/platform';
import { checkScpContent } from '../domain/scp-content';
import {
  assertPolicyDescription,
  assertPolicyName,
  assertPolicyType,
  newPolicyId,
  type ServiceControlPolicy,
  toPolicySummary,
} from '../domain/service-control-policy';
import { PolicyTypeNotAvailableError } from '../domain/service-control-policy.errors';
import { ServiceControlPolicyRepository } from '../persistence/service-control-policy.repository';
import { OrganizationAccessService } from './organization-access.service';
import { orgRef } from './service-control-policy.access';

export interface CreateServiceControlPolicyInput {
  content: string;
  description: string;
  name: string;
  type: string;
}

/**
 * Organizations CreatePolicy for SERVICE_CONTROL_POLICY (management account only): the content is
 * validated as an SCP (grammar, 5,120 characters without whitespace) and nothing is stored on error.
 */
@Injectable()
export class CreateServiceControlPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly policies: ServiceControlPolicyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: CreateServiceControlPolicyInput): Promise<ServiceControlPolicy> {
    const type = assertPolicyType(input.type);
    assertPolicyName(input.name);
    assertPolicyDescription(input.description);
    const content = checkScpContent(input.content);
    return this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      if (org.featureSet !== 'ALL') throw new PolicyTypeNotAvailableError();
      const policy = await this.policies.insert(
        em,
        {
          id: newPolicyId(randomLowerAlnum),
          organizationId: org.id,
          type,
          name: input.name,
          description: input.description,
          content,
        },
        this.clock.now(),
      );
      return { policySummary: toPolicySummary(policy, orgRef(org), ctx.partition), content };
    });
  }
}
