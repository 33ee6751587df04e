/**
 * The condition operators of iam.md §4, without their `…IfExists` suffix and `ForAnyValue:`/`ForAllValues:`
 * prefix. `negated` operators are true when the key is missing from the request context, and are evaluated
 * as "no policy value matches".
 */
export type OperatorFamily =
  'string' | 'string-like' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

/** How a numeric or date operator compares the request value with a policy value. */
export type Comparison = 'eq' | 'lt' | 'le' | 'gt' | 'ge';

export interface OperatorSpec {
  readonly family: OperatorFamily;
  readonly negated: boolean;
  readonly ignoreCase: boolean;
  readonly comparison: Comparison;
}

function spec(family: OperatorFamily, options: Partial<Omit<OperatorSpec, 'family'>> = {}): OperatorSpec {
  return { family, negated: false, ignoreCase: false, comparison: 'eq', ...options };
}

export const CONDITION_OPERATORS = {
  StringEquals: spec('string'),
  StringNotEquals: spec('string', { negated: true }),
  StringEqualsIgnoreCase: spec('string', { ignoreCase: true }),
  StringNotEqualsIgnoreCase: spec('string', { ignoreCase: true, negated: true }),
  StringLike: spec('string-like'),
  StringNotLike: spec('string-like', { negated: true }),
  NumericEquals: spec('numeric'),
  NumericNotEquals: spec('numeric', { negated: true }),
  NumericLessThan: spec('numeric', { comparison: 'lt' }),
  NumericLessThanEquals: spec('numeric', { comparison: 'le' }),
  NumericGreaterThan: spec('numeric', { comparison: 'gt' }),
  NumericGreaterThanEquals: spec('numeric', { comparison: 'ge' }),
  DateEquals: spec('date'),
  DateNotEquals: spec('date', { negated: true }),
  DateLessThan: spec('date', { comparison: 'lt' }),
  DateLessThanEquals: spec('date', { comparison: 'le' }),
  DateGreaterThan: spec('date', { comparison: 'gt' }),
  DateGreaterThanEquals: spec('date', { comparison: 'ge' }),
  Bool: spec('bool'),
  BinaryEquals: spec('binary'),
  IpAddress: spec('ip'),
  NotIpAddress: spec('ip', { negated: true }),
  ArnEquals: spec('arn'),
  ArnLike: spec('arn'),
  ArnNotEquals: spec('arn', { negated: true }),
  ArnNotLike: spec('arn', { negated: true }),
  Null: spec('null'),
} as const satisfies Record<string, OperatorSpec>;

export type ConditionOperatorName = keyof typeof CONDITION_OPERATORS;

export function isConditionOperatorName(name: string): name is ConditionOperatorName {
  return Object.hasOwn(CONDITION_OPERATORS, name);
}

/** Policy variables are substituted in the values of these families only (IAM User Guide, "Condition
 * operators"); elsewhere `${…}` is plain text. */
export function operatorAcceptsVariables(family: OperatorFamily): boolean {
  return family === 'string' || family === 'string-like' || family === 'arn' || family === 'bool';
}

/**
 * Keys whose request value is a list. Under a plain operator such a key would be compared as a single
 * value, which is never what the author meant, so a plain operator on them is rejected on write
 * (iam.md §9.7); `Null` only tests presence and stays allowed.
 */
export const MULTIVALUED_CONTEXT_KEYS: ReadonlySet<string> = new Set([
  'aws:tagkeys',
  'aws:calledvia',
  'aws:principalservicenameslist',
  'aws:principalorgpaths',
]);
