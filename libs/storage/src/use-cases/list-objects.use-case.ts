import { Injectable } from '@nestjs/common';
import { type RequestContext } from '@app/platform';
import { assertListingText, effectiveMaxKeys, listingEncoding } from '../domain/listing-parameters';
import { type ListObjectsV1Result } from '../domain/operation-results';
import { ObjectLister } from './object.lister';

export interface ListObjectsInput {
  readonly bucket: string;
  readonly prefix?: string;
  readonly delimiter?: string;
  readonly marker?: string;
  /** `parseMaxKeys(query['max-keys'])`; default and cap 1000. */
  readonly maxKeys?: number;
  readonly encodingType?: string;
}

/**
 * ListObjects (v1), as `aws cloudtrail validate-logs` pages through digests and logs: NextMarker
 * only when truncated with a delimiter (otherwise clients continue from the last key).
 */
@Injectable()
export class ListObjectsUseCase {
  constructor(private readonly lister: ObjectLister) {}

  async execute(_ctx: RequestContext, input: ListObjectsInput): Promise<ListObjectsV1Result> {
    const maxKeys = effectiveMaxKeys(input.maxKeys);
    const encodingType = listingEncoding(input.encodingType);
    for (const [name, value] of [
      ['prefix', input.prefix],
      ['delimiter', input.delimiter],
      ['marker', input.marker],
    ] as const) {
      assertListingText(name, value);
    }
    const prefix = input.prefix ?? '';
    const delimiter = input.delimiter === '' ? undefined : input.delimiter;
    const { bucket, page } = await this.lister.list(input.bucket, {
      prefix,
      delimiter,
      after: input.marker || undefined,
      maxKeys,
    });
    return {
      bucket: bucket.name,
      prefix,
      delimiter,
      marker: input.marker ?? '',
      maxKeys,
      encodingType,
      isTruncated: page.isTruncated,
      ...(page.isTruncated && delimiter !== undefined ? { nextMarker: page.lastEntry } : {}),
      contents: page.contents,
      commonPrefixes: page.commonPrefixes,
      ownerAccountId: bucket.ownerAccountId,
    };
  }
}
