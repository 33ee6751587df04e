/** `Account` is the root user of the account. */
export type PrincipalType = 'Account' | 'User' | 'Role' | 'AssumedRole' | 'Service';

export interface RequestPrincipal {
  /** `arn:aws:iam::<acct>:root`, `…:user/<name>`, `…:role/<name>` or `arn:aws:sts::<acct>:assumed-role/<role>/<session>`. */
  readonly arn: string;
  readonly account: string;
  readonly type: PrincipalType;
}

export type ContextValue = string | readonly string[];

/** Condition keys as given (iam.md §8): the evaluator adds none. Keys compare case-insensitively. */
export type RequestContext = Readonly<Record<string, ContextValue>>;

/** One authorization question (iam.md §1). `resource.arn` is `*` for actions that take no resource. */
export interface AuthorizationRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly resource: { readonly arn: string; readonly account: string };
  readonly context: RequestContext;
}

/**
 * The value of a condition key, matched case-insensitively as IAM does. The exact spelling is tried first so
 * that the usual lookup is a single property read; values of other types (and inherited properties such as
 * `constructor`) count as absent.
 */
export function contextValue(context: RequestContext, key: string): ContextValue | undefined {
  const exact = context[key];
  if (typeof exact === 'string' || Array.isArray(exact)) return exact;
  for (const candidate in context) {
    if (candidate.length === key.length && regionEqualsIgnoreCase(candidate, 0, key)) {
      const value = context[candidate];
      if (typeof value === 'string' || Array.isArray(value)) return value;
    }
  }
  return undefined;
}

/** Whether `text[from, from + expected.length)` equals `expected`, ignoring case on both sides. */
export function regionEqualsIgnoreCase(text: string, from: number, expected: string): boolean {
  if (from + expected.length > text.length) return false;
  for (let i = 0; i < expected.length; i++) {
    let code = text.charCodeAt(from + i);
    let other = expected.charCodeAt(i);
    if (code === other) continue;
    if (code >= 128 || other >= 128) {
      return text.slice(from, from + expected.length).toLowerCase() === expected.toLowerCase();
    }
    if (code >= 65 && code <= 90) code += 32;
    if (other >= 65 && other <= 90) other += 32;
    if (code !== other) return false;
  }
  return true;
}
