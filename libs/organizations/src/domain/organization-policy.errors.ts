import { DomainError } from '@app/platform/errors';

/*
 * Errors of the service control policy operations (the Organizations model's codes; messages as
 * the live service words them where known).
 */

export type ScpConstraintViolationReason =
  | 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED'
  | 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED'
  | 'POLICY_CONTENT_LIMIT_EXCEEDED';

export class ScpConstraintViolationError extends DomainError {
  constructor(reason: ScpConstraintViolationReason, message: string) {
    super('ConstraintViolationException', message, { Reason: reason });
  }
}

export class DuplicatePolicyAttachmentError extends DomainError {
  constructor() {
    super(
      'DuplicatePolicyAttachmentException',
      'The selected policy is already attached to the specified target.',
    );
  }
}

export class PolicyNotAttachedError extends DomainError {
  constructor() {
    super(
      'PolicyNotAttachedException',
      "The policy isn't attached to the specified target in the specified root.",
    );
  }
}

export class DuplicatePolicyError extends DomainError {
  constructor() {
    super('DuplicatePolicyException', 'A policy with the same name already exists.');
  }
}

export class PolicyNotFoundError extends DomainError {
  constructor() {
    super('PolicyNotFoundException', "We can't find a policy with the PolicyId that you specified.");
  }
}

export class TargetNotFoundError extends DomainError {
  constructor() {
    super(
      'TargetNotFoundException',
      "We can't find a root, OU, account, or policy with the TargetId that you specified.",
    );
  }
}

export class RootNotFoundError extends DomainError {
  constructor() {
    super('RootNotFoundException', "We can't find a root with the RootId that you specified.");
  }
}

export class PolicyTypeNotEnabledError extends DomainError {
  constructor() {
    super(
      'PolicyTypeNotEnabledException',
      "The specified policy type isn't currently enabled in this root. You can't attach policies of the specified type to entities in a root until you enable that type in the root.",
    );
  }
}

export class PolicyTypeAlreadyEnabledError extends DomainError {
  constructor() {
    super(
      'PolicyTypeAlreadyEnabledException',
      'The specified policy type is already enabled in the specified root.',
    );
  }
}

export class PolicyTypeNotAvailableError extends DomainError {
  constructor() {
    super(
      'PolicyTypeNotAvailableForOrganizationException',
      "You can't use the specified policy type with the feature set currently enabled for this organization. For example, you can enable SCPs only after you enable all features in the organization.",
    );
  }
}

export class PolicyInUseError extends DomainError {
  constructor() {
    super(
      'PolicyInUseException',
      'The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.',
    );
  }
}

export class MalformedScpError extends DomainError {
  constructor(reason: string) {
    super('MalformedPolicyDocumentException', reason);
  }
}

export class AwsManagedPolicyError extends DomainError {
  constructor() {
    super('AccessDeniedException', "You can't change or delete an AWS managed policy.");
  }
}
