import { MalformedPolicyDocumentError } from './organization-policy.errors';
import { ConstraintViolationError } from './organization.errors';
import { POLICY_TYPE_RULES, type PolicyType } from './policy-types';

/*
 * The grammar of management policies (tag, backup, AI services opt-out, chat applications,
 * declarative and the other service policies; the Organizations User Guide's "Management policy
 * syntax and inheritance"): a JSON object of the type's top-level key(s), down to values that only
 * the inheritance operators set. A value-setting operator (`@@assign`, `@@append`, `@@remove`)
 * takes a scalar or a list of scalars and does not mix with child keys;
 * `@@operators_allowed_for_child_policies` lists which of them children may use (`@@all` and
 * `@@none` alone). Each service's own keys are its business: only this shape is checked.
 */

const VALUE_OPERATORS = new Set(['@@assign', '@@append', '@@remove']);
const CHILD_CONTROL = '@@operators_allowed_for_child_policies';
const CHILD_OPERATORS = new Set(['@@all', '@@none', '@@assign', '@@append', '@@remove']);
const EXCLUSIVE_CHILD_OPERATORS = new Set(['@@all', '@@none']);
const REQUIREMENTS =
  'The provided policy document does not meet the requirements of the specified policy type';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function malformed(detail: string): MalformedPolicyDocumentError {
  return new MalformedPolicyDocumentError(`${REQUIREMENTS}: ${detail}.`);
}

export function contentTooLarge(maxCharacters: number): ConstraintViolationError {
  return new ConstraintViolationError(
    'POLICY_CONTENT_LIMIT_EXCEEDED',
    `You attempted to create a policy larger than the maximum size (${maxCharacters} characters).`,
  );
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: Json): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export function checkManagementPolicyContent(type: PolicyType, content: string): string {
  const rules = POLICY_TYPE_RULES[type];
  if (content.replace(/\s/g, '').length > rules.maxContentCharacters) {
    throw contentTooLarge(rules.maxContentCharacters);
  }
  let document: Json;
  try {
    document = JSON.parse(content) as Json;
  } catch {
    throw malformed('it is not valid JSON');
  }
  if (!isObject(document)) throw malformed('it must be a JSON object');
  const keys = Object.keys(document);
  if (keys.length === 0) throw malformed('it sets nothing');
  for (const key of keys) {
    if (rules.documentKeys && !rules.documentKeys.includes(key)) {
      throw malformed(`the top-level key "${key}" is not one of ${rules.documentKeys.join(', ')}`);
    }
    checkNode(document[key], key);
  }
  return content;
}

function checkNode(node: Json, path: string): void {
  if (!isObject(node)) throw malformed(`"${path}" must be an object of keys or inheritance operators`);
  const keys = Object.keys(node);
  if (keys.length === 0) throw malformed(`"${path}" is empty`);
  const setsValue = keys.some((key) => VALUE_OPERATORS.has(key));
  const hasChildren = keys.some((key) => !key.startsWith('@@'));
  if (setsValue && hasChildren) {
    throw malformed(`"${path}" mixes value-setting operators with child keys`);
  }
  for (const key of keys) {
    const value = node[key];
    if (VALUE_OPERATORS.has(key)) checkValue(value, `${path}.${key}`);
    else if (key === CHILD_CONTROL) checkChildOperators(value, `${path}.${key}`);
    else if (key.startsWith('@@')) throw malformed(`"${path}" uses the unknown operator ${key}`);
    else if (key === '') throw malformed(`"${path}" has an empty key`);
    else checkNode(value, `${path}.${key}`);
  }
}

function checkValue(value: Json, path: string): void {
  const ok = isScalar(value) || (Array.isArray(value) && value.every(isScalar));
  if (!ok) throw malformed(`"${path}" must be a string, number, boolean or a list of them`);
}

function checkChildOperators(value: Json, path: string): void {
  if (!Array.isArray(value) || value.length === 0) throw malformed(`"${path}" must be a non-empty list`);
  for (const entry of value) {
    if (typeof entry !== 'string' || !CHILD_OPERATORS.has(entry)) {
      throw malformed(`"${path}" may list only ${[...CHILD_OPERATORS].join(', ')}`);
    }
    if (EXCLUSIVE_CHILD_OPERATORS.has(entry) && value.length > 1) {
      throw malformed(`"${path}" lists ${entry}, which stands alone`);
    }
  }
}
