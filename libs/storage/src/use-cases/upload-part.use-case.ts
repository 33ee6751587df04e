import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner, withContentTime } from '@app/platform';
import { etagOf, verifyChecksum, verifyContentMd5, type ChecksumClaim } from '../domain/checksums';
import { parsePartNumber } from '../domain/multipart';
import { assertObjectSize, MAX_OBJECT_SIZE } from '../domain/object-limits';
import { EntityTooLargeError } from '../domain/storage.errors';
import { MultipartUploadRepository } from '../persistence/multipart-upload.repository';
import { StorageLocator } from './storage.locator';

export interface UploadPartInput {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
  /** The `partNumber` query parameter as sent (1 to 10000). */
  readonly partNumber?: string;
  /** The part's bytes (`decodeObjectPayload(…).bytes`, as for PutObject). */
  readonly content: Buffer;
  readonly contentMd5?: string;
  readonly checksum?: ChecksumClaim;
}

/**
 * UploadPart: stores a part (replacing one of the same number), its ETag the MD5 of its bytes.
 * Content-MD5 and `x-amz-checksum-*` are checked as for PutObject. An upload holds at most what
 * one object may (64 MiB), so parts that could never complete do not fill the database.
 */
@Injectable()
export class UploadPartUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
    private readonly uploads: MultipartUploadRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    _ctx: RequestContext,
    input: UploadPartInput,
  ): Promise<{ etag: string; checksum?: ChecksumClaim }> {
    const partNumber = parsePartNumber(input.partNumber);
    const size = input.content.length;
    assertObjectSize(size);
    if (input.contentMd5 !== undefined) verifyContentMd5(input.contentMd5, input.content);
    if (input.checksum !== undefined) verifyChecksum(input.checksum, input.content);
    const etag = etagOf(input.content);
    await this.tx.run(async (em) => {
      await this.locate.upload(em, input, true);
      const held = await this.uploads.sizeOfOtherParts(em, input.uploadId, partNumber);
      if (held + size > MAX_OBJECT_SIZE) throw new EntityTooLargeError(held + size, MAX_OBJECT_SIZE);
      const part = { partNumber, etag, size, lastModified: this.clock.now(), content: input.content };
      await withContentTime(size, () => this.uploads.putPart(em, input.uploadId, part));
    });
    return { etag, ...(input.checksum ? { checksum: input.checksum } : {}) };
  }
}
