import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Page, type PageInput } from '../domain/organization';
import { assertPolicyId, type PolicyTarget, targetArn } from '../domain/organization-policy';
import { POLICY_TYPE_RULES } from '../domain/policy-types';
import { PolicyTargetRepository } from '../persistence/policy-target.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationPolicyAccess, orgRef } from './organization-policy.access';
import { OrganizationsPager } from './organizations.pager';

/** Organizations ListTargetsForPolicy: the roots, OUs and accounts holding the policy, by id. */
@Injectable()
export class ListTargetsForPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly policies: OrganizationPolicyAccess,
    private readonly targets: PolicyTargetRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(ctx: RequestContext, input: PageInput & { policyId: string }): Promise<Page<PolicyTarget>> {
    assertPolicyId(input.policyId);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const policy = await this.policies.policy(em, org, input.policyId);
      const scope = `ListTargetsForPolicy/${org.id}/${ctx.accountId}/${policy.id}`;
      const cursor = this.pager.start(scope, input);
      if (!(await this.policies.enabled(em, org, policy.type))) return { items: [] };
      const isDefault = POLICY_TYPE_RULES[policy.type].defaultPolicy?.id === policy.id;
      const rows = await this.targets.holding(
        em,
        org.id,
        { id: policy.id, type: policy.type, isDefault },
        { afterId: cursor.after, limit: cursor.limit + 1 },
      );
      const page = this.pager.page(scope, rows, cursor, (row) => row.id);
      return {
        ...page,
        items: page.items.map((row) => ({
          targetId: row.id,
          arn: targetArn(ctx.partition, orgRef(org), row.type, row.id),
          name: row.name,
          type: row.type,
        })),
      };
    });
  }
}
