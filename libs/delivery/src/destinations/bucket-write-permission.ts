import { Injectable } from '@nestjs/common';
import { evaluate, isDenied, PolicyCache } from '@app/policy';
import { BucketDirectory, bucketPolicyRule, objectArn } from '@app/storage';
import { DeliveryFailure, type TrailWriter } from './log-destination';

export const CLOUDTRAIL_SERVICE = 'cloudtrail.amazonaws.com';

/**
 * Whether CloudTrail may write a trail's files into a bucket of the built-in store: the bucket must
 * exist and its policy must let the service principal `cloudtrail.amazonaws.com` PutObject each key,
 * for this trail (`aws:SourceArn`) and its owner (`aws:SourceAccount`), with the ACL CloudTrail sets
 * (delivery.md §6.2). The writer's identity policies play no part: a service principal has none.
 */
@Injectable()
export class BucketWritePermission {
  constructor(
    private readonly buckets: BucketDirectory,
    private readonly cache: PolicyCache,
  ) {}

  async assertMayWrite(writer: TrailWriter, keys: readonly string[]): Promise<void> {
    const { bucket, partition } = writer;
    const facts = await this.buckets.accessFacts(bucket);
    if (!facts) throw new DeliveryFailure('NoSuchBucket');
    const policy = bucketPolicyRule(facts);
    if (!policy) throw new DeliveryFailure('AccessDenied');
    const rule = this.cache.getOrCompileDocument('resource', policy.name, policy.document);
    const owner = facts.bucket.ownerAccountId;
    for (const key of keys) {
      const result = evaluate(
        {
          principal: { arn: CLOUDTRAIL_SERVICE, account: owner, type: 'Service' },
          action: 's3:PutObject',
          resource: { arn: objectArn(partition, bucket, key), account: owner },
          context: {
            'aws:SourceArn': writer.arn,
            'aws:SourceAccount': writer.ownerAccountId,
            'aws:PrincipalServiceName': CLOUDTRAIL_SERVICE,
            's3:x-amz-acl': 'bucket-owner-full-control',
          },
        },
        { identity: [], scpPath: [], resource: rule },
      );
      if (isDenied(result)) throw new DeliveryFailure('AccessDenied');
    }
  }
}
