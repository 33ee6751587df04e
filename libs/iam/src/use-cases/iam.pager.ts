import { Injectable } from '@nestjs/common';
import { InvalidPageTokenError, PageTokenCodec } from '@app/platform';
import { IamValidationError } from '../domain/iam.errors';
import { type IamPage } from '../domain/iam-outputs';

export interface IamPageInput {
  readonly marker?: string;
  readonly maxItems?: number;
}

export interface IamCursor {
  readonly after?: string;
  readonly limit: number;
}

const DEFAULT_MAX_ITEMS = 100;
const MAX_MAX_ITEMS = 1_000;

/**
 * IAM's Marker/MaxItems/IsTruncated paging over keyset positions. Markers are signed and bound to
 * their listing (operation, caller, filters), so they cannot be edited or replayed elsewhere.
 */
@Injectable()
export class IamPager {
  constructor(private readonly codec: PageTokenCodec) {}

  start(scope: string, input: IamPageInput): IamCursor {
    const limit = input.maxItems ?? DEFAULT_MAX_ITEMS;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MAX_ITEMS) {
      throw new IamValidationError(
        `1 validation error detected: Value '${limit}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and ${MAX_MAX_ITEMS}`,
      );
    }
    if (input.marker === undefined) return { limit };
    try {
      return { after: this.codec.decode(input.marker, scope), limit };
    } catch (error) {
      if (error instanceof InvalidPageTokenError) throw new IamValidationError('Invalid Marker.');
      throw error;
    }
  }

  /** `items` were read with `limit + 1`: the extra one only says that another page exists. */
  page<T, O>(
    scope: string,
    items: T[],
    cursor: IamCursor,
    positionOf: (item: T) => string,
    output: (item: T) => O,
  ): IamPage<O> {
    if (items.length <= cursor.limit) return { items: items.map(output), isTruncated: false };
    const shown = items.slice(0, cursor.limit);
    return {
      items: shown.map(output),
      isTruncated: true,
      marker: this.codec.encode({ scope, position: positionOf(shown[shown.length - 1]) }),
    };
  }
}
