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
import { MalformedPolicyError } from './malformed-policy.error';
import {
  type PatternList,
  type PolicyCondition,
  type PolicyDocument,
  type PolicyDocumentInput,
  type PolicyKind,
  type PolicySizeLimit,
  type PolicyStatement,
  type PolicyVersion,
  type PrincipalList,
  type SetOperator,
} from './policy-document';
import { parsePattern } from './string-pattern';

const SYNTAX_ERROR = 'Syntax errors in policy.';
const DOCUMENT_FIELDS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_FIELDS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const ALPHANUMERIC_SID = /^[0-9A-Za-z]*$/;
const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?-]+$/;
const CONDITION_KEY = /^[A-Za-z0-9-]+:\S+$/;
const ACCOUNT_ID = /^\d{12}$/;
const AWS_PRINCIPAL_ARN =
  /^arn:aws[a-z-]*:(iam::\d{12}:(root|user\/[^*?]+|role\/[^*?]+)|sts::\d{12}:assumed-role\/[^/*?]+\/[^/*?]+)$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;

/**
 * Validates a policy document against the grammar of iam.md §5 for its kind, and optionally a size limit.
 * Throws `MalformedPolicyError` with AWS's reason on the first problem found; nothing is stored on error.
 */
export function parsePolicyDocument(
  input: PolicyDocumentInput,
  kind: PolicyKind,
  limit?: PolicySizeLimit,
): PolicyDocument {
  const json = typeof input === 'string' ? parseJson(input) : input;
  if (limit) checkSize(typeof input === 'string' ? input : serialize(input), limit);
  if (!isJsonObject(json)) fail(SYNTAX_ERROR);
  checkFields(json, DOCUMENT_FIELDS);
  const version = parseVersion(json.Version);
  if (json.Id !== undefined && typeof json.Id !== 'string') fail(SYNTAX_ERROR);
  if (json.Statement === undefined) fail('Missing required field Statement');
  const rawStatements = Array.isArray(json.Statement) ? json.Statement : [json.Statement];
  const statements = rawStatements.map((raw) => parseStatement(raw, kind, version));
  checkUniqueSids(statements);
  return { kind, version, statements };
}

function fail(reason: string): never {
  throw new MalformedPolicyError(reason);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fail(SYNTAX_ERROR);
  }
}

function serialize(value: object): string {
  try {
    return JSON.stringify(value);
  } catch {
    return fail(SYNTAX_ERROR);
  }
}

function checkSize(text: string, limit: PolicySizeLimit): void {
  const size = limit.excludeWhitespace ? text.replace(/\s/g, '').length : text.length;
  if (size > limit.maxCharacters) {
    throw new MalformedPolicyError(`Cannot exceed quota for PolicySize: ${limit.maxCharacters}`, {
      exceededSizeLimit: limit.maxCharacters,
    });
  }
}

type JsonObject = Readonly<Record<string, unknown>>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkFields(object: JsonObject, allowed: ReadonlySet<string>): void {
  for (const field of Object.keys(object)) {
    if (!allowed.has(field)) fail(`Unknown field ${field}`);
  }
}

/** A document without `Version` is a 2008-10-17 document, as in IAM. */
function parseVersion(version: unknown): PolicyVersion {
  if (version === undefined) return '2008-10-17';
  if (version === '2012-10-17' || version === '2008-10-17') return version;
  return fail('The policy must contain a valid version string');
}

function parseStatement(raw: unknown, kind: PolicyKind, version: PolicyVersion): PolicyStatement {
  if (!isJsonObject(raw)) fail(SYNTAX_ERROR);
  checkFields(raw, STATEMENT_FIELDS);
  const variables = version === '2012-10-17';
  return {
    sid: parseSid(raw.Sid, kind),
    effect: parseEffect(raw.Effect),
    actions: parseActions(raw),
    resources: parseResources(raw, kind, variables),
    principals: parsePrincipals(raw, kind),
    conditions: parseConditions(raw.Condition, variables),
  };
}

function parseSid(sid: unknown, kind: PolicyKind): string | undefined {
  if (sid === undefined) return undefined;
  if (typeof sid !== 'string') fail(SYNTAX_ERROR);
  if ((kind === 'identity' || kind === 'scp') && !ALPHANUMERIC_SID.test(sid)) {
    fail(
      'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
    );
  }
  return sid;
}

function checkUniqueSids(statements: readonly PolicyStatement[]): void {
  const seen = new Set<string>();
  for (const { sid } of statements) {
    if (sid === undefined || sid === '') continue;
    if (seen.has(sid)) fail('Statement IDs (SID) in a single policy must be unique.');
    seen.add(sid);
  }
}

function parseEffect(effect: unknown): 'Allow' | 'Deny' {
  if (effect === undefined) fail('Missing required field Effect');
  if (effect === 'Allow' || effect === 'Deny') return effect;
  return fail(`Invalid effect: ${JSON.stringify(effect)}`);
}

/** The single element of a pair such as Action/NotAction, or undefined when neither is present. */
function pickOne(
  raw: JsonObject,
  field: string,
  negatedField: string,
): { negated: boolean; value: unknown } | undefined {
  const value = raw[field];
  const negatedValue = raw[negatedField];
  if (value !== undefined && negatedValue !== undefined) {
    fail(`Statement cannot contain both ${field} and ${negatedField}`);
  }
  if (value !== undefined) return { negated: false, value };
  if (negatedValue !== undefined) return { negated: true, value: negatedValue };
  return undefined;
}

/** Strings, or a non-empty array of strings, where AWS accepts either. */
function stringList(value: unknown, field: string): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  if (list.length === 0) fail(`Required field ${field} cannot be empty`);
  return list.map((item) => (typeof item === 'string' ? item : fail(SYNTAX_ERROR)));
}

function parseActions(raw: JsonObject): PatternList {
  const element = pickOne(raw, 'Action', 'NotAction');
  if (!element) fail('Missing required field Action');
  const patterns = stringList(element.value, element.negated ? 'NotAction' : 'Action');
  for (const pattern of patterns) {
    if (pattern === '*') continue;
    if (!pattern.includes(':'))
      fail('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
    if (!ACTION.test(pattern)) fail(`Action ${pattern} is not valid`);
  }
  return { negated: element.negated, patterns };
}

function parseResources(raw: JsonObject, kind: PolicyKind, variables: boolean): PatternList | undefined {
  const element = pickOne(raw, 'Resource', 'NotResource');
  const field = element?.negated ? 'NotResource' : 'Resource';
  if (kind === 'trust') {
    if (element) fail(`Has prohibited field ${field}`);
    return undefined;
  }
  if (!element) {
    if (kind === 'resource') return undefined;
    return fail('Missing required field Resource');
  }
  const patterns = stringList(element.value, field);
  for (const pattern of patterns) {
    if (pattern !== '*' && !(pattern.startsWith('arn:') && pattern.split(':').length >= 6)) {
      fail(`${field} ${pattern} must be in ARN format or "*".`);
    }
    parsePattern(pattern, { wildcards: true, variables });
  }
  return { negated: element.negated, patterns };
}

function parsePrincipals(raw: JsonObject, kind: PolicyKind): PrincipalList | undefined {
  const element = pickOne(raw, 'Principal', 'NotPrincipal');
  if (kind === 'identity' || kind === 'scp') {
    if (element) fail('Policy document should not specify a principal.');
    return undefined;
  }
  if (!element) fail('Missing required field Principal');
  const { negated, value } = element;
  if (value === '*') return { negated, anyone: true, aws: [], services: [] };
  if (!isJsonObject(value)) return fail(`Invalid principal in policy: ${JSON.stringify(value)}`);
  let anyone = false;
  const aws: string[] = [];
  const services: string[] = [];
  for (const [type, entries] of Object.entries(value)) {
    if (type !== 'AWS' && type !== 'Service') fail(`Invalid principal in policy: "${type}"`);
    for (const entry of stringList(entries, 'Principal')) {
      const invalid = `Invalid principal in policy: "${type}":"${entry}"`;
      if (type === 'Service') {
        if (!SERVICE_PRINCIPAL.test(entry)) fail(invalid);
        services.push(entry);
      } else if (entry === '*') {
        anyone = true;
      } else {
        if (!ACCOUNT_ID.test(entry) && !AWS_PRINCIPAL_ARN.test(entry)) fail(invalid);
        aws.push(entry);
      }
    }
  }
  if (!anyone && aws.length === 0 && services.length === 0) fail('Missing required field Principal');
  return { negated, anyone, aws, services };
}

function parseConditions(condition: unknown, variables: boolean): PolicyCondition[] {
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
