import { Injectable } from '@nestjs/common';
import { InvalidPageTokenError, PageTokenCodec, type RequestContext } from '@app/platform';
import { assertListingText, effectiveMaxKeys, listingEncoding } from '../domain/listing-parameters';
import { type ListObjectsV2Result } from '../domain/operation-results';
import { InvalidArgumentError } from '../domain/storage.errors';
import { ObjectLister } from './object.lister';

export interface ListObjectsV2Input {
  readonly bucket: string;
  readonly prefix?: string;
  readonly delimiter?: string;
  readonly startAfter?: string;
  readonly continuationToken?: string;
  /** `parseMaxKeys(query['max-keys'])`; default and cap 1000. */
  readonly maxKeys?: number;
  readonly encodingType?: string;
  readonly fetchOwner?: boolean;
}

/**
 * ListObjectsV2. Continuation tokens are opaque and tamper-evident (HMAC, bound to the bucket):
 * one that was altered or issued for another bucket is refused with InvalidArgument. A token wins
 * over start-after, as in S3.
 */
@Injectable()
export class ListObjectsV2UseCase {
  constructor(
    private readonly lister: ObjectLister,
    private readonly tokens: PageTokenCodec,
  ) {}

  async execute(_ctx: RequestContext, input: ListObjectsV2Input): Promise<ListObjectsV2Result> {
    const maxKeys = effectiveMaxKeys(input.maxKeys);
    const encodingType = listingEncoding(input.encodingType);
    for (const [name, value] of [
      ['prefix', input.prefix],
      ['delimiter', input.delimiter],
      ['start-after', input.startAfter],
    ] as const) {
      assertListingText(name, value);
    }
    const scope = `s3:ListObjectsV2/${input.bucket}`;
    const after =
      input.continuationToken !== undefined
        ? this.decode(input.continuationToken, scope)
        : input.startAfter || undefined;
    const prefix = input.prefix ?? '';
    const delimiter = input.delimiter === '' ? undefined : input.delimiter;
    const { bucket, page } = await this.lister.list(input.bucket, { prefix, delimiter, after, maxKeys });
    return {
      bucket: bucket.name,
      prefix,
      delimiter,
      maxKeys,
      encodingType,
      isTruncated: page.isTruncated,
      keyCount: page.contents.length + page.commonPrefixes.length,
      continuationToken: input.continuationToken,
      ...(page.isTruncated && page.lastEntry !== undefined
        ? { nextContinuationToken: this.tokens.encode({ scope, position: page.lastEntry }) }
        : {}),
      startAfter: input.startAfter,
      contents: page.contents,
      commonPrefixes: page.commonPrefixes,
      ...(input.fetchOwner ? { ownerAccountId: bucket.ownerAccountId } : {}),
    };
  }

  private decode(token: string, scope: string): string {
    try {
      return this.tokens.decode(token, scope);
    } catch (error) {
      if (error instanceof InvalidPageTokenError) {
        throw new InvalidArgumentError(
          'The continuation token provided is incorrect',
          'continuation-token',
          token,
        );
      }
      throw error;
    }
  }
}
