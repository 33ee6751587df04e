import { type ErrorCode } from '@app/platform/errors';
import { InvalidAccountEmailError, InvalidAccountNameError } from './account.errors';

export type AccountStatus = 'ACTIVE' | 'SUSPENDED';

export interface Account {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly status: AccountStatus;
  readonly createdAt: Date;
}

export interface AccountDetails {
  readonly name: string;
  readonly email: string;
}

// Organizations' CreateAccount patterns: printable ASCII names, and a plain e-mail shape.
const ACCOUNT_NAME = /^[\u0020-\u007E]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Account name 1–50 printable characters and e-mail 6–64 characters of the usual shape, as
 * Organizations' CreateAccount requires. `code` lets each API use its own validation error.
 */
export function validateAccountDetails(
  details: AccountDetails,
  code: ErrorCode = 'ValidationException',
): void {
  const { name, email } = details;
  if (name.length < 1 || name.length > 50 || !ACCOUNT_NAME.test(name)) {
    throw new InvalidAccountNameError(code, name.length > 50 ? 'MAX_LENGTH_EXCEEDED' : 'INVALID_PATTERN');
  }
  if (email.length < 6 || email.length > 64 || !EMAIL.test(email)) {
    throw new InvalidAccountEmailError(code, email.length > 64 ? 'MAX_LENGTH_EXCEEDED' : 'INVALID_PATTERN');
  }
}

export function rootArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:root`;
}
