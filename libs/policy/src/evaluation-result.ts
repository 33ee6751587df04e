export type Decision = 'Allow' | 'ImplicitDeny' | 'ExplicitDeny';

/** Which gate decided: identity policies, an SCP level, an RCP level of the resource's owner, the resource rule
 * (or trust policy), or the root rule. */
export type DecisionSource = 'identity' | 'scp' | 'rcp' | 'resource' | 'root-user';

export interface DecisionReason {
  readonly kind: DecisionSource;
  /** The policy whose statement decided; absent when no statement did (implicit denies, the root rule). */
  readonly policyName?: string;
  /** Zero-based position of the deciding statement in its policy. */
  readonly statementIndex?: number;
  readonly sid?: string;
  /** Zero-based level of the SCP path (root first) that allowed nothing. */
  readonly scpLevel?: number;
  /** Zero-based level of the resource owner's RCP path (root first) that allowed nothing. */
  readonly rcpLevel?: number;
  readonly message: string;
}

export interface AllowResult {
  readonly decision: 'Allow';
  readonly reason: DecisionReason & { readonly kind: 'identity' | 'resource' | 'root-user' };
}

export interface DenyResult {
  readonly decision: 'ImplicitDeny' | 'ExplicitDeny';
  readonly reason: DecisionReason & { readonly kind: 'identity' | 'scp' | 'rcp' | 'resource' };
}

/** Results are shared, frozen objects built when policies are compiled: evaluating allocates nothing. */
export type EvaluationResult = AllowResult | DenyResult;

export function isDenied(result: EvaluationResult): result is DenyResult {
  return result.decision !== 'Allow';
}

export const ROOT_USER_ALLOWED: AllowResult = Object.freeze({
  decision: 'Allow',
  reason: Object.freeze({
    kind: 'root-user',
    message: 'The root user may perform every action on the resources of its own account',
  }),
});

export const NO_IDENTITY_ALLOW: DenyResult = Object.freeze({
  decision: 'ImplicitDeny',
  reason: Object.freeze({ kind: 'identity', message: 'No identity-based policy allows the action' }),
});

export const NO_RESOURCE_ALLOW: DenyResult = Object.freeze({
  decision: 'ImplicitDeny',
  reason: Object.freeze({
    kind: 'resource',
    message: "No resource rule of the resource's account allows the action for this principal",
  }),
});

const scpGaps: DenyResult[] = [];

/** The implicit deny of an SCP level that allows nothing; one shared result per level. */
export function noScpAllowAt(level: number): DenyResult {
  return (scpGaps[level] ??= Object.freeze({
    decision: 'ImplicitDeny',
    reason: Object.freeze({
      kind: 'scp',
      scpLevel: level,
      message: `No service control policy at level ${level} of the organization path allows the action`,
    }),
  }));
}

const rcpGaps: DenyResult[] = [];

/** The implicit deny of an RCP level (of the resource owner's path) that allows nothing; one shared result per level. */
export function noRcpAllowAt(level: number): DenyResult {
  return (rcpGaps[level] ??= Object.freeze({
    decision: 'ImplicitDeny',
    reason: Object.freeze({
      kind: 'rcp',
      rcpLevel: level,
      message: `No resource control policy at level ${level} of the resource owner's organization path allows the action`,
    }),
  }));
}
