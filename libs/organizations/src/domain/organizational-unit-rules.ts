import { ConstraintViolationError, InvalidInputError } from './organization.errors';

/** OUs nest at most five levels below the root; an organization holds at most 1,000 of them. */
export const MAX_OU_DEPTH = 5;
export const MAX_OUS_PER_ORGANIZATION = 1000;
const MAX_NAME_LENGTH = 128;

export function validateOrganizationalUnitName(name: string): void {
  if (name.length < 1) throw new InvalidInputError('MIN_LENGTH_EXCEEDED', 'The OU name must not be empty.');
  if (name.length > MAX_NAME_LENGTH) {
    throw new InvalidInputError(
      'MAX_LENGTH_EXCEEDED',
      `The OU name must be at most ${MAX_NAME_LENGTH} characters.`,
    );
  }
}

/** The depth of a new OU under a parent at `parentDepth` (the root is at 0). */
export function childDepth(parentDepth: number): number {
  const depth = parentDepth + 1;
  if (depth > MAX_OU_DEPTH) {
    throw new ConstraintViolationError(
      'OU_DEPTH_LIMIT_EXCEEDED',
      `You can't nest OUs more than ${MAX_OU_DEPTH} levels deep.`,
    );
  }
  return depth;
}

export function assertRoomForOrganizationalUnit(existingCount: number): void {
  if (existingCount >= MAX_OUS_PER_ORGANIZATION) {
    throw new ConstraintViolationError(
      'OU_NUMBER_LIMIT_EXCEEDED',
      `An organization can have at most ${MAX_OUS_PER_ORGANIZATION} OUs.`,
    );
  }
}
