import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { type Bucket } from '../domain/bucket';
import { assertBucketName } from '../domain/bucket-name';
import { bucketRegionFor } from '../domain/location-constraint';
import { BucketRepository } from '../persistence/bucket.repository';

export interface CreateBucketInput {
  readonly bucket: string;
  /** From the body's CreateBucketConfiguration (`parseCreateBucketConfiguration`). */
  readonly locationConstraint?: string;
}

/**
 * CreateBucket: a bucket owned by the caller's account, in the Region the request was signed for
 * (which the LocationConstraint must name, except for us-east-1). Names are global.
 */
@Injectable()
export class CreateBucketUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly buckets: BucketRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: CreateBucketInput): Promise<Bucket> {
    assertBucketName(input.bucket);
    const bucket: Bucket = {
      name: input.bucket,
      ownerAccountId: ctx.accountId,
      region: bucketRegionFor(input.locationConstraint, ctx.region),
      createdAt: this.clock.now(),
    };
    await this.tx.run((em) => this.buckets.insert(em, bucket));
    return bucket;
  }
}
