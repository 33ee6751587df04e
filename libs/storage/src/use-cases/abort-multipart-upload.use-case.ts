import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { MultipartUploadRepository } from '../persistence/multipart-upload.repository';
import { StorageLocator } from './storage.locator';

export interface AbortMultipartUploadInput {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
}

/** AbortMultipartUpload: deletes the upload and every part; NoSuchUpload when it has ended already. */
@Injectable()
export class AbortMultipartUploadUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
    private readonly uploads: MultipartUploadRepository,
  ) {}

  async execute(_ctx: RequestContext, input: AbortMultipartUploadInput): Promise<void> {
    await this.tx.run(async (em) => {
      await this.locate.upload(em, input, true);
      await this.uploads.delete(em, input.uploadId);
    });
  }
}
