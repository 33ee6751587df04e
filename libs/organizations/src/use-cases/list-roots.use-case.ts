import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Page, type PageInput, type Root, toRoot } from '../domain/organization';
import { PolicyTypeRepository } from '../persistence/policy-type.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';

/** The organization's root (there is exactly one) with the policy types it has enabled; always a single page. */
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
      return { items: [toRoot(org, await this.policyTypes.enabled(em, org.id), ctx.partition)] };
    });
  }
}
