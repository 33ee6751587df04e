import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Page, type PageInput } from '../domain/organization';
import { type PolicySummary, toPolicySummary } from '../domain/organization-policy';
import { parsePolicyType } from '../domain/policy-types';
import { OrganizationPolicyRepository } from '../persistence/organization-policy.repository';
import { OrganizationAccessService } from './organization-access.service';
import { orgRef } from './organization-policy.access';
import { OrganizationsPager } from './organizations.pager';

/** Organizations ListPolicies: the organization's own policies of the `Filter` type and AWS's, by id. */
@Injectable()
export class ListPoliciesUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly policies: OrganizationPolicyRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(ctx: RequestContext, input: PageInput & { filter: string }): Promise<Page<PolicySummary>> {
    const type = parsePolicyType(input.filter);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const scope = `ListPolicies/${org.id}/${ctx.accountId}/${type}`;
      const cursor = this.pager.start(scope, input);
      const records = await this.policies.list(em, org.id, type, {
        afterId: cursor.after,
        limit: cursor.limit + 1,
      });
      const page = this.pager.page(scope, records, cursor, (policy) => policy.id);
      return {
        ...page,
        items: page.items.map((policy) => toPolicySummary(policy, orgRef(org), ctx.partition)),
      };
    });
  }
}
