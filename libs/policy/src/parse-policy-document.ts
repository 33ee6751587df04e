import { MalformedPolicyError } from './malformed-policy.error';
import { parseConditions } from './parse-policy-conditions';
import {
  type PatternList,
  type PolicyDocument,
  type PolicyDocumentInput,
  type PolicyKind,
  type PolicySizeLimit,
  type PolicyStatement,
  type PolicyVersion,
  type PrincipalList,
} from './policy-document';
import { fail, isJsonObject, type JsonObject, SYNTAX_ERROR } from './policy-json';
import { checkRcpDocument, checkRcpStatement } from './rcp-grammar';
import { parsePattern } from './string-pattern';

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
  if (kind === 'rcp') checkRcpDocument(json);
  const version = parseVersion(json.Version);
  if (json.Id !== undefined && typeof json.Id !== 'string') fail(SYNTAX_ERROR);
  if (json.Statement === undefined) fail('Missing required field Statement');
  const rawStatements = Array.isArray(json.Statement) ? json.Statement : [json.Statement];
  const statements = rawStatements.map((raw) => parseStatement(raw, kind, version));
  checkUniqueSids(statements);
  return { kind, version, statements };
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
  if (kind === 'rcp') checkRcpStatement(raw);
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
  if ((kind === 'identity' || kind === 'scp' || kind === 'rcp') && !ALPHANUMERIC_SID.test(sid)) {
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
