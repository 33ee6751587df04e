import { type InvalidInputReason } from '@app/organizations';
import { type InputFailure } from './input-check';

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

/** The failures that say something about the value: none for a value of the wrong type. */
function meaningfulConstraints(failures: readonly InputFailure[]): Set<string> {
  const meaningful = new Set<string>();
  for (const { constraints } of failures) {
    if (constraints.includes('isDefined')) meaningful.add('isDefined');
    else if (!constraints.some((c) => TYPE_CONSTRAINTS.has(c))) constraints.forEach((c) => meaningful.add(c));
  }
  return meaningful;
}

/**
 * The `Reason` of an Organizations validation failure: a missing member outranks a bad enum value,
 * which outranks lengths, ranges and patterns. A value of the wrong JSON type has no modeled reason.
 */
export function organizationsValidationReason(failures: readonly InputFailure[]): Record<string, string> {
  const constraints = meaningfulConstraints(failures);
  const match = REASONS.find(([constraint]) => constraints.has(constraint));
  return match ? { Reason: match[1] } : {};
}
