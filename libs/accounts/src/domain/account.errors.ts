import { DomainError, type ErrorCode } from '@app/platform/errors';

export class EmailAlreadyUsedError extends DomainError {
  constructor(email: string) {
    super('ValidationException', `An account with the email address ${email} already exists.`);
  }
}

/** `code` is the calling API's validation error; `reason` Organizations' `Reason` member. */
export class InvalidAccountNameError extends DomainError {
  constructor(code: ErrorCode, reason: 'MAX_LENGTH_EXCEEDED' | 'INVALID_PATTERN') {
    super(code, 'The account name must be 1 to 50 printable ASCII characters.', { Reason: reason });
  }
}

/** `code` is the calling API's validation error; `reason` Organizations' `Reason` member. */
export class InvalidAccountEmailError extends DomainError {
  constructor(code: ErrorCode, reason: 'MAX_LENGTH_EXCEEDED' | 'INVALID_PATTERN') {
    super(code, 'The email address must be 6 to 64 characters of the form name@domain.tld.', {
      Reason: reason,
    });
  }
}
