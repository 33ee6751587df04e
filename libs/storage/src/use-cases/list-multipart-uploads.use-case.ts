import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { assertListingText, listingEncoding } from '../domain/listing-parameters';
import { MAX_LISTED_UPLOADS } from '../domain/multipart';
import { type ListMultipartUploadsResult } from '../domain/operation-results';
import { NotImplementedError } from '../domain/storage.errors';
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
 * ListMultipartUploads: one page of a bucket's uploads in progress, by key then initiation. The
 * upload-id marker counts only with a key marker, as in S3. Grouping by delimiter is not served.
 */
@Injectable()
export class ListMultipartUploadsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
    private readonly uploads: MultipartUploadRepository,
  ) {}

  async execute(_ctx: RequestContext, input: ListMultipartUploadsInput): Promise<ListMultipartUploadsResult> {
    if (input.delimiter)
      throw new NotImplementedError('ListMultipartUploads with a delimiter is not implemented.');
    const encodingType = listingEncoding(input.encodingType);
    for (const [name, value] of [
      ['prefix', input.prefix],
      ['key-marker', input.keyMarker],
      ['upload-id-marker', input.uploadIdMarker],
    ] as const) {
      assertListingText(name, value);
    }
    const maxUploads = input.maxUploads ?? MAX_LISTED_UPLOADS;
    const prefix = input.prefix ?? '';
    const keyMarker = input.keyMarker || undefined;
    const uploadIdMarker = keyMarker === undefined ? undefined : input.uploadIdMarker || undefined;
    return this.tx.read(async (em) => {
      const bucket = await this.locate.bucket(em, input.bucket);
      const request = { prefix, keyMarker, uploadIdMarker, limit: maxUploads + 1 };
      const found = await this.uploads.listPage(em, bucket.name, request);
      const uploads = found.slice(0, maxUploads);
      const last = uploads[uploads.length - 1];
      const isTruncated = found.length > maxUploads;
      return {
        bucket: bucket.name,
        ownerAccountId: bucket.ownerAccountId,
        prefix,
        keyMarker: keyMarker ?? '',
        uploadIdMarker: uploadIdMarker ?? '',
        ...(isTruncated && last ? { nextKeyMarker: last.key, nextUploadIdMarker: last.uploadId } : {}),
        maxUploads,
        isTruncated,
        uploads,
        encodingType,
      };
    });
  }
}
