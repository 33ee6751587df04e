import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner, withContentTime } from '@app/platform';
import { multipartEtag, partsToComplete } from '../domain/multipart';
import { type CompleteMultipartUploadResult } from '../domain/operation-results';
import { parseCompleteMultipartUpload } from '../domain/s3-xml-requests';
import { type ObjectHead } from '../domain/stored-object';
import { MultipartUploadRepository } from '../persistence/multipart-upload.repository';
import { ObjectRepository } from '../persistence/object.repository';
import { StorageLocator } from './storage.locator';

export interface CompleteMultipartUploadInput {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
  /** The `<CompleteMultipartUpload>` document as sent. */
  readonly body: Buffer;
}

/**
 * CompleteMultipartUpload: in one transaction, checks the part list against the stored parts,
 * writes the object from the parts it names (replacing any object under the key) and deletes the
 * upload with every part, named or not. A refused completion changes nothing; the upload stays.
 */
@Injectable()
export class CompleteMultipartUploadUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
    private readonly uploads: MultipartUploadRepository,
    private readonly objects: ObjectRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    _ctx: RequestContext,
    input: CompleteMultipartUploadInput,
  ): Promise<CompleteMultipartUploadResult> {
    const claims = parseCompleteMultipartUpload(input.body);
    return this.tx.run(async (em) => {
      const upload = await this.locate.upload(em, input, true);
      const uploaded = await this.uploads.parts(em, input.uploadId);
      const parts = partsToComplete(claims, new Map(uploaded.map((part) => [part.partNumber, part])));
      const head: ObjectHead = {
        ...upload.headers,
        bucket: upload.bucket,
        key: upload.key,
        size: parts.reduce((total, part) => total + part.size, 0),
        etag: multipartEtag(parts),
        lastModified: this.clock.now(),
        userMetadata: upload.userMetadata,
        revision: randomUUID(),
      };
      const partNumbers = parts.map((part) => part.partNumber);
      await withContentTime(head.size, () =>
        this.objects.putFromParts(em, head, input.uploadId, partNumbers),
      );
      await this.uploads.delete(em, input.uploadId);
      return { bucket: head.bucket, key: head.key, etag: head.etag };
    });
  }
}
