import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Page, type PageInput } from '../domain/organization';
import { assertPolicyType, type PolicySummary, toPolicySummary } from '../domain/service-control-policy';
import { ServiceControlPolicyRepository } from '../persistence/service-control-policy.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';
import { orgRef } from './service-control-policy.access';

/** Organizations ListPolicies (Filter SERVICE_CONTROL_POLICY): own policies and FullAWSAccess, by id. */
@Injectable()
export class ListServiceControlPoliciesUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly policies: ServiceControlPolicyRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(ctx: RequestContext, input: PageInput & { filter: string }): Promise<Page<PolicySummary>> {
    const type = assertPolicyType(input.filter);
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
