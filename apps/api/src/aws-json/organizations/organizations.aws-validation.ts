import { type InvalidInputReason } from '@app/organizations';
import { type ValidationErrorFields, type ValidationFailure } from '../../http/validation';

/*
 * Member constraints of the Organizations model ([ORG-MODEL] service-2.json), anchored: the
 * service matches a pattern against the whole value.
 */
export const ORGANIZATIONS_PATTERNS = {
  accountId: /^\d{12}$/,
  accountName: /^[\u0020-\u007E]+$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  createAccountRequestId: /^car-[a-z0-9]{8,32}$/,
  handshakeId: /^h-[0-9a-z]{8,32}$/,
  parentId: /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/,
  childId: /^(\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/,
  organizationalUnitId: /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/,
  servicePrincipal: /^[\w+=,.@-]*$/,
} as const;

/** class-validator constraint → the model's `InvalidInputException` reason, most telling first. */
const REASONS: ReadonlyArray<readonly [constraint: string, reason: InvalidInputReason]> = [
  ['isDefined', 'INPUT_REQUIRED'],
  ['isIn', 'INVALID_ENUM'],
  ['minLength', 'MIN_LENGTH_EXCEEDED'],
  ['maxLength', 'MAX_LENGTH_EXCEEDED'],
  ['min', 'MIN_VALUE_EXCEEDED'],
  ['max', 'MAX_VALUE_EXCEEDED'],
  ['matches', 'INVALID_PATTERN'],
];

/** Constraints on a member's JSON type: when one fails, that member's other failures follow from it. */
const TYPE_CONSTRAINTS = new Set(['isString', 'isInt', 'isArray', 'isObject', 'nestedValidation']);

/** The failures that say something about the value, per member: none for a value of the wrong type. */
function meaningfulConstraints(failures: readonly ValidationFailure[]): Set<string> {
  const byPath = new Map<string, string[]>();
  for (const { path, constraint } of failures) byPath.set(path, [...(byPath.get(path) ?? []), constraint]);
  const meaningful = new Set<string>();
  for (const constraints of byPath.values()) {
    if (constraints.includes('isDefined')) meaningful.add('isDefined');
    else if (!constraints.some((c) => TYPE_CONSTRAINTS.has(c))) constraints.forEach((c) => meaningful.add(c));
  }
  return meaningful;
}

/**
 * The `Reason` of an Organizations validation failure: a missing member outranks a bad enum value,
 * which outranks lengths, ranges and patterns. A value of the wrong JSON type has no modeled reason.
 */
export const organizationsValidationReason: ValidationErrorFields = (
  failures: readonly ValidationFailure[],
): Record<string, string> => {
  const constraints = meaningfulConstraints(failures);
  const match = REASONS.find(([constraint]) => constraints.has(constraint));
  return match ? { Reason: match[1] } : {};
};

/** Base of the Organizations request DTOs: their validation errors carry the model's `Reason`. */
export abstract class OrganizationsAwsRequest {
  static readonly validationErrorFields = organizationsValidationReason;
}
