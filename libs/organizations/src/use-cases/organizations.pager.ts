import { Injectable } from '@nestjs/common';
import { InvalidPageTokenError, PageTokenCodec } from '@app/platform';
import { InvalidInputError } from '../domain/organization.errors';
import { type Page, type PageInput } from '../domain/organization';
import { pageSize } from '../domain/page-size';

export interface PageCursor {
  /** The position after which this page starts (absent on the first page). */
  readonly after?: string;
  readonly limit: number;
}

function invalidNextToken(): InvalidInputError {
  return new InvalidInputError('INVALID_NEXT_TOKEN', 'The NextToken value is invalid.');
}

/**
 * Keyset pagination for the Organizations listings. A token is bound to its `scope` (operation,
 * caller, organization and filters), so it cannot be replayed against another listing.
 */
@Injectable()
export class OrganizationsPager {
  constructor(private readonly codec: PageTokenCodec) {}

  start(scope: string, input: PageInput): PageCursor {
    const limit = pageSize(input.maxResults);
    if (input.nextToken === undefined) return { limit };
    try {
      return { after: this.codec.decode(input.nextToken, scope), limit };
    } catch (error) {
      if (error instanceof InvalidPageTokenError) throw invalidNextToken();
      throw error;
    }
  }

  /** `items` were read with `limit + 1`: the extra one only says that another page exists. */
  page<T>(scope: string, items: T[], cursor: PageCursor, positionOf: (item: T) => string): Page<T> {
    if (items.length <= cursor.limit) return { items };
    const shown = items.slice(0, cursor.limit);
    const last = shown[shown.length - 1];
    return { items: shown, nextToken: this.codec.encode({ scope, position: positionOf(last) }) };
  }

  /** For positions that must parse (time keys): a signed but unreadable position is still a bad token. */
  static parsed<T>(value: T | undefined): T {
    if (value === undefined) throw invalidNextToken();
    return value;
  }
}
