import { IamValidationError } from './iam.errors';
import { sessionDurationSeconds, sessionTokenDurationSeconds } from './session-duration';

describe(sessionDurationSeconds.name, () => {
  it('defaults to one hour', () => {
    expect(sessionDurationSeconds(undefined, 3600, false)).toBe(3600);
  });

  it('allows 900 seconds up to the role’s maximum', () => {
    expect(sessionDurationSeconds(900, 3600, false)).toBe(900);
    expect(sessionDurationSeconds(43_200, 43_200, false)).toBe(43_200);
  });

  it('refuses less than 900, more than 43,200, or more than the role allows', () => {
    expect(() => sessionDurationSeconds(899, 3600, false)).toThrow(IamValidationError);
    expect(() => sessionDurationSeconds(43_201, 43_200, false)).toThrow(IamValidationError);
    expect(() => sessionDurationSeconds(7200, 3600, false)).toThrow(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
    expect(() => sessionDurationSeconds(1000.5, 3600, false)).toThrow(IamValidationError);
  });

  it('limits role chaining to one hour, also by default against a longer role maximum', () => {
    expect(() => sessionDurationSeconds(7200, 43_200, true)).toThrow(/role chaining/);
    expect(sessionDurationSeconds(undefined, 43_200, true)).toBe(3600);
    expect(sessionDurationSeconds(1800, 43_200, true)).toBe(1800);
  });
});

describe(sessionTokenDurationSeconds.name, () => {
  it('defaults to twelve hours for a user and one hour for root', () => {
    expect(sessionTokenDurationSeconds(undefined, false)).toBe(43_200);
    expect(sessionTokenDurationSeconds(undefined, true)).toBe(3600);
  });

  it('allows 900 to 43,200 seconds, at most 3,600 for root', () => {
    expect(sessionTokenDurationSeconds(900, false)).toBe(900);
    expect(sessionTokenDurationSeconds(43_200, false)).toBe(43_200);
    expect(() => sessionTokenDurationSeconds(899, false)).toThrow(IamValidationError);
    expect(() => sessionTokenDurationSeconds(43_201, false)).toThrow(
      "Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
    expect(() => sessionTokenDurationSeconds(3601, true)).toThrow(IamValidationError);
  });
});
