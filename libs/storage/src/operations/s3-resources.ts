import { type OperationScope, type ResourceRef, textMember } from '@app/platform';
import { bucketArn, objectArn } from '../domain/bucket';
import { parseDeleteObjects } from '../domain/s3-xml-requests';
import { BucketDirectory } from '../use-cases/bucket-directory';

/**
 * The resources of the object store's calls: `arn:aws:s3:::bucket` and `arn:aws:s3:::bucket/key`,
 * owned by the bucket's owner, so that the bucket policy decides (kinds `bucket` and `object`). A
 * bucket that does not exist is the caller's to ask about: the use case answers NoSuchBucket.
 */
async function ownerOf(scope: OperationScope, bucket: string): Promise<string> {
  const facts = await scope.resolve(BucketDirectory).accessFacts(bucket);
  return facts?.bucket.ownerAccountId ?? scope.accountId;
}

export async function bucketResource(scope: OperationScope, bucket: unknown): Promise<ResourceRef> {
  const name = textMember(bucket);
  if (name === undefined) return { arn: '*', account: scope.accountId };
  return { arn: bucketArn(scope.partition, name), account: await ownerOf(scope, name), kind: 'bucket' };
}

/** A bucket about to be created: the caller's (a name taken by another account answers BucketAlreadyExists). */
export function newBucketResource(scope: OperationScope, bucket: unknown): ResourceRef {
  const name = textMember(bucket);
  if (name === undefined) return { arn: '*', account: scope.accountId };
  return { arn: bucketArn(scope.partition, name), account: scope.accountId };
}

export async function objectResources(
  scope: OperationScope,
  bucket: unknown,
  keys: readonly unknown[],
): Promise<ResourceRef[]> {
  const name = textMember(bucket);
  if (name === undefined) return [{ arn: '*', account: scope.accountId }];
  const account = await ownerOf(scope, name);
  return keys.flatMap((key) =>
    typeof key === 'string'
      ? [{ arn: objectArn(scope.partition, name, key), account, kind: 'object' as const }]
      : [],
  );
}

/** The keys a DeleteObjects document names (none when it does not parse: the use case says why). */
export function keysToDelete(body: unknown): string[] {
  if (!Buffer.isBuffer(body)) return [];
  try {
    return parseDeleteObjects(body).objects.map((object) => object.key);
  } catch {
    return [];
  }
}

/** Event `resources` of an object call: the object, then its bucket (as CloudTrail records S3 data events). */
export function objectAndBucket(authorized: readonly ResourceRef[]): ResourceRef[] {
  return authorized.flatMap((resource) => {
    if (resource.kind !== 'object') return [resource];
    const bucket = resource.arn.slice(0, resource.arn.indexOf('/'));
    return [resource, { arn: bucket, account: resource.account }];
  });
}

/** An object call's event `requestParameters`, named as CloudTrail records S3 data events. */
export const objectNamed = (input: { bucket: string; key: string }) => ({
  bucketName: input.bucket,
  key: input.key,
});
