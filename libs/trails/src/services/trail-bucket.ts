import { Injectable } from '@nestjs/common';
import { EnvSchema, type RequestContext } from '@app/platform';
import { CloudTrailWritePermission, CreateBucketUseCase, PutBucketPolicyUseCase } from '@app/storage';
import { consoleBucketPolicy, probeLogFileKey, type TrailLogDestination } from '../domain/trail-log-bucket';
import {
  InsufficientS3BucketPolicyError,
  InvalidParameterCombinationError,
  S3BucketDoesNotExistError,
} from '../domain/trail.errors';

/**
 * A trail's bucket in the built-in store (delivery.md §6.2): CreateTrail and UpdateTrail accept it
 * only if CloudTrail may write the trail's files there — the rule log delivery applies to every
 * write. An external store (`TRAILPLANE_S3_ENDPOINT`) is not looked into: its failures show in
 * GetTrailStatus instead.
 */
@Injectable()
export class TrailBucket {
  private readonly external: boolean;

  constructor(
    env: EnvSchema,
    private readonly permission: CloudTrailWritePermission,
    private readonly createBucket: CreateBucketUseCase,
    private readonly putBucketPolicy: PutBucketPolicyUseCase,
  ) {
    this.external = env.TRAILPLANE_S3_ENDPOINT !== undefined && env.TRAILPLANE_S3_ENDPOINT !== '';
  }

  /** Creates the bucket in the caller's account with the policy the AWS console writes. */
  async create(ctx: RequestContext, destination: TrailLogDestination): Promise<void> {
    if (this.external) {
      throw new InvalidParameterCombinationError(
        'createBucket applies to the built-in object store; logs go to an external S3 service here.',
      );
    }
    await this.createBucket.execute(ctx, { bucket: destination.bucket });
    await this.putBucketPolicy.execute(ctx, {
      bucket: destination.bucket,
      policy: consoleBucketPolicy(destination),
    });
  }

  /** @throws S3BucketDoesNotExistException, InsufficientS3BucketPolicyException */
  async assertWritable(destination: TrailLogDestination): Promise<void> {
    if (this.external) return;
    const refusal = await this.permission.refusal(
      {
        arn: destination.trailArn,
        partition: destination.partition,
        ownerAccountId: destination.ownerAccountId,
        bucket: destination.bucket,
      },
      [probeLogFileKey(destination)],
    );
    if (refusal === 'NoSuchBucket') throw new S3BucketDoesNotExistError(destination.bucket);
    if (refusal) throw new InsufficientS3BucketPolicyError(destination.bucket);
  }
}
