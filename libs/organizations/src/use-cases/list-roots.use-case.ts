import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Page, type PageInput, type Root, toRoot } from '../domain/organization';
import { SERVICE_CONTROL_POLICY } from '../domain/service-control-policy';
import { PolicyTypeRepository } from '../persistence/policy-type.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';

/** The organization's root (there is exactly one); always a single page. */
@Injectable()
export class ListRootsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly pager: OrganizationsPager,
    private readonly policyTypes: PolicyTypeRepository,
  ) {}

  async execute(ctx: RequestContext, input: PageInput): Promise<Page<Root>> {
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      // No token is ever issued for a single page, so any NextToken is rejected here.
      this.pager.start(`ListRoots/${org.id}/${ctx.accountId}`, input);
      const root = toRoot(org, ctx.partition);
      const scpsDisabled = await this.policyTypes.isDisabled(em, org.id, SERVICE_CONTROL_POLICY);
      return { items: [scpsDisabled ? { ...root, policyTypes: [] } : root] };
    });
  }
}
