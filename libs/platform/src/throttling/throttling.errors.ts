import { DomainError } from '../errors/domain-error';

/** A call over its rate: answered with `Retry-After`, which the AWS SDKs honour with backoff. */
export class ThrottledError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(operation: string, retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super('ThrottlingException', `Rate exceeded for ${operation}: retry after ${seconds} s.`);
    this.retryAfterSeconds = seconds;
  }
}
