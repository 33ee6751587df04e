import { ArnPattern } from './arn-pattern';
import { contextValue, type RequestContext } from './authorization-request';
import {
  CONDITION_OPERATORS,
  operatorAcceptsVariables,
  type Comparison,
  type OperatorSpec,
} from './condition-operators';
import { MemoizedParser, parseBoolean, parseDate, parseNumber } from './condition-values';
import { cidrContains, parseCidrBlock, parseIpAddress, type CidrBlock } from './ip-address';
import { type PolicyCondition } from './policy-document';
import { StringPattern } from './string-pattern';

/** One compiled `operator: { key: values }` entry; a statement applies when all of its tests hold. */
export interface ConditionTest {
  holds(context: RequestContext): boolean;
}

/**
 * How one request value compares with the policy values of an operator. `not-comparable` means the request
 * value is not of the operator's type (not a number, date, boolean, IP address or ARN): neither the operator
 * nor its negation holds then.
 */
type ValueOutcome = 'match' | 'no-match' | 'not-comparable';

interface ValueMatcher {
  test(value: string, context: RequestContext): ValueOutcome;
}

/**
 * Compiles one condition of a parsed document. Values were validated by `parsePolicyDocument`, so parsing
 * them again here cannot fail.
 *
 * Missing keys follow iam.md §4: a positive operator is false, a negated one true, `…IfExists` true, and
 * `ForAllValues:` true. A value whose policy variable cannot be substituted matches nothing, so under a
 * negated operator it excludes nothing (iam.md §9.1).
 */
export function compileCondition(condition: PolicyCondition, variables: boolean): ConditionTest {
  const spec: OperatorSpec = CONDITION_OPERATORS[condition.operator];
  const key = condition.key;
  if (spec.family === 'null') return new NullTest(key, condition.values);
  const matcher = compileValues(spec, condition.values, variables && operatorAcceptsVariables(spec.family));
  return condition.setOperator === undefined
    ? new SingleValueTest(key, matcher, spec.negated, condition.ifExists)
    : new SetTest(key, matcher, spec.negated, condition.ifExists, condition.setOperator === 'ForAllValues');
}

function compileValues(spec: OperatorSpec, values: readonly string[], variables: boolean): ValueMatcher {
  switch (spec.family) {
    case 'string':
    case 'binary':
      return new StringValues(
        values.map((value) => StringPattern.compile(value, { wildcards: false, variables }, spec.ignoreCase)),
      );
    case 'string-like':
      return new StringValues(
        values.map((value) => StringPattern.compile(value, { wildcards: true, variables })),
      );
    case 'numeric':
      return new OrderedValues(values.map(requireParsed(parseNumber)), spec.comparison, parseNumber);
    case 'date':
      return new OrderedValues(values.map(requireParsed(parseDate)), spec.comparison, parseDate);
    case 'bool':
      return new BooleanValues(
        values.map((value) => StringPattern.compile(value, { wildcards: false, variables }, true)),
      );
    case 'ip':
      return new IpValues(values.map(requireParsed(parseCidrBlock)));
    case 'arn':
      return new ArnValues(values.map((value) => ArnPattern.compile(value, variables)));
    case 'null':
      throw new Error('Null conditions test presence, not values');
  }
}

function requireParsed<T>(parse: (text: string) => T | undefined): (text: string) => T {
  return (text) => {
    const parsed = parse(text);
    if (parsed === undefined) throw new Error(`Condition value ${text} was not validated`);
    return parsed;
  };
}

class NullTest implements ConditionTest {
  private readonly holdsWhenAbsent: boolean;
  private readonly holdsWhenPresent: boolean;

  constructor(
    private readonly key: string,
    values: readonly string[],
  ) {
    this.holdsWhenAbsent = values.some((value) => parseBoolean(value) === true);
    this.holdsWhenPresent = values.some((value) => parseBoolean(value) === false);
  }

  holds(context: RequestContext): boolean {
    return contextValue(context, this.key) === undefined ? this.holdsWhenAbsent : this.holdsWhenPresent;
  }
}

class SingleValueTest implements ConditionTest {
  constructor(
    private readonly key: string,
    private readonly matcher: ValueMatcher,
    private readonly negated: boolean,
    private readonly ifExists: boolean,
  ) {}

  holds(context: RequestContext): boolean {
    const value = contextValue(context, this.key);
    if (value === undefined) return this.ifExists || this.negated;
    // A list under a plain operator is rejected on write for the known multivalued keys (iam.md §9.7); a list
    // given for any other key compares as no value of the operator's type.
    if (typeof value !== 'string') return false;
    return this.matcher.test(value, context) === (this.negated ? 'no-match' : 'match');
  }
}

class SetTest implements ConditionTest {
  constructor(
    private readonly key: string,
    private readonly matcher: ValueMatcher,
    private readonly negated: boolean,
    private readonly ifExists: boolean,
    private readonly forAllValues: boolean,
  ) {}

  holds(context: RequestContext): boolean {
    const value = contextValue(context, this.key);
    if (value === undefined) return this.forAllValues || this.ifExists;
    const wanted: ValueOutcome = this.negated ? 'no-match' : 'match';
    if (typeof value === 'string') return this.matcher.test(value, context) === wanted;
    for (const item of value) {
      const holds = this.matcher.test(item, context) === wanted;
      if (holds !== this.forAllValues) return holds;
    }
    return this.forAllValues;
  }
}

class StringValues implements ValueMatcher {
  constructor(private readonly patterns: readonly StringPattern[]) {}

  test(value: string, context: RequestContext): ValueOutcome {
    for (const pattern of this.patterns) {
      if (pattern.variables.length > 0 && !pattern.isResolvable(context)) continue;
      if (pattern.matches(value, context)) return 'match';
    }
    return 'no-match';
  }
}

class OrderedValues implements ValueMatcher {
  private readonly reader: MemoizedParser<number>;

  constructor(
    private readonly values: readonly number[],
    private readonly comparison: Comparison,
    parse: (text: string) => number | undefined,
  ) {
    this.reader = new MemoizedParser(parse);
  }

  test(value: string): ValueOutcome {
    const requestValue = this.reader.read(value);
    if (requestValue === undefined) return 'not-comparable';
    for (const policyValue of this.values) {
      if (compare(requestValue, policyValue, this.comparison)) return 'match';
    }
    return 'no-match';
  }
}

function compare(requestValue: number, policyValue: number, comparison: Comparison): boolean {
  switch (comparison) {
    case 'eq':
      return requestValue === policyValue;
    case 'lt':
      return requestValue < policyValue;
    case 'le':
      return requestValue <= policyValue;
    case 'gt':
      return requestValue > policyValue;
    case 'ge':
      return requestValue >= policyValue;
  }
}

class BooleanValues implements ValueMatcher {
  constructor(private readonly patterns: readonly StringPattern[]) {}

  test(value: string, context: RequestContext): ValueOutcome {
    if (parseBoolean(value) === undefined) return 'not-comparable';
    for (const pattern of this.patterns) {
      if (pattern.variables.length > 0 && !pattern.isResolvable(context)) continue;
      if (pattern.matches(value, context)) return 'match';
    }
    return 'no-match';
  }
}

class IpValues implements ValueMatcher {
  private readonly reader = new MemoizedParser(parseIpAddress);

  constructor(private readonly blocks: readonly CidrBlock[]) {}

  test(value: string): ValueOutcome {
    const address = this.reader.read(value);
    if (!address) return 'not-comparable';
    for (const block of this.blocks) {
      if (cidrContains(block, address)) return 'match';
    }
    return 'no-match';
  }
}

class ArnValues implements ValueMatcher {
  constructor(private readonly patterns: readonly ArnPattern[]) {}

  test(value: string, context: RequestContext): ValueOutcome {
    let comparable = false;
    for (const pattern of this.patterns) {
      const comparison = pattern.compare(value, context);
      if (comparison === 'match') return 'match';
      if (comparison === 'no-match') comparable = true;
    }
    return comparable || isArn(value) ? 'no-match' : 'not-comparable';
  }
}

/** An ARN has at least six colon-separated segments. */
function isArn(value: string): boolean {
  let start = 0;
  for (let colons = 0; colons < 5; colons++) {
    const colon = value.indexOf(':', start);
    if (colon === -1) return false;
    start = colon + 1;
  }
  return true;
}
