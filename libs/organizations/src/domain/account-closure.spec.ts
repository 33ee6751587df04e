import { assertCanClose, closeAccountQuota, departureTime, quotaWindowStart } from './account-closure';
import { AccountAlreadyClosedError, ConstraintViolationError } from './organization.errors';

const member = {
  isManagementAccount: false,
  status: 'ACTIVE' as const,
  recentClosures: 0,
  memberAccounts: 10,
};

describe(closeAccountQuota.name, () => {
  it.each([
    [5, 250],
    [1_250, 250],
    [2_000, 400],
    [4_999, 1_000],
    [50_000, 1_000],
  ])('allows an organization of %i member accounts %i closures in 30 days', (members, quota) => {
    expect(closeAccountQuota(members)).toBe(quota);
  });
});

describe(assertCanClose.name, () => {
  it('closes an active member under the quota', () => {
    expect(() => assertCanClose(member)).not.toThrow();
  });

  it('never closes the management account this way', () => {
    expect(() => assertCanClose({ ...member, isManagementAccount: true })).toThrow(
      expect.objectContaining({
        code: 'ConstraintViolationException',
        fields: { Reason: 'CANNOT_CLOSE_MANAGEMENT_ACCOUNT' },
      }),
    );
  });

  it('closes an account once', () => {
    expect(() => assertCanClose({ ...member, status: 'SUSPENDED' })).toThrow(AccountAlreadyClosedError);
  });

  it('stops at the quota of the last 30 days', () => {
    expect(() => assertCanClose({ ...member, recentClosures: 249 })).not.toThrow();
    expect(() => assertCanClose({ ...member, recentClosures: 250 })).toThrow(
      new ConstraintViolationError(
        'CLOSE_ACCOUNT_QUOTA_EXCEEDED',
        'You have exceeded close account quota for the past 30 days.',
      ),
    );
  });
});

describe('closure times', () => {
  it('departs after the closure period and counts the quota over a rolling 30 days', () => {
    const closedAt = new Date('2025-03-01T12:00:00Z');
    expect(departureTime(closedAt, 90)).toEqual(new Date('2025-05-30T12:00:00Z'));
    expect(departureTime(closedAt, 0)).toEqual(closedAt);
    expect(quotaWindowStart(closedAt)).toEqual(new Date('2025-01-30T12:00:00Z'));
  });
});
