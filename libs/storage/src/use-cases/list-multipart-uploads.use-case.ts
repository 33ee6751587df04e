import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertListingText, listingEncoding } from '../domain/listing-parameters';
import { MAX_LISTED_UPLOADS } from '../domain/multipart';
import { type ListMultipartUploadsResult } from '../domain/operation-results';
import { collectUploads } from '../domain/upload-listing';
import { MultipartUploadRepository } from '../persistence/multipart-upload.repository';
import { StorageLocator } from './storage.locator';

export interface ListMultipartUploadsInput {
  readonly bucket: string;
  readonly prefix?: string;
  readonly delimiter?: string;
  readonly keyMarker?: string;
  readonly uploadIdMarker?: string;
  /** Capped at 1000 (`parseListingCount`); default 1000. */
  readonly maxUploads?: number;
  readonly encodingType?: string;
}

/**
 * ListMultipartUploads: one page of a bucket's uploads in progress, by key then initiation, keys
 * rolled up into common prefixes by a delimiter (`collectUploads`). The upload-id marker counts
 * only with a key marker, as in S3.
 */
@Injectable()
export class ListMultipartUploadsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
    private readonly uploads: MultipartUploadRepository,
  ) {}

  async execute(_ctx: RequestContext, input: ListMultipartUploadsInput): Promise<ListMultipartUploadsResult> {
    const encodingType = listingEncoding(input.encodingType);
    for (const [name, value] of [
      ['prefix', input.prefix],
      ['delimiter', input.delimiter],
      ['key-marker', input.keyMarker],
      ['upload-id-marker', input.uploadIdMarker],
    ] as const) {
      assertListingText(name, value);
    }
    const maxUploads = input.maxUploads ?? MAX_LISTED_UPLOADS;
    const prefix = input.prefix ?? '';
    const delimiter = input.delimiter || undefined;
    const keyMarker = input.keyMarker || undefined;
    const uploadIdMarker = keyMarker === undefined ? undefined : input.uploadIdMarker || undefined;
    return this.tx.read(async (em) => {
      const bucket = await this.locate.bucket(em, input.bucket);
      const page = await collectUploads(
        { prefix, delimiter, keyMarker, uploadIdMarker, maxUploads },
        (request) => this.uploads.listPage(em, bucket.name, request),
      );
      return {
        bucket: bucket.name,
        ownerAccountId: bucket.ownerAccountId,
        prefix,
        delimiter,
        keyMarker: keyMarker ?? '',
        uploadIdMarker: uploadIdMarker ?? '',
        ...(page.isTruncated && page.next
          ? { nextKeyMarker: page.next.keyMarker, nextUploadIdMarker: page.next.uploadIdMarker }
          : {}),
        maxUploads,
        isTruncated: page.isTruncated,
        uploads: page.uploads,
        commonPrefixes: page.commonPrefixes,
        encodingType,
      };
    });
  }
}
