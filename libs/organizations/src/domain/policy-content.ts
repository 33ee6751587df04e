import { MalformedPolicyError, parsePolicyDocument, type PolicyKind } from '@app/policy';
import { checkManagementPolicyContent, contentTooLarge } from './management-policy-content';
import { MalformedPolicyDocumentError } from './organization-policy.errors';
import { POLICY_TYPE_RULES, type PolicyType, RESOURCE_CONTROL_POLICY } from './policy-types';

/**
 * Validates a policy's `Content` on write, by its type: SCPs and RCPs by the IAM policy grammar for
 * their kind (iam.md §5, and the RCP rules of @app/policy), management policies by the inheritance
 * operators' grammar. Over the type's size answers ConstraintViolationException
 * POLICY_CONTENT_LIMIT_EXCEEDED, any other problem MalformedPolicyDocumentException with a reason;
 * nothing is stored on error.
 */
export function checkPolicyContent(type: PolicyType, content: string): string {
  switch (type) {
    case 'SERVICE_CONTROL_POLICY':
      checkAuthorizationPolicy(type, 'scp', content);
      return content;
    case 'RESOURCE_CONTROL_POLICY':
      checkAuthorizationPolicy(type, 'rcp', content);
      return content;
    default:
      return checkManagementPolicyContent(type, content);
  }
}

function checkAuthorizationPolicy(type: PolicyType, kind: PolicyKind, content: string): void {
  const maxCharacters = POLICY_TYPE_RULES[type].maxContentCharacters;
  try {
    const document = parsePolicyDocument(content, kind, { maxCharacters, excludeWhitespace: true });
    if (type === RESOURCE_CONTROL_POLICY && document.statements.some((s) => s.effect === 'Allow')) {
      throw new MalformedPolicyDocumentError(
        'Resource control policies support only the Deny effect: Allow is reserved to RCPFullAWSAccess',
      );
    }
  } catch (error) {
    if (error instanceof MalformedPolicyError) {
      throw error.details.exceededSizeLimit === undefined
        ? new MalformedPolicyDocumentError(error.reason)
        : contentTooLarge(maxCharacters);
    }
    throw error;
  }
}
