import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { validateBucketPolicy } from '../domain/bucket-policy';
import { BucketRepository } from '../persistence/bucket.repository';
import { StorageLocator } from './storage.locator';

/** PutBucketPolicy: replaces the bucket's policy with a valid one, stored as sent. */
@Injectable()
export class PutBucketPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
    private readonly buckets: BucketRepository,
  ) {}

  async execute(
    ctx: RequestContext,
    input: { readonly bucket: string; readonly policy: string },
  ): Promise<void> {
    await this.tx.run(async (em) => {
      await this.locate.bucket(em, input.bucket);
      validateBucketPolicy(input.policy, input.bucket, ctx.partition);
      await this.buckets.putPolicy(em, input.bucket, input.policy);
    });
  }
}
