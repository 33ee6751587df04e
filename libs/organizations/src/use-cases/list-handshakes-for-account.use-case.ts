import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { type Handshake, toHandshake, validateHandshakeActionFilter } from '../domain/handshake';
import { type Page, type PageInput } from '../domain/organization';
import { HandshakeRepository } from '../persistence/handshake.repository';
import { formatTimeKey, parseTimeKey } from '../persistence/time-key';
import { OrganizationsPager } from './organizations.pager';

export interface ListHandshakesForAccountInput extends PageInput {
  filter?: { actionType?: string };
}

/** Handshakes sent to the caller's account, newest first; any account may ask, in an organization or not. */
@Injectable()
export class ListHandshakesForAccountUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly handshakes: HandshakeRepository,
    private readonly pager: OrganizationsPager,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: ListHandshakesForAccountInput): Promise<Page<Handshake>> {
    const action = input.filter?.actionType;
    validateHandshakeActionFilter(action);
    const scope = `ListHandshakesForAccount/${ctx.accountId}/${action ?? ''}`;
    const cursor = this.pager.start(scope, input);
    const after =
      cursor.after === undefined ? undefined : OrganizationsPager.parsed(parseTimeKey(cursor.after));
    return this.tx.read(async (em) => {
      const rows = await this.handshakes.listForAccount(em, ctx.accountId, {
        ...(action === undefined ? {} : { action }),
        ...(after === undefined ? {} : { after }),
        limit: cursor.limit + 1,
      });
      const now = this.clock.now();
      const items = rows.map((sent) => toHandshake(sent.handshake, sent.organization, ctx.partition, now));
      return this.pager.page(scope, items, cursor, (h) =>
        formatTimeKey({ at: h.requestedTimestamp, id: h.id }),
      );
    });
  }
}
