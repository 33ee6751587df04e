import { DomainError } from '../errors/domain-error';
import { type ServiceName } from '../operations/operation';

/** A call over its rate: answered with `Retry-After`, which the AWS SDKs honour with backoff. */
export class ThrottledError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(
    /** The service called: the AWS protocols name its throttling as that service does. */
    readonly service: ServiceName,
    operation: string,
    retryAfterMs: number,
  ) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super('ThrottlingException', `Rate exceeded for ${operation}: retry after ${seconds} s.`);
    this.retryAfterSeconds = seconds;
  }
}
