import { DomainError, type ErrorCode } from '@app/platform';

/* Refusals of an operation's input, in the code of the transport or service that refuses it. */

/** A body or URL that could not be decoded, in the transport's code. */
export class UnreadableRequestError extends DomainError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
  }
}

/** Input that breaks the service's model, in the service's own validation code. */
export class InvalidServiceInputError extends DomainError {
  constructor(code: ErrorCode, message: string, fields: Readonly<Record<string, string>>) {
    super(code, message, fields);
  }
}

/** REST's refusal of input, listing each member's problems. */
export class InvalidRestRequestError extends DomainError {
  constructor(details: readonly string[]) {
    super('ValidationException', `Invalid request: ${details.join('; ')}`);
  }
}
