import { contextValue, regionEqualsIgnoreCase, type RequestContext } from './authorization-request';
import { MalformedPolicyError } from './malformed-policy.error';

/** What a pattern source may contain: `*`/`?` wildcards, `${…}` policy variables, or both. */
export interface PatternSyntax {
  readonly wildcards: boolean;
  readonly variables: boolean;
}

export interface PolicyVariable {
  readonly kind: 'variable';
  readonly key: string;
  /** The `'default'` of `${key, 'default'}`, used when the key is absent. */
  readonly fallback: string | undefined;
}

export type PatternPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'any-run' }
  | { readonly kind: 'any-char' }
  | PolicyVariable;

const ANY_RUN: PatternPart = { kind: 'any-run' };
const ANY_CHAR: PatternPart = { kind: 'any-char' };

/** `${*}`, `${?}` and `${$}` stand for the literal characters, so that a pattern can match them. */
const ESCAPED_CHARACTERS: ReadonlyMap<string, string> = new Map([
  ['*', '*'],
  ['?', '?'],
  ['$', '$'],
]);

const VARIABLE_WITH_DEFAULT = /^([^,]+),\s*'([^']*)'$/;

/** Splits a pattern source into text, wildcards and variables. Throws on a malformed `${…}`. */
export function parsePattern(source: string, syntax: PatternSyntax): PatternPart[] {
  const parts: PatternPart[] = [];
  let text = '';
  const flushText = () => {
    if (text.length > 0) parts.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (syntax.wildcards && (char === '*' || char === '?')) {
      flushText();
      parts.push(char === '*' ? ANY_RUN : ANY_CHAR);
      i++;
      continue;
    }
    if (syntax.variables && char === '$' && source[i + 1] === '{') {
      const end = source.indexOf('}', i + 2);
      if (end === -1) throw new MalformedPolicyError(`Invalid policy variable in ${source}`);
      const body = source.slice(i + 2, end);
      const escaped = ESCAPED_CHARACTERS.get(body);
      if (escaped !== undefined) {
        text += escaped;
      } else {
        flushText();
        parts.push(parseVariable(body, source));
      }
      i = end + 1;
      continue;
    }
    text += char;
    i++;
  }
  flushText();
  return parts;
}

function parseVariable(body: string, source: string): PolicyVariable {
  const withDefault = VARIABLE_WITH_DEFAULT.exec(body);
  const key = (withDefault ? withDefault[1] : body).trim();
  if (key.length === 0 || key.includes(',') || key.includes('$')) {
    throw new MalformedPolicyError(`Invalid policy variable in ${source}`);
  }
  return { kind: 'variable', key, fallback: withDefault?.[2] };
}

/** The value a variable stands for in this request, or undefined when it cannot be substituted. A
 * multivalued key cannot be substituted into a single string. */
export function resolveVariable(variable: PolicyVariable, context: RequestContext): string | undefined {
  const value = contextValue(context, variable.key);
  return typeof value === 'string' ? value : variable.fallback;
}

type Shape = 'exact' | 'everything' | 'prefix' | 'suffix' | 'general';

/**
 * A compiled Resource entry or condition value. The common shapes (`exact`, `*`, `prefix*`, `*suffix`) are
 * answered with one string comparison; everything else by a backtracking wildcard match over the parts, which
 * resolves variables in place and therefore allocates nothing per request.
 */
export class StringPattern {
  readonly variables: readonly PolicyVariable[];
  private readonly shape: Shape;
  private readonly text: string;

  private constructor(
    readonly parts: readonly PatternPart[],
    private readonly ignoreCase: boolean,
  ) {
    this.variables = parts.filter((part): part is PolicyVariable => part.kind === 'variable');
    const [first, second] = parts;
    if (parts.length === 0) {
      this.shape = 'exact';
      this.text = '';
    } else if (parts.length === 1 && first.kind === 'text') {
      this.shape = 'exact';
      this.text = first.text;
    } else if (parts.length === 1 && first.kind === 'any-run') {
      this.shape = 'everything';
      this.text = '';
    } else if (parts.length === 2 && first.kind === 'text' && second.kind === 'any-run') {
      this.shape = 'prefix';
      this.text = first.text;
    } else if (parts.length === 2 && first.kind === 'any-run' && second.kind === 'text') {
      this.shape = 'suffix';
      this.text = second.text;
    } else {
      this.shape = 'general';
      this.text = '';
    }
  }

  static compile(source: string, syntax: PatternSyntax, ignoreCase = false): StringPattern {
    return new StringPattern(parsePattern(source, syntax), ignoreCase);
  }

  static fromParts(parts: readonly PatternPart[]): StringPattern {
    return new StringPattern(parts, false);
  }

  /** True for the pattern `*` itself, the only Resource entry that covers a request for resource `*`. */
  get matchesEverything(): boolean {
    return this.shape === 'everything';
  }

  /** Whether every variable can be substituted; an unresolvable pattern matches nothing (iam.md §4). */
  isResolvable(context: RequestContext): boolean {
    for (const variable of this.variables) {
      if (resolveVariable(variable, context) === undefined) return false;
    }
    return true;
  }

  /** Whether `value` matches. Callers check `isResolvable` first when the pattern has variables. */
  matches(value: string, context: RequestContext): boolean {
    return this.matchesRange(value, 0, value.length, context);
  }

  /** Whether `value[from, to)` matches: lets ARN operators match segments without slicing the ARN. */
  matchesRange(value: string, from: number, to: number, context: RequestContext): boolean {
    const text = this.text;
    switch (this.shape) {
      case 'everything':
        return true;
      case 'exact':
        if (!this.ignoreCase && from === 0 && to === value.length) return value === text;
        return to - from === text.length && this.regionEquals(value, from, text);
      case 'prefix':
        return to - from >= text.length && this.regionEquals(value, from, text);
      case 'suffix':
        return to - from >= text.length && this.regionEquals(value, to - text.length, text);
      case 'general':
        return this.matchesParts(value, from, to, context);
    }
  }

  /**
   * Whether `expected` occurs in `value` at `from`. `indexOf` is used rather than `startsWith` because V8
   * runs it as a vectorised search, several times faster on ARN-sized strings; callers have checked that
   * `expected` fits before the end of the range.
   */
  private regionEquals(value: string, from: number, expected: string): boolean {
    if (this.ignoreCase) return regionEqualsIgnoreCase(value, from, expected);
    return expected.length === 0 || value.indexOf(expected, from) === from;
  }

  /**
   * Wildcard matching with one backtrack point: on a mismatch, the last `*` takes one more character. Text
   * right after a `*` is found with `indexOf`, skipping the positions that cannot match. Worst case
   * O(pattern × value), never exponential, whatever the policy author writes.
   */
  private matchesParts(value: string, from: number, to: number, context: RequestContext): boolean {
    const parts = this.parts;
    let part = 0;
    let position = from;
    let resumePart = -1;
    let resumePosition = from;
    for (;;) {
      if (part < parts.length) {
        const current = parts[part];
        if (current.kind === 'any-run') {
          resumePart = ++part;
          resumePosition = position;
          continue;
        }
        if (current.kind === 'any-char') {
          if (position < to) {
            part++;
            position++;
            continue;
          }
        } else {
          const expected = current.kind === 'text' ? current.text : resolveVariable(current, context);
          if (expected === undefined) return false;
          if (part === resumePart && !this.ignoreCase) {
            const found = expected.length === 0 ? position : value.indexOf(expected, position);
            if (found === -1 || found + expected.length > to) return false;
            resumePosition = found;
            part++;
            position = found + expected.length;
            continue;
          }
          if (position + expected.length <= to && this.regionEquals(value, position, expected)) {
            part++;
            position += expected.length;
            continue;
          }
        }
      } else if (position === to) {
        return true;
      }
      if (resumePart < 0 || resumePosition >= to) return false;
      part = resumePart;
      position = ++resumePosition;
    }
  }
}
