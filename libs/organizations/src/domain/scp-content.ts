import { MalformedPolicyError, parsePolicyDocument, POLICY_SIZE_LIMITS } from '@app/policy';
import { MalformedScpError, ScpConstraintViolationError } from './service-control-policy.errors';

/**
 * Validates an SCP's `Content` on write (iam.md §5): the SCP grammar (no Principal, Resource or
 * NotResource required) and at most 5,120 characters without whitespace. Over the size answers
 * ConstraintViolationException POLICY_CONTENT_LIMIT_EXCEEDED, any other problem
 * MalformedPolicyDocumentException with AWS's reason; nothing is stored on error.
 */
export function checkScpContent(content: string): string {
  try {
    parsePolicyDocument(content, 'scp', POLICY_SIZE_LIMITS.serviceControlPolicy);
  } catch (error) {
    if (error instanceof MalformedPolicyError) {
      throw error.details.exceededSizeLimit === undefined
        ? new MalformedScpError(error.reason)
        : new ScpConstraintViolationError(
            'POLICY_CONTENT_LIMIT_EXCEEDED',
            `You attempted to create a policy larger than the maximum size (${POLICY_SIZE_LIMITS.serviceControlPolicy.maxCharacters} characters).`,
          );
    }
    throw error;
  }
  return content;
}
