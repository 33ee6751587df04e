import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { newUploadId } from '../domain/multipart';
import { assertObjectKey, normalizeUserMetadata } from '../domain/object-limits';
import { type MultipartUploadSummary } from '../domain/operation-results';
import { DEFAULT_CONTENT_TYPE, type ObjectHeaders } from '../domain/stored-object';
import { MultipartUploadRepository } from '../persistence/multipart-upload.repository';

export interface CreateMultipartUploadInput extends Partial<ObjectHeaders> {
  readonly bucket: string;
  readonly key: string;
  readonly userMetadata?: Readonly<Record<string, string>>;
}

/**
 * CreateMultipartUpload: starts an upload of `key`, whose object will have the representation
 * headers and `x-amz-meta-*` given now (as in S3, UploadPart and CompleteMultipartUpload take none).
 */
@Injectable()
export class CreateMultipartUploadUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly uploads: MultipartUploadRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: CreateMultipartUploadInput): Promise<MultipartUploadSummary> {
    assertObjectKey(input.key);
    const userMetadata = normalizeUserMetadata(input.userMetadata ?? {});
    const initiated = this.clock.now();
    const upload = {
      uploadId: newUploadId(initiated, randomBytes(10)),
      bucket: input.bucket,
      key: input.key,
      initiated,
      initiator: ctx.principal.arn,
      headers: {
        contentType: input.contentType ?? DEFAULT_CONTENT_TYPE,
        contentEncoding: input.contentEncoding,
        contentDisposition: input.contentDisposition,
        contentLanguage: input.contentLanguage,
        cacheControl: input.cacheControl,
        expires: input.expires,
      },
      userMetadata,
    };
    await this.tx.run((em) => this.uploads.create(em, upload));
    return upload;
  }
}
