import { type RequestContext } from './authorization-request';
import { parsePattern, resolveVariable, StringPattern, type PatternPart } from './string-pattern';

/** `arn`, partition, service, region, account, resource (which may itself contain colons). */
const ARN_SEGMENTS = 6;

export type ArnComparison = 'match' | 'no-match' | 'not-comparable';

/** Offsets of the first five colons of the request ARN; reused because evaluation is synchronous. */
const colonOffsets = new Int32Array(ARN_SEGMENTS - 1);

/**
 * A value of `ArnEquals`/`ArnLike`/`ArnNotEquals`/`ArnNotLike`: each of the six colon-separated segments is
 * matched on its own, case-sensitively, with `*` and `?` wildcards (both operators accept them, as IAM
 * documents). Variables are substituted before the value is cut into segments, so
 * `arn:aws:iam::${aws:PrincipalAccount}:user/alice` works (iam.md §9.3).
 */
export class ArnPattern {
  private constructor(
    private readonly parts: readonly PatternPart[],
    private readonly segments: readonly StringPattern[] | undefined,
  ) {}

  static compile(source: string, variables: boolean): ArnPattern {
    const parts = parsePattern(source, { wildcards: true, variables });
    const hasVariables = parts.some((part) => part.kind === 'variable');
    return new ArnPattern(parts, hasVariables ? undefined : splitIntoSegments(parts));
  }

  /** Whether a value without variables has the six segments of an ARN; checked when the policy is written. */
  static isWellFormed(source: string, variables: boolean): boolean {
    const parts = parsePattern(source, { wildcards: true, variables });
    return parts.some((part) => part.kind === 'variable') || splitIntoSegments(parts) !== undefined;
  }

  /** `not-comparable` when the request value is not an ARN, or when the policy value does not become one
   * (an unresolvable variable, or too few segments after substitution): such a value matches nothing. */
  compare(requestArn: string, context: RequestContext): ArnComparison {
    let start = 0;
    for (let i = 0; i < colonOffsets.length; i++) {
      const colon = requestArn.indexOf(':', start);
      if (colon === -1) return 'not-comparable';
      colonOffsets[i] = colon;
      start = colon + 1;
    }
    const segments = this.segments ?? this.substitute(context);
    if (!segments) return 'not-comparable';
    let from = 0;
    for (let i = 0; i < ARN_SEGMENTS; i++) {
      const to = i < colonOffsets.length ? colonOffsets[i] : requestArn.length;
      if (!segments[i].matchesRange(requestArn, from, to, context)) return 'no-match';
      from = to + 1;
    }
    return 'match';
  }

  private substitute(context: RequestContext): StringPattern[] | undefined {
    const resolved: PatternPart[] = [];
    for (const part of this.parts) {
      if (part.kind !== 'variable') {
        resolved.push(part);
        continue;
      }
      const text = resolveVariable(part, context);
      if (text === undefined) return undefined;
      resolved.push({ kind: 'text', text });
    }
    return splitIntoSegments(resolved);
  }
}

function splitIntoSegments(parts: readonly PatternPart[]): StringPattern[] | undefined {
  const segments: PatternPart[][] = [[]];
  for (const part of parts) {
    let current = segments[segments.length - 1];
    if (part.kind !== 'text' || segments.length === ARN_SEGMENTS) {
      current.push(part);
      continue;
    }
    let rest = part.text;
    let colon = rest.indexOf(':');
    while (colon !== -1 && segments.length < ARN_SEGMENTS) {
      if (colon > 0) current.push({ kind: 'text', text: rest.slice(0, colon) });
      current = [];
      segments.push(current);
      rest = rest.slice(colon + 1);
      colon = rest.indexOf(':');
    }
    if (rest.length > 0) current.push({ kind: 'text', text: rest });
  }
  if (segments.length !== ARN_SEGMENTS) return undefined;
  return segments.map((segment) => StringPattern.fromParts(mergeText(segment)));
}

/** Joins neighbouring text parts, which substitution leaves behind, so that the fast shapes apply. */
function mergeText(parts: readonly PatternPart[]): PatternPart[] {
  const merged: PatternPart[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (part.kind === 'text' && previous?.kind === 'text') {
      merged[merged.length - 1] = { kind: 'text', text: previous.text + part.text };
    } else {
      merged.push(part);
    }
  }
  return merged;
}
