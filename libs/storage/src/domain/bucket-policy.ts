import { MalformedPolicyError, parsePolicyDocument, type PolicyDocument } from '@app/policy';
import { bucketArn, bucketPolicyId, type BucketAccessFacts } from './bucket';
import { MalformedBucketPolicyError } from './storage.errors';

/** S3's limit on a bucket policy. */
export const MAX_BUCKET_POLICY_CHARACTERS = 20 * 1024;

/**
 * Validates a bucket policy as S3 does on PutBucketPolicy: a resource policy in IAM's grammar
 * (`Principal` required) whose statements all name `Resource`, only `s3:` actions, and only this
 * bucket or its objects (`arn:aws:s3:::bucket`, `arn:aws:s3:::bucket/…`).
 * @throws MalformedBucketPolicyError with S3's reason.
 */
export function validateBucketPolicy(text: string, bucket: string, partition: string): PolicyDocument {
  if (text.length > MAX_BUCKET_POLICY_CHARACTERS) {
    throw new MalformedBucketPolicyError('Policy exceeds the maximum allowed document size.');
  }
  let document: PolicyDocument;
  try {
    document = parsePolicyDocument(text, 'resource');
  } catch (error) {
    if (error instanceof MalformedPolicyError) throw new MalformedBucketPolicyError(error.reason);
    throw error;
  }
  const bucketResource = bucketArn(partition, bucket);
  for (const statement of document.statements) {
    if (!statement.resources) throw new MalformedBucketPolicyError('Missing required field Resource');
    if (
      !statement.actions.patterns.every((action) => action === '*' || action.toLowerCase().startsWith('s3:'))
    ) {
      throw new MalformedBucketPolicyError('Policy has invalid action');
    }
    const inBucket = (resource: string): boolean =>
      resource === bucketResource || resource.startsWith(`${bucketResource}/`);
    if (!statement.resources.patterns.every(inBucket)) {
      throw new MalformedBucketPolicyError('Policy has invalid resource');
    }
  }
  return document;
}

/**
 * A bucket's policy as the policy engine takes a resource rule: named per bucket and policy version
 * (compiled once per version), or undefined when the bucket has none. The authorizer and the check
 * of CloudTrail's own writes both read bucket policies through this.
 */
export function bucketPolicyRule(
  facts: BucketAccessFacts,
): { readonly name: string; readonly document: string } | undefined {
  if (!facts.policy) return undefined;
  return {
    name: `${bucketPolicyId(facts.bucket.name)}@${facts.policy.version}`,
    document: facts.policy.document,
  };
}

/** The bucket an `arn:…:s3:::bucket[/key]` names, or undefined for another ARN. */
export function bucketOfArn(arn: string): string | undefined {
  const match = /^arn:[\w-]+:s3:::([^/]+)(?:\/|$)/.exec(arn);
  return match?.[1];
}
