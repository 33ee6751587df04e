import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertAccountId } from '../domain/organization-ids';
import { type MemberAccount, toMemberAccount } from '../domain/organization';
import { AccountNotFoundError } from '../domain/organization.errors';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationAccessService } from './organization-access.service';

export interface AccountIdInput {
  accountId: string;
}

/** One account of the organization (management account or delegated admin). */
@Injectable()
export class DescribeAccountUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly members: OrganizationAccountRepository,
  ) {}

  async execute(ctx: RequestContext, input: AccountIdInput): Promise<MemberAccount> {
    assertAccountId(input.accountId);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const member = await this.members.findMember(em, org.id, input.accountId);
      if (!member) throw new AccountNotFoundError();
      return toMemberAccount(member, org, ctx.partition);
    });
  }
}
