import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertChildId, isAccountId } from '../domain/organization-ids';
import { type Page, type PageInput, type Parent, parentOf } from '../domain/organization';
import { ChildNotFoundError } from '../domain/organization.errors';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationalUnitRepository } from '../persistence/organizational-unit.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';

export interface ListParentsInput extends PageInput {
  /** An account id or an OU id (not a root). */
  childId: string;
}

/** The one parent (root or OU) of an account or OU; always a single page. */
@Injectable()
export class ListParentsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly members: OrganizationAccountRepository,
    private readonly units: OrganizationalUnitRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(ctx: RequestContext, input: ListParentsInput): Promise<Page<Parent>> {
    assertChildId(input.childId);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      // No token is ever issued for a single page, so any NextToken is rejected here.
      this.pager.start(`ListParents/${org.id}/${ctx.accountId}/${input.childId}`, input);
      const child = isAccountId(input.childId)
        ? await this.members.findMember(em, org.id, input.childId)
        : await this.units.find(em, org.id, input.childId);
      if (!child) throw new ChildNotFoundError(input.childId);
      return { items: [parentOf(child.parentId, org)] };
    });
  }
}
