import {
  MalformedPolicyError,
  parsePolicyDocument,
  type PolicyKind,
  type PolicySizeLimit,
} from '@app/policy';
import { LimitExceededError, MalformedPolicyDocumentError } from './iam.errors';

/**
 * Validates a policy document as IAM does on write (iam.md §5): grammar and size, with AWS's reason.
 * A document over its size limit answers LimitExceeded, any other problem MalformedPolicyDocument.
 * Returns the text as stored and returned.
 */
export function checkPolicyDocument(document: string, kind: PolicyKind, limit: PolicySizeLimit): string {
  try {
    parsePolicyDocument(document, kind, limit);
  } catch (error) {
    if (error instanceof MalformedPolicyError) {
      throw error.details.exceededSizeLimit === undefined
        ? new MalformedPolicyDocumentError(error.reason)
        : new LimitExceededError(error.reason);
    }
    throw error;
  }
  return document;
}

/** Case-insensitive test for `aws:ResourceTag/…` keys, so that trails' tags are read only when needed. */
export function mentionsResourceTags(document: string): boolean {
  return /aws:resourcetag\//i.test(document);
}
