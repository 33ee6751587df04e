import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { MAX_LISTED_PARTS } from '../domain/multipart';
import { type ListPartsResult } from '../domain/operation-results';
import { MultipartUploadRepository } from '../persistence/multipart-upload.repository';
import { StorageLocator } from './storage.locator';

export interface ListPartsInput {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
  /** Capped at 1000 (`parseListingCount`); default 1000. */
  readonly maxParts?: number;
  /** Parts numbered above it; default 0. */
  readonly partNumberMarker?: number;
}

/** ListParts: one page of an upload's parts by number; NextPartNumberMarker continues it. */
@Injectable()
export class ListPartsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
    private readonly uploads: MultipartUploadRepository,
  ) {}

  async execute(_ctx: RequestContext, input: ListPartsInput): Promise<ListPartsResult> {
    const maxParts = input.maxParts ?? MAX_LISTED_PARTS;
    const marker = input.partNumberMarker ?? 0;
    return this.tx.read(async (em) => {
      const upload = await this.locate.upload(em, input);
      const bucket = await this.locate.bucket(em, input.bucket);
      const found = await this.uploads.parts(em, input.uploadId, marker, maxParts + 1);
      const parts = found.slice(0, maxParts);
      return {
        upload,
        ownerAccountId: bucket.ownerAccountId,
        partNumberMarker: marker,
        ...(parts.length > 0 ? { nextPartNumberMarker: parts[parts.length - 1].partNumber } : {}),
        maxParts,
        isTruncated: found.length > maxParts,
        parts,
      };
    });
  }
}
