import { Injectable } from '@nestjs/common';
import {
  Clock,
  InvalidPageTokenError,
  PageTokenCodec,
  type RequestContext,
  TransactionRunner,
} from '@app/platform';
import { type LookupEventsInput, lookupTokenScope, planLookupQuery } from '../domain/lookup-query';
import { InvalidNextTokenError } from '../domain/lookup.errors';
import { type EventCursor, EventRepository, type FoundEvent } from '../persistence/event.repository';

export interface EventPage {
  readonly events: readonly FoundEvent[];
  readonly nextToken?: string;
}

/**
 * LookupEvents (§2.15): the caller's management events in the called Region, newest first, over
 * the last 90 days. The NextToken is opaque, tamper-evident and bound to the query's parameters.
 */
@Injectable()
export class LookupEventsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly events: EventRepository,
    private readonly tokens: PageTokenCodec,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: LookupEventsInput): Promise<EventPage> {
    const query = planLookupQuery(input, this.clock.now());
    const scope = lookupTokenScope(ctx.accountId, ctx.region, input);
    const cursor = input.nextToken === undefined ? undefined : this.decode(input.nextToken, scope);
    if (query.insightsOnly) return { events: [] };
    const found = await this.tx.read((em) =>
      this.events.lookup(em, ctx.accountId, ctx.region, query, cursor, query.maxResults + 1),
    );
    if (found.length <= query.maxResults) return { events: found };
    const page = found.slice(0, query.maxResults);
    const last = page[page.length - 1];
    const position = JSON.stringify([last.eventTime.toISOString(), last.record.eventID]);
    return { events: page, nextToken: this.tokens.encode({ scope, position }) };
  }

  private decode(token: string, scope: string): EventCursor {
    try {
      const [eventTime, eventId] = JSON.parse(this.tokens.decode(token, scope)) as [string, string];
      return { eventTime: new Date(eventTime), eventId };
    } catch (error) {
      if (error instanceof InvalidPageTokenError || error instanceof SyntaxError) {
        throw new InvalidNextTokenError();
      }
      throw error;
    }
  }
}
