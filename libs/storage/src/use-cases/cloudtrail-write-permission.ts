import { Injectable } from '@nestjs/common';
import { evaluate, isDenied, PolicyCache } from '@app/policy';
import { objectArn } from '../domain/bucket';
import { bucketPolicyRule } from '../domain/bucket-policy';
import { BucketDirectory } from './bucket-directory';

const CLOUDTRAIL_SERVICE = 'cloudtrail.amazonaws.com';

/** CloudTrail writing a trail's files: the trail (`aws:SourceArn`), its owner and its bucket. */
export interface CloudTrailWriter {
  readonly arn: string;
  readonly partition: string;
  readonly ownerAccountId: string;
  readonly bucket: string;
}

/** Why CloudTrail may not write: S3's error code. */
export type CloudTrailWriteRefusal = 'NoSuchBucket' | 'AccessDenied';

/**
 * Whether CloudTrail may write a trail's files into a bucket of the built-in store: the bucket must
 * exist and its policy must let the service principal `cloudtrail.amazonaws.com` PutObject each key,
 * for this trail (`aws:SourceArn`) and its owner (`aws:SourceAccount`), with the ACL CloudTrail sets
 * (delivery.md §6.2). The writer's identity policies play no part: a service principal has none.
 * Log delivery asks it before each write; CreateTrail and UpdateTrail before accepting a bucket.
 */
@Injectable()
export class CloudTrailWritePermission {
  constructor(
    private readonly buckets: BucketDirectory,
    private readonly cache: PolicyCache,
  ) {}

  /** Undefined when CloudTrail may write every key, else why not. */
  async refusal(
    writer: CloudTrailWriter,
    keys: readonly string[],
  ): Promise<CloudTrailWriteRefusal | undefined> {
    const { bucket, partition } = writer;
    const facts = await this.buckets.accessFacts(bucket);
    if (!facts) return 'NoSuchBucket';
    const policy = bucketPolicyRule(facts);
    if (!policy) return 'AccessDenied';
    const rule = this.cache.getOrCompileDocument('resource', policy.name, policy.document);
    const owner = facts.bucket.ownerAccountId;
    const denied = keys.some((key) =>
      isDenied(
        evaluate(
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
        ),
      ),
    );
    return denied ? 'AccessDenied' : undefined;
  }
}
