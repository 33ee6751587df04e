import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Page, type PageInput } from '../domain/organization';
import { type PolicySummary, toPolicySummary } from '../domain/organization-policy';
import { effectivePolicyIds } from '../domain/policy-attachments';
import { parsePolicyType } from '../domain/policy-types';
import { OrganizationPolicyRepository } from '../persistence/organization-policy.repository';
import { PolicyAttachmentRepository } from '../persistence/policy-attachment.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationPolicyAccess, orgRef } from './organization-policy.access';
import { OrganizationsPager } from './organizations.pager';

/**
 * Organizations ListPoliciesForTarget: the policies of the `Filter` type a root, OU or account holds
 * (at most ten: one page); none while the type is not enabled.
 */
@Injectable()
export class ListPoliciesForTargetUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly organizationPolicies: OrganizationPolicyAccess,
    private readonly attachments: PolicyAttachmentRepository,
    private readonly policies: OrganizationPolicyRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(
    ctx: RequestContext,
    input: PageInput & { targetId: string; filter: string },
  ): Promise<Page<PolicySummary>> {
    const type = parsePolicyType(input.filter);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const target = await this.organizationPolicies.target(em, org, input.targetId, ctx.partition);
      this.pager.start(`ListPoliciesForTarget/${org.id}/${ctx.accountId}/${target.targetId}`, input);
      if (!(await this.organizationPolicies.enabled(em, org, type))) return { items: [] };
      const ids = effectivePolicyIds(type, await this.attachments.of(em, org.id, type, target.targetId));
      const records = await this.policies.findMany(em, ids);
      return {
        items: ids.flatMap((id) => {
          const policy = records.get(id);
          return policy ? [toPolicySummary(policy, orgRef(org), ctx.partition)] : [];
        }),
      };
    });
  }
}
