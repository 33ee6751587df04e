import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type MemberAccount, type Page, type PageInput, toMemberAccount } from '../domain/organization';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';

/** Every account of the organization, in account id order (management account or delegated admin). */
@Injectable()
export class ListAccountsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly members: OrganizationAccountRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(ctx: RequestContext, input: PageInput): Promise<Page<MemberAccount>> {
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const scope = `ListAccounts/${org.id}/${ctx.accountId}`;
      const cursor = this.pager.start(scope, input);
      const rows = await this.members.list(em, org.id, {
        ...(cursor.after === undefined ? {} : { afterAccountId: cursor.after }),
        limit: cursor.limit + 1,
      });
      const items = rows.map((member) => toMemberAccount(member, org, ctx.partition));
      return this.pager.page(scope, items, cursor, (account) => account.id);
    });
  }
}
