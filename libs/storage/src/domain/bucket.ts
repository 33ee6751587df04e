/** A bucket: global name, owning account (the creator), Region (its LocationConstraint). */
export interface Bucket {
  readonly name: string;
  readonly ownerAccountId: string;
  readonly region: string;
  readonly createdAt: Date;
}

/**
 * What authorizing a request on a bucket needs: its owner and its resource policy. `policyVersion`
 * is unique across all buckets and all time (a database sequence), so it can key a compiled-policy
 * cache (`PolicyCache.getOrCompile({ id: bucketPolicyId(name), version, … })`) without invalidation.
 */
export interface BucketAccessFacts {
  readonly bucket: Bucket;
  readonly policy?: { readonly document: string; readonly version: string };
}

/** The region S3 reports for buckets created without a LocationConstraint. */
export const DEFAULT_BUCKET_REGION = 'us-east-1';

/** ARN of a bucket and of an object, as bucket policies and the authorizer name them. */
export function bucketArn(partition: string, bucket: string): string {
  return `arn:${partition}:s3:::${bucket}`;
}

export function objectArn(partition: string, bucket: string, key: string): string {
  return `arn:${partition}:s3:::${bucket}/${key}`;
}

/** Cache id of a bucket's policy (with `BucketAccessFacts.policy.version`). */
export function bucketPolicyId(bucket: string): string {
  return `s3-bucket-policy/${bucket}`;
}
