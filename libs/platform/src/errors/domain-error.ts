import { type ErrorCode } from './error-status';

/**
 * An error a caller can act on, carrying its AWS error code. Both transports render it: the AWS
 * protocols as `__type`/`Message` (or the query protocol's XML), REST as `{"error": {code, …}}`.
 * `fields` are extra members of the AWS error shape, e.g. Organizations' `Reason`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = code;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
