import { InvalidTrailNameError } from './trail.errors';

export const TRAIL_NAME_MIN_LENGTH = 3;
export const TRAIL_NAME_MAX_LENGTH = 128;

/**
 * Every rule of `validateTrailName` in one expression, for DTO decorators (`@Matches`) and OpenAPI:
 * 3–128 characters; ASCII letters, digits, `.`, `_`, `-`; starting and ending with a letter or
 * digit; no two separators next to each other; not shaped like an IPv4 address. The spec proves it
 * accepts exactly what `validateTrailName` accepts.
 */
export const TRAIL_NAME_PATTERN =
  /^(?=.{3,128}$)(?!\d{1,3}(?:\.\d{1,3}){3}$)[A-Za-z0-9](?:[._-]?[A-Za-z0-9])*$/;

const ALPHANUMERIC = /^[A-Za-z0-9]$/;
const ALLOWED_CHARACTERS = /^[A-Za-z0-9._-]*$/;
const ADJACENT_SEPARATORS = /[._-]{2}/;
const IPV4_SHAPED = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Why `name` is not a valid trail name (cloudtrail.md §3.1), or undefined when it is. The first
 * four messages are the live service's wording (as copied by moto), grammar included, because
 * clients and tests match on them.
 */
export function trailNameProblem(name: string): string | undefined {
  if (name.length < TRAIL_NAME_MIN_LENGTH) {
    return `Trail name too short. Minimum allowed length: ${TRAIL_NAME_MIN_LENGTH} characters. Specified name length: ${name.length} characters.`;
  }
  if (name.length > TRAIL_NAME_MAX_LENGTH) {
    return `Trail name too long. Maximum allowed length: ${TRAIL_NAME_MAX_LENGTH} characters. Specified name length: ${name.length} characters.`;
  }
  if (!ALPHANUMERIC.test(name.charAt(0))) return 'Trail name must starts with a letter or number.';
  if (!ALPHANUMERIC.test(name.charAt(name.length - 1)))
    return 'Trail name must ends with a letter or number.';
  if (!ALLOWED_CHARACTERS.test(name)) {
    return 'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).';
  }
  if (ADJACENT_SEPARATORS.test(name)) {
    return 'Trail name cannot contain adjacent periods (.), hyphens (-), or underscores (_).';
  }
  if (IPV4_SHAPED.test(name)) return 'Trail name must not be formatted as an IP address.';
  return undefined;
}

/** Throws `InvalidTrailNameException` when `name` breaks a naming rule of cloudtrail.md §3.1. */
export function validateTrailName(name: string): void {
  const problem = trailNameProblem(name);
  if (problem !== undefined) throw new InvalidTrailNameError(problem);
}
