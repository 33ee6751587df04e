import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertParentId } from '../domain/organization-ids';
import { type MemberAccount, type Page, type PageInput, toMemberAccount } from '../domain/organization';
import { ParentNotFoundError } from '../domain/organization.errors';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationalUnitRepository } from '../persistence/organizational-unit.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';

export interface ListAccountsForParentInput extends PageInput {
  parentId: string;
}

/** The accounts directly under a root or OU. */
@Injectable()
export class ListAccountsForParentUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly members: OrganizationAccountRepository,
    private readonly units: OrganizationalUnitRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(ctx: RequestContext, input: ListAccountsForParentInput): Promise<Page<MemberAccount>> {
    assertParentId(input.parentId);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      if (!(await this.units.parentExists(em, org, input.parentId))) {
        throw new ParentNotFoundError(input.parentId);
      }
      const scope = `ListAccountsForParent/${org.id}/${ctx.accountId}/${input.parentId}`;
      const cursor = this.pager.start(scope, input);
      const rows = await this.members.list(em, org.id, {
        parentId: input.parentId,
        ...(cursor.after === undefined ? {} : { afterAccountId: cursor.after }),
        limit: cursor.limit + 1,
      });
      const items = rows.map((member) => toMemberAccount(member, org, ctx.partition));
      return this.pager.page(scope, items, cursor, (account) => account.id);
    });
  }
}
