import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { NoSuchBucketError } from '../domain/storage.errors';
import { BucketRepository } from '../persistence/bucket.repository';

/** DeleteBucketPolicy: succeeds (204) whether or not the bucket had a policy. */
@Injectable()
export class DeleteBucketPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly buckets: BucketRepository,
  ) {}

  async execute(_ctx: RequestContext, input: { readonly bucket: string }): Promise<void> {
    const found = await this.tx.run((em) => this.buckets.deletePolicy(em, input.bucket));
    if (!found) throw new NoSuchBucketError(input.bucket);
  }
}
