import { type DomainError, type ErrorCode, type OperationDefinition, type ServiceName } from '@app/platform';
import { type WireProtocol } from '../http/request-facts';
import { type InputFailure } from './input-check';
import { InvalidRestRequestError } from './input.errors';

/** How one wire protocol authenticates calls and answers input it cannot accept. */
export interface Transport {
  readonly protocol: WireProtocol;
  /** SigV4 signing names a call of `service` may be scoped to. */
  signingNames(service: ServiceName): readonly string[];
  /** Unknown members are refused (REST) or dropped (the AWS protocols: SDKs may send newer members). */
  readonly strictMembers: boolean;
  /** The error an input's failures answer, naming members as the wire does. */
  invalidInput(
    operation: OperationDefinition,
    failures: readonly InputFailure[],
    wireName: (path: string) => string,
  ): DomainError;
  /** The error a body or URL that could not be decoded answers. */
  readonly unreadableCode: ErrorCode;
}

/**
 * AWS's own words for invalid members (`1 validation error detected: Value null at 'name' failed to
 * satisfy constraint: Member must not be null`), naming each member as the wire spells it.
 */
export function awsValidationMessage(
  failures: readonly InputFailure[],
  wireName: (path: string) => string,
): string {
  const count = failures.length;
  const details = failures.map(
    (failure) =>
      `Value ${shownValue(failure.value)} at '${wireName(failure.path)}' failed to satisfy constraint: ${constraintPhrase(failure)}`,
  );
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${details.join('; ')}`;
}

function constraintPhrase(failure: InputFailure): string {
  if (failure.constraints.includes('isDefined')) return 'Member must not be null';
  if (failure.constraints.includes('unknownMember')) return 'Member is not part of this operation';
  return `Member ${failure.messages.join(', ')}`;
}

/** The value in a message: short scalars as sent; anything else by its JSON type only. */
function shownValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return value.length <= 64 ? `'${value}'` : 'of the string sent';
  if (typeof value === 'number' || typeof value === 'boolean') return `'${String(value)}'`;
  return Array.isArray(value) ? 'of the list sent' : 'of the structure sent';
}

/** REST's words: `Invalid request: name is required; s3BucketName must be a string`. */
export function restValidationError(
  failures: readonly InputFailure[],
  wireName: (path: string) => string,
): DomainError {
  const details = failures.map((failure) => `${wireName(failure.path)} ${failure.messages.join(', ')}`);
  return new InvalidRestRequestError(details);
}
