import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import {
  type DelegatedAdministrator,
  type Page,
  type PageInput,
  toMemberAccount,
} from '../domain/organization';
import { assertRecognizedServicePrincipal } from '../domain/service-principals';
import { DelegatedAdministratorRepository } from '../persistence/delegated-administrator.repository';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';

export interface ListDelegatedAdministratorsInput extends PageInput {
  /** Only this service's administrators; every delegated administrator when absent. */
  servicePrincipal?: string;
}

/**
 * Delegated administrators in account id order. Without a service filter an account registered
 * for several services appears once, dated by its first registration.
 */
@Injectable()
export class ListDelegatedAdministratorsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly delegated: DelegatedAdministratorRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(
    ctx: RequestContext,
    input: ListDelegatedAdministratorsInput,
  ): Promise<Page<DelegatedAdministrator>> {
    if (input.servicePrincipal !== undefined) assertRecognizedServicePrincipal(input.servicePrincipal);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const scope = `ListDelegatedAdministrators/${org.id}/${ctx.accountId}/${input.servicePrincipal ?? ''}`;
      const cursor = this.pager.start(scope, input);
      const rows = await this.delegated.list(em, org.id, {
        ...(input.servicePrincipal === undefined ? {} : { servicePrincipal: input.servicePrincipal }),
        ...(cursor.after === undefined ? {} : { afterAccountId: cursor.after }),
        limit: cursor.limit + 1,
      });
      const items = rows.map((row) => ({
        ...toMemberAccount(row.member, org, ctx.partition),
        delegationEnabledDate: row.delegationEnabledDate,
      }));
      return this.pager.page(scope, items, cursor, (admin) => admin.id);
    });
  }
}
