import { DomainError } from '@app/platform/errors';

/*
 * IAM and STS errors (query-protocol codes, as the IAM API names them). Messages follow the live
 * service's wording where it is known.
 */

export class NoSuchEntityError extends DomainError {
  constructor(message: string) {
    super('NoSuchEntity', message);
  }
}

export class EntityAlreadyExistsError extends DomainError {
  constructor(message: string) {
    super('EntityAlreadyExists', message);
  }
}

export class LimitExceededError extends DomainError {
  constructor(message: string) {
    super('LimitExceeded', message);
  }
}

export class DeleteConflictError extends DomainError {
  constructor(message: string) {
    super('DeleteConflict', message);
  }
}

/** IAM's and STS's input validation code. */
export class IamValidationError extends DomainError {
  constructor(message: string) {
    super('ValidationError', message);
  }
}

export class MalformedPolicyDocumentError extends DomainError {
  constructor(reason: string) {
    super('MalformedPolicyDocument', reason);
  }
}

export class AccessDeniedError extends DomainError {
  constructor(message: string) {
    super('AccessDeniedException', message);
  }
}
