import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { isStorableText } from '../domain/object-limits';
import { ObjectRepository } from '../persistence/object.repository';
import { StorageLocator } from './storage.locator';

/** DeleteObject: idempotent, as S3 (204 whether or not the key existed); NoSuchBucket only. */
@Injectable()
export class DeleteObjectUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
    private readonly objects: ObjectRepository,
  ) {}

  async execute(
    _ctx: RequestContext,
    input: { readonly bucket: string; readonly key: string },
  ): Promise<void> {
    await this.tx.run(async (em) => {
      await this.locate.bucket(em, input.bucket);
      if (isStorableText(input.key)) await this.objects.delete(em, input.bucket, input.key);
    });
  }
}
