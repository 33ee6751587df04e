import { type INestApplicationContext } from '@nestjs/common';
import { type RequestContext } from '@app/platform';
import { BucketDirectory, CreateBucketUseCase, PutBucketPolicyUseCase } from '@app/storage';

/** An account's root credentials (tests' and benchmarks' credential types both fit). */
export interface RootCredentials {
  readonly accountId: string;
  readonly accessKeyId: string;
}

/** A caller of the use cases for `owner`'s root, as the transports build it. */
export function rootContext(owner: RootCredentials, region = 'us-east-1'): RequestContext {
  return {
    requestId: 'fixture',
    principal: {
      type: 'Root',
      accountId: owner.accountId,
      arn: `arn:aws:iam::${owner.accountId}:root`,
      principalId: owner.accountId,
      accessKeyId: owner.accessKeyId,
      isPartitionOperator: false,
    },
    accountId: owner.accountId,
    region,
    partition: 'aws',
    sourceIp: '127.0.0.1',
    userAgent: 'fixture',
    receivedAt: new Date(),
    secureTransport: false,
  };
}

/** CloudTrail may write anywhere in `bucket`, for any trail. */
export function openLogBucketPolicy(bucket: string): string {
  const cloudTrail = { Service: 'cloudtrail.amazonaws.com' };
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: cloudTrail,
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::${bucket}`,
      },
      {
        Effect: 'Allow',
        Principal: cloudTrail,
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${bucket}/*`,
      },
    ],
  });
}

/**
 * Creates those of `buckets` that are missing in the built-in store, owned by `owner` and open to
 * CloudTrail for any trail under any prefix: CreateTrail refuses a bucket CloudTrail may not write
 * (delivery.md §6.2), and fixtures that make many trails name a few shared buckets.
 */
export async function givenOpenLogBuckets(
  app: INestApplicationContext,
  owner: RootCredentials,
  buckets: readonly string[],
): Promise<void> {
  const ctx = rootContext(owner);
  for (const bucket of buckets) {
    if (await app.get(BucketDirectory).accessFacts(bucket)) continue;
    await app.get(CreateBucketUseCase).execute(ctx, { bucket });
    await app.get(PutBucketPolicyUseCase).execute(ctx, { bucket, policy: openLogBucketPolicy(bucket) });
  }
}
