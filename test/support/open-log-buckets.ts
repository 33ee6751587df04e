import { type INestApplicationContext } from '@nestjs/common';
import { type RequestContext } from '@app/platform';
import { BucketDirectory, CreateBucketUseCase, PutBucketPolicyUseCase } from '@app/storage';
import { type TestCredentials } from './credentials';

/**
 * The buckets the suites' trails name without creating them. CreateTrail refuses a bucket CloudTrail
 * may not write (delivery.md §6.2), so every test app starts with these, owned by `owner` and open
 * to CloudTrail for any trail under any prefix. Tests of the check itself use other names.
 */
export const OPEN_LOG_BUCKETS = [
  'audit-logs',
  'logs',
  'org-logs',
  'org-audit-logs',
  'other-bucket',
  'openapi-audit-logs',
  'propagation-oracle',
  'matrix-logs',
  'elsewhere',
];

/** A caller of the use cases for `owner`'s root, as the transports build it. */
export function rootContext(owner: TestCredentials, region = 'us-east-1'): RequestContext {
  return {
    requestId: 'test',
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
    userAgent: 'test',
    receivedAt: new Date(),
    secureTransport: false,
  };
}

function openPolicy(bucket: string): string {
  const cloudTrail = { Service: 'cloudtrail.amazonaws.com' };
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: cloudTrail, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucket}` },
      { Effect: 'Allow', Principal: cloudTrail, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/*` },
    ],
  });
}

/** Creates the missing ones of `OPEN_LOG_BUCKETS` (a restarted app finds them there). */
export async function givenOpenLogBuckets(app: INestApplicationContext, owner: TestCredentials): Promise<void> {
  const ctx = rootContext(owner);
  for (const bucket of OPEN_LOG_BUCKETS) {
    if (await app.get(BucketDirectory).accessFacts(bucket)) continue;
    await app.get(CreateBucketUseCase).execute(ctx, { bucket });
    await app.get(PutBucketPolicyUseCase).execute(ctx, { bucket, policy: openPolicy(bucket) });
  }
}
