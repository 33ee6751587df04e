import { DuplicatePolicyAttachmentError, PolicyNotAttachedError } from './organization-policy.errors';
import { ConstraintViolationError, InvalidInputError } from './organization.errors';
import { POLICY_TYPE_RULES, type PolicyType } from './policy-types';

/*
 * Which policies of one type a root, OU or account holds, and how attaching and detaching change
 * that. While SCPs (or RCPs) are enabled, a target without attachments of its own holds
 * FullAWSAccess (RCPFullAWSAccess), as AWS attaches it everywhere; only explicit attachments are
 * stored, so new OUs and accounts hold it without a write.
 */

/** The policies of `type` a target holds: its own attachments, or the type's default when it has none. */
export function effectivePolicyIds(type: PolicyType, attached: readonly string[]): readonly string[] {
  const fallback = POLICY_TYPE_RULES[type].defaultPolicy;
  return attached.length > 0 || !fallback ? attached : [fallback.id];
}

/**
 * The attachments of a target after attaching `policyId` (materialising the default). Throws when
 * already attached or when the target would hold more policies of the type than AWS allows.
 */
export function attachmentsAfterAttach(
  type: PolicyType,
  attached: readonly string[],
  policyId: string,
): string[] {
  const current = effectivePolicyIds(type, attached);
  if (current.includes(policyId)) throw new DuplicatePolicyAttachmentError();
  const limit = POLICY_TYPE_RULES[type].maxAttachmentsPerTarget;
  if (current.length >= limit) {
    throw new ConstraintViolationError(
      'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
      `You attempted to exceed the number of policies of a certain type (${limit}) that you can attach to an entity.`,
    );
  }
  return [...current, policyId];
}

/**
 * The attachments of a target after detaching `policyId`. A target keeps at least one SCP, and
 * RCPFullAWSAccess cannot be detached; management policies can all go.
 */
export function attachmentsAfterDetach(
  type: PolicyType,
  attached: readonly string[],
  policyId: string,
): string[] {
  const current = effectivePolicyIds(type, attached);
  if (!current.includes(policyId)) throw new PolicyNotAttachedError();
  const fallback = POLICY_TYPE_RULES[type].defaultPolicy;
  if (fallback?.id === policyId && !fallback.detachable) {
    throw new InvalidInputError('NON_DETACHABLE_POLICY', "You can't detach this AWS Managed Policy.");
  }
  if (fallback && current.length === 1) {
    throw new ConstraintViolationError(
      'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
      'You attempted to detach a policy from an entity that would leave it with fewer than the minimum number of policies of that type (1).',
    );
  }
  return current.filter((id) => id !== policyId);
}

/** CreatePolicy: an organization holds a bounded number of its own policies of each type. */
export function assertRoomForPolicy(type: PolicyType, existingCount: number): void {
  const limit = POLICY_TYPE_RULES[type].maxPoliciesPerOrganization;
  if (existingCount >= limit) {
    throw new ConstraintViolationError(
      'POLICY_NUMBER_LIMIT_EXCEEDED',
      `You attempted to exceed the number of policies of this type (${limit}) that you can have in an organization.`,
    );
  }
}
