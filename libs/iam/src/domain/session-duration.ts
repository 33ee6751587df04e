import { IamValidationError } from './iam.errors';

/** STS AssumeRole `DurationSeconds`: 15 minutes to 12 hours, one hour by default. */
export const SESSION_DURATION = { min: 900, max: 43_200, default: 3_600, roleChainingMax: 3_600 } as const;

/**
 * The lifetime of a new session: the requested duration (default one hour), within 900–43,200
 * seconds, within the role's `MaxSessionDuration`, and within one hour when a role session assumes
 * a role (role chaining).
 */
export function sessionDurationSeconds(
  requested: number | undefined,
  roleMaxSessionSeconds: number,
  roleChaining: boolean,
): number {
  const duration = requested ?? SESSION_DURATION.default;
  if (!Number.isInteger(duration) || duration < SESSION_DURATION.min || duration > SESSION_DURATION.max) {
    const bound =
      duration < SESSION_DURATION.min
        ? `greater than or equal to ${SESSION_DURATION.min}`
        : `less than or equal to ${SESSION_DURATION.max}`;
    throw new IamValidationError(
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  if (roleChaining && requested !== undefined && duration > SESSION_DURATION.roleChainingMax) {
    throw new IamValidationError(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (duration > roleMaxSessionSeconds) {
    throw new IamValidationError(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  return roleChaining ? Math.min(duration, SESSION_DURATION.roleChainingMax) : duration;
}

/** STS GetSessionToken `DurationSeconds`: 15 minutes to 12 hours (12 by default), one hour for root. */
export const SESSION_TOKEN_DURATION = { min: 900, max: 43_200, default: 43_200, rootMax: 3_600 } as const;

/**
 * The lifetime of a GetSessionToken session: the requested duration within 900–43,200 seconds
 * (default 12 hours); an account's root user gets at most one hour, as in AWS.
 */
export function sessionTokenDurationSeconds(requested: number | undefined, root: boolean): number {
  const max = root ? SESSION_TOKEN_DURATION.rootMax : SESSION_TOKEN_DURATION.max;
  const duration = requested ?? max;
  if (!Number.isInteger(duration) || duration < SESSION_TOKEN_DURATION.min || duration > max) {
    const bound =
      duration < SESSION_TOKEN_DURATION.min
        ? `greater than or equal to ${SESSION_TOKEN_DURATION.min}`
        : `less than or equal to ${max}`;
    throw new IamValidationError(
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  return duration;
}
