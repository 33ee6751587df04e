import { IamValidationError } from './iam.errors';
import { sessionDurationSeconds } from './session-duration';

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
