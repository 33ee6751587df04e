import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import {
  type CreateAccountStatus,
  toCreateAccountStatus,
  validateCreateAccountStates,
} from '../domain/create-account';
import { type Page, type PageInput } from '../domain/organization';
import { CreateAccountRequestRepository } from '../persistence/create-account-request.repository';
import { formatTimeKey, parseTimeKey } from '../persistence/time-key';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsPager } from './organizations.pager';

export interface ListCreateAccountStatusInput extends PageInput {
  /** Only requests in these states (`IN_PROGRESS`, `SUCCEEDED`, `FAILED`); all when absent. */
  states?: string[];
}

/** The organization's CreateAccount requests, newest first. */
@Injectable()
export class ListCreateAccountStatusUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly requests: CreateAccountRequestRepository,
    private readonly pager: OrganizationsPager,
  ) {}

  async execute(
    ctx: RequestContext,
    input: ListCreateAccountStatusInput,
  ): Promise<Page<CreateAccountStatus>> {
    const states = validateCreateAccountStates(input.states);
    return this.tx.read(async (em) => {
      const org = await this.access.reader(em, ctx.accountId);
      const scope = `ListCreateAccountStatus/${org.id}/${ctx.accountId}/${(states ?? []).sort().join(',')}`;
      const cursor = this.pager.start(scope, input);
      const after =
        cursor.after === undefined ? undefined : OrganizationsPager.parsed(parseTimeKey(cursor.after));
      const rows = await this.requests.list(em, org.id, {
        ...(states === undefined ? {} : { states }),
        ...(after === undefined ? {} : { after }),
        limit: cursor.limit + 1,
      });
      return this.pager.page(scope, rows.map(toCreateAccountStatus), cursor, (status) =>
        formatTimeKey({ at: status.requestedTimestamp, id: status.id }),
      );
    });
  }
}
