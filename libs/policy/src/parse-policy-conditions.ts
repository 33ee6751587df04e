import { ArnPattern } from './arn-pattern';
import {
  CONDITION_OPERATORS,
  isConditionOperatorName,
  MULTIVALUED_CONTEXT_KEYS,
  operatorAcceptsVariables,
  type ConditionOperatorName,
} from './condition-operators';
import { parseBoolean, parseDate, parseNumber } from './condition-values';
import { parseCidrBlock } from './ip-address';
import { type PolicyCondition, type SetOperator } from './policy-document';
import { fail, isJsonObject, SYNTAX_ERROR } from './policy-json';
import { parsePattern } from './string-pattern';

const CONDITION_KEY = /^[A-Za-z0-9-]+:\S+$/;

/** A statement's `Condition` block (iam.md §4): operators, keys and values checked, in document order. */
export function parseConditions(condition: unknown, variables: boolean): PolicyCondition[] {
  if (condition === undefined) return [];
  if (!isJsonObject(condition)) return fail(SYNTAX_ERROR);
  const conditions: PolicyCondition[] = [];
  for (const [written, block] of Object.entries(condition)) {
    const operator = parseOperator(written);
    if (!isJsonObject(block)) fail(SYNTAX_ERROR);
    for (const [key, rawValues] of Object.entries(block)) {
      if (!CONDITION_KEY.test(key))
        fail('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
      const values = conditionValues(rawValues, written);
      checkConditionValues(operator.operator, written, values, variables);
      if (
        operator.setOperator === undefined &&
        operator.operator !== 'Null' &&
        MULTIVALUED_CONTEXT_KEYS.has(key.toLowerCase())
      ) {
        fail(
          `Condition key ${key} is multivalued: use ForAnyValue:${operator.operator} or ForAllValues:${operator.operator}`,
        );
      }
      conditions.push({ ...operator, key, values });
    }
  }
  return conditions;
}

/** `ForAnyValue:StringLikeIfExists` → set operator, base operator, IfExists. Unknown operators are malformed
 * policies, not conditions that never match (iam.md §9.6). */
function parseOperator(written: string): {
  setOperator: SetOperator | undefined;
  operator: ConditionOperatorName;
  ifExists: boolean;
} {
  const invalid = `Invalid Condition type : ${written}`;
  const colon = written.indexOf(':');
  const prefix = colon === -1 ? undefined : written.slice(0, colon);
  if (prefix !== undefined && prefix !== 'ForAnyValue' && prefix !== 'ForAllValues') fail(invalid);
  const rest = colon === -1 ? written : written.slice(colon + 1);
  const ifExists = rest.endsWith('IfExists');
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  if (!isConditionOperatorName(base)) return fail(invalid);
  if (base === 'Null' && (ifExists || prefix !== undefined)) fail(invalid);
  return { setOperator: prefix, operator: base, ifExists };
}

function conditionValues(raw: unknown, operator: string): string[] {
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) fail(`Condition ${operator} has no values`);
  return list.map((value) =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : fail(SYNTAX_ERROR),
  );
}

function checkConditionValues(
  operator: ConditionOperatorName,
  written: string,
  values: readonly string[],
  variables: boolean,
): void {
  const { family } = CONDITION_OPERATORS[operator];
  const substituted = variables && operatorAcceptsVariables(family);
  for (const value of values) {
    const invalid = () => fail(`Invalid Condition value for ${written}: ${value}`);
    switch (family) {
      case 'null':
        if (parseBoolean(value) === undefined) invalid();
        break;
      case 'numeric':
        if (parseNumber(value) === undefined) invalid();
        break;
      case 'date':
        if (parseDate(value) === undefined) invalid();
        break;
      case 'ip':
        if (parseCidrBlock(value) === undefined) invalid();
        break;
      case 'bool':
        if (parseBoolean(value) === undefined && !(substituted && value.includes('${'))) invalid();
        parsePattern(value, { wildcards: false, variables: substituted });
        break;
      case 'arn':
        if (!ArnPattern.isWellFormed(value, substituted)) invalid();
        break;
      case 'string':
      case 'binary':
        parsePattern(value, { wildcards: false, variables: substituted });
        break;
      case 'string-like':
        parsePattern(value, { wildcards: true, variables: substituted });
        break;
    }
  }
}
