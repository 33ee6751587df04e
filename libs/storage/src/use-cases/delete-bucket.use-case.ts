import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { NoSuchBucketError } from '../domain/storage.errors';
import { BucketRepository } from '../persistence/bucket.repository';

/** DeleteBucket: only an empty bucket (BucketNotEmpty otherwise); its policy goes with it. */
@Injectable()
export class DeleteBucketUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly buckets: BucketRepository,
  ) {}

  async execute(_ctx: RequestContext, input: { readonly bucket: string }): Promise<void> {
    const deleted = await this.tx.run((em) => this.buckets.deleteIfEmpty(em, input.bucket));
    if (!deleted) throw new NoSuchBucketError(input.bucket);
  }
}
