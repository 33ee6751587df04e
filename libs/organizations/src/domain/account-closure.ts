import { AccountAlreadyClosedError, ConstraintViolationError } from './organization.errors';
import { type AccountStatus } from './organization';

/*
 * CloseAccount (the Organizations API reference): a member account closes at once (SUSPENDED: its
 * credentials stop working), stays in the organization for the closure period, then leaves it.
 * Within a rolling 30 days an organization closes at most the higher of 250 and 20% of its member
 * accounts, and never more than 1,000.
 */

export const CLOSURE_QUOTA_WINDOW_DAYS = 30;
const QUOTA_FLOOR = 250;
const QUOTA_SHARE = 0.2;
const QUOTA_CEILING = 1_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Closures allowed in the window for an organization of `memberAccounts` (the management account excluded). */
export function closeAccountQuota(memberAccounts: number): number {
  return Math.min(QUOTA_CEILING, Math.max(QUOTA_FLOOR, Math.ceil(memberAccounts * QUOTA_SHARE)));
}

export interface ClosureFacts {
  readonly isManagementAccount: boolean;
  readonly status: AccountStatus;
  /** Closures the organization made in the last 30 days. */
  readonly recentClosures: number;
  readonly memberAccounts: number;
}

export function assertCanClose(facts: ClosureFacts): void {
  if (facts.isManagementAccount) {
    throw new ConstraintViolationError(
      'CANNOT_CLOSE_MANAGEMENT_ACCOUNT',
      'You attempted to close the management account. To close the management account for the organization, you must first either remove or close all member accounts in the organization.',
    );
  }
  if (facts.status === 'SUSPENDED') throw new AccountAlreadyClosedError();
  if (facts.recentClosures >= closeAccountQuota(facts.memberAccounts)) {
    throw new ConstraintViolationError(
      'CLOSE_ACCOUNT_QUOTA_EXCEEDED',
      'You have exceeded close account quota for the past 30 days.',
    );
  }
}

/** When a closed account leaves the organization. */
export function departureTime(closedAt: Date, closureDays: number): Date {
  return new Date(closedAt.getTime() + closureDays * DAY_MS);
}

export function quotaWindowStart(now: Date): Date {
  return new Date(now.getTime() - CLOSURE_QUOTA_WINDOW_DAYS * DAY_MS);
}
