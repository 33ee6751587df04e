import { type ConditionOperatorName } from './condition-operators';

/** Where a document sits decides its grammar (iam.md §5): only trust policies, resource rules and RCPs
 * name principals; identity policies, SCPs and RCPs must name resources; trust policies must not. */
export type PolicyKind = 'identity' | 'trust' | 'scp' | 'rcp' | 'resource';

/** `2008-10-17` is accepted for old documents and disables policy variables (`${…}` is literal text). */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

export type Effect = 'Allow' | 'Deny';

/** A document as callers hand it over: JSON text, or the already parsed JSON value. */
export type PolicyDocumentInput = string | object;

/** `Action`/`NotAction` or `Resource`/`NotResource`: the patterns as written, and which element held them. */
export interface PatternList {
  readonly negated: boolean;
  readonly patterns: readonly string[];
}

/** `Principal`/`NotPrincipal`. `anyone` is `"*"` or `{"AWS": "*"}`; `aws` holds account ids, account root
 * ARNs and exact user, role or assumed-role session ARNs; `services` holds service principals. */
export interface PrincipalList {
  readonly negated: boolean;
  readonly anyone: boolean;
  readonly aws: readonly string[];
  readonly services: readonly string[];
}

export type SetOperator = 'ForAnyValue' | 'ForAllValues';

/** One key of one operator block: `"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["env", "team"]}`
 * becomes `{ setOperator: 'ForAnyValue', operator: 'StringLike', ifExists: true, key: 'aws:TagKeys', … }`.
 * Values are strings: JSON numbers and booleans are written back as text, as IAM does. */
export interface PolicyCondition {
  readonly setOperator: SetOperator | undefined;
  readonly operator: ConditionOperatorName;
  readonly ifExists: boolean;
  readonly key: string;
  readonly values: readonly string[];
}

export interface PolicyStatement {
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly actions: PatternList;
  /** Absent only in trust policies and resource rules, where the statement covers the resource it is attached to. */
  readonly resources: PatternList | undefined;
  /** Present only in trust policies and resource rules. */
  readonly principals: PrincipalList | undefined;
  readonly conditions: readonly PolicyCondition[];
}

/** A validated document: the output of `parsePolicyDocument` and the input of `compilePolicy`. */
export interface PolicyDocument {
  readonly kind: PolicyKind;
  readonly version: PolicyVersion;
  readonly statements: readonly PolicyStatement[];
}

/** A size limit of iam.md §5. Managed policies and SCPs are measured without whitespace. */
export interface PolicySizeLimit {
  readonly maxCharacters: number;
  readonly excludeWhitespace: boolean;
}

export const POLICY_SIZE_LIMITS = {
  inlineUserPolicy: { maxCharacters: 2_048, excludeWhitespace: false },
  inlineRolePolicy: { maxCharacters: 10_240, excludeWhitespace: false },
  managedPolicy: { maxCharacters: 6_144, excludeWhitespace: true },
  serviceControlPolicy: { maxCharacters: 5_120, excludeWhitespace: true },
  resourceControlPolicy: { maxCharacters: 5_120, excludeWhitespace: true },
} as const satisfies Record<string, PolicySizeLimit>;
