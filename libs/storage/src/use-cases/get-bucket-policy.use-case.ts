import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { NoSuchBucketError, NoSuchBucketPolicyError } from '../domain/storage.errors';
import { BucketRepository } from '../persistence/bucket.repository';

/** GetBucketPolicy: the policy document as it was put (the answer body is this JSON). */
@Injectable()
export class GetBucketPolicyUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly buckets: BucketRepository,
  ) {}

  async execute(_ctx: RequestContext, input: { readonly bucket: string }): Promise<{ policy: string }> {
    const facts = await this.tx.read((em) => this.buckets.findAccessFacts(em, input.bucket));
    if (!facts) throw new NoSuchBucketError(input.bucket);
    if (!facts.policy) throw new NoSuchBucketPolicyError(input.bucket);
    return { policy: facts.policy.document };
  }
}
