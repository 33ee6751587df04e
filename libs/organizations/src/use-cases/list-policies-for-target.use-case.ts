import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Page, type PageInput } from '../domain/organization';
import {
  assertPolicyType,
  effectivePolicyIds,
  type PolicySummary,
  toPolicySummary,
} from '../domain/service-control-policy';
import { ScpAttachmentRepository } from '../persistence/scp-attachment.repository';
import { ServiceControlPolicyRepository } from '../persistence/service-control-policy.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';
import { orgRef, ServiceControlPolicyAccess } from './service-control-policy.access';

/** Organizations ListPoliciesForTarget: the SCPs a root, OU or account holds (at most five: one page). */
@Injectable()
export class ListPoliciesForTargetUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly scps: ServiceControlPolicyAccess,
    private readonly attachments: ScpAttachmentRepository,
    private readonly policies: ServiceControlPolicyRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(
    ctx: RequestContext,
    input: PageInput & { targetId: string; filter: string },
  ): Promise<Page<PolicySummary>> {
    assertPolicyType(input.filter);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const target = await this.scps.target(em, org, input.targetId, ctx.partition);
      this.pager.start(`ListPoliciesForTarget/${org.id}/${ctx.accountId}/${target.targetId}`, input);
      if (!(await this.scps.enabled(em, org))) return { items: [] };
      const attached =
        (await this.attachments.forTargets(em, org.id, [target.targetId])).get(target.targetId) ?? [];
      const ids = effectivePolicyIds(attached);
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
