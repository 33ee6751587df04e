import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Page, type PageInput } from '../domain/organization';
import { assertPolicyId, type PolicyTarget, targetArn } from '../domain/service-control-policy';
import { ScpTargetRepository } from '../persistence/scp-target.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';
import { orgRef, ServiceControlPolicyAccess } from './service-control-policy.access';

/** Organizations ListTargetsForPolicy: the roots, OUs and accounts holding the SCP, by id. */
@Injectable()
export class ListTargetsForPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly scps: ServiceControlPolicyAccess,
    private readonly targets: ScpTargetRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(ctx: RequestContext, input: PageInput & { policyId: string }): Promise<Page<PolicyTarget>> {
    assertPolicyId(input.policyId);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const policy = await this.scps.policy(em, org, input.policyId);
      const scope = `ListTargetsForPolicy/${org.id}/${ctx.accountId}/${policy.id}`;
      const cursor = this.pager.start(scope, input);
      if (!(await this.scps.enabled(em, org))) return { items: [] };
      const rows = await this.targets.holding(em, org.id, policy.id, {
        afterId: cursor.after,
        limit: cursor.limit + 1,
      });
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
