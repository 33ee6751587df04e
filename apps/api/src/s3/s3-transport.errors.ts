import { DomainError } from '@app/platform';

/* The S3 transport's own refusals, before any operation is chosen. */

export class InvalidUriError extends DomainError {
  constructor() {
    super('InvalidURI', "Couldn't parse the specified URI.");
  }
}

export class MethodNotAllowedError extends DomainError {
  constructor() {
    super('MethodNotAllowed', 'The specified method is not allowed against this resource.');
  }
}

/** A body beyond what the operation takes (objects: 64 MiB; S3's documents: 2 MiB). */
export class MaxMessageLengthExceededError extends DomainError {
  constructor() {
    super('MaxMessageLengthExceeded', 'Your request was too big.');
  }
}
