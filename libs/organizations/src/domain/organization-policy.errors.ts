import { DomainError } from '@app/platform/errors';

/*
 * Errors of the policy operations (the Organizations model's codes; messages as the live service
 * words them where known). Limits answer `ConstraintViolationError` (organization.errors.ts).
 */

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
    super('TargetNotFoundException', "You specified a target that doesn't exist.");
  }
}

export class RootNotFoundError extends DomainError {
  constructor() {
    super('RootNotFoundException', "You specified a root that doesn't exist.");
  }
}

export class PolicyTypeNotEnabledError extends DomainError {
  constructor() {
    super('PolicyTypeNotEnabledException', 'This operation can be performed only for enabled policy types.');
  }
}

export class PolicyTypeAlreadyEnabledError extends DomainError {
  constructor() {
    super('PolicyTypeAlreadyEnabledException', 'The specified policy type is already enabled.');
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

export class MalformedPolicyDocumentError extends DomainError {
  constructor(reason: string) {
    super('MalformedPolicyDocumentException', reason);
  }
}

export class AwsManagedPolicyError extends DomainError {
  constructor() {
    super('AccessDeniedException', "You can't change or delete an AWS managed policy.");
  }
}
