import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertAccountId } from '../domain/organization-ids';
import { type DelegatedService, type Page, type PageInput } from '../domain/organization';
import { AccountNotFoundError, AccountNotRegisteredError } from '../domain/organization.errors';
import { DelegatedAdministratorRepository } from '../persistence/delegated-administrator.repository';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';

export interface ListDelegatedServicesForAccountInput extends PageInput {
  accountId: string;
}

/** The services a member administers; AccountNotRegistered when it administers none. */
@Injectable()
export class ListDelegatedServicesForAccountUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly members: OrganizationAccountRepository,
    private readonly delegated: DelegatedAdministratorRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(
    ctx: RequestContext,
    input: ListDelegatedServicesForAccountInput,
  ): Promise<Page<DelegatedService>> {
    assertAccountId(input.accountId);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      if (!(await this.members.findMember(em, org.id, input.accountId))) throw new AccountNotFoundError();
      if (!(await this.delegated.isDelegatedAdministrator(em, org.id, input.accountId))) {
        throw new AccountNotRegisteredError(input.accountId);
      }
      const scope = `ListDelegatedServicesForAccount/${org.id}/${ctx.accountId}/${input.accountId}`;
      const cursor = this.pager.start(scope, input);
      const rows = await this.delegated.servicesFor(em, org.id, input.accountId, {
        ...(cursor.after === undefined ? {} : { afterServicePrincipal: cursor.after }),
        limit: cursor.limit + 1,
      });
      return this.pager.page(scope, rows, cursor, (service) => service.servicePrincipal);
    });
  }
}
