import { type ErrorCode } from '@app/platform';

/*
 * The codes the Organizations operations' rules answer, grouped as the rules are (cloudtrail.md §5).
 * A caller the operation's rules refuse (a member where the management account is required) gets
 * AccessDeniedException, which every call may answer.
 */

/** The caller's organization and the identifiers, names, enums and page tokens of its input. */
export const ORGANIZATION_ERRORS: readonly ErrorCode[] = [
  'AWSOrganizationsNotInUseException',
  'InvalidInputException',
];

/** Handshake ids and their state machine: a handshake only moves out of OPEN, once. */
export const HANDSHAKE_STATE_ERRORS: readonly ErrorCode[] = [
  'InvalidInputException',
  'HandshakeNotFoundException',
  'HandshakeAlreadyInStateException',
  'InvalidHandshakeTransitionException',
];

/** A new or changed policy's name, description and content. */
export const POLICY_CONTENT_ERRORS: readonly ErrorCode[] = [
  'MalformedPolicyDocumentException',
  'ConstraintViolationException',
  'DuplicatePolicyException',
];

/** Attaching or detaching an SCP: the policy, the target, and SCPs enabled in the root. */
export const POLICY_ATTACHMENT_ERRORS: readonly ErrorCode[] = [
  ...ORGANIZATION_ERRORS,
  'PolicyNotFoundException',
  'TargetNotFoundException',
  'PolicyTypeNotEnabledException',
  'ConstraintViolationException',
];
