import {
  type AuthorizationRequest,
  type RequestContext,
  type RequestPrincipal,
} from './authorization-request';
import { compileCondition, type ConditionTest } from './compile-condition';
import { type AllowResult, type DenyResult } from './evaluation-result';
import { type Effect, type PatternList, type PolicyDocument, type PolicyKind } from './policy-document';
import { PrincipalClause, type PrincipalMatch } from './principal-clause';
import { StringPattern } from './string-pattern';

/** The statements of one policy that name an action, split by effect, in document order. */
export interface ActionPlan {
  readonly denies: readonly CompiledStatement[];
  readonly allows: readonly CompiledStatement[];
}

/** Distinct actions remembered per policy; far above the number of operations Trailplane serves. */
const MAX_PLANS_PER_POLICY = 1_024;

/**
 * A policy compiled once per version: patterns precompiled, and the statements that name each action
 * remembered on first use, so that evaluating a request touches only the statements that can apply.
 */
export class CompiledPolicy {
  private readonly plans = new Map<string, ActionPlan>();

  constructor(
    readonly name: string,
    readonly kind: PolicyKind,
    readonly statements: readonly CompiledStatement[],
  ) {}

  planFor(action: string): ActionPlan {
    let plan = this.plans.get(action);
    if (plan === undefined) {
      const naming = this.statements.filter((statement) => statement.namesAction(action));
      plan = {
        denies: naming.filter((statement) => statement.effect === 'Deny'),
        allows: naming.filter((statement) => statement.effect === 'Allow'),
      };
      if (this.plans.size >= MAX_PLANS_PER_POLICY) this.plans.clear();
      this.plans.set(action, plan);
    }
    return plan;
  }
}

export class CompiledStatement {
  private denial: DenyResult | undefined;
  private grant: AllowResult | undefined;

  constructor(
    private readonly policy: { readonly name: string; readonly kind: PolicyKind },
    readonly effect: Effect,
    readonly index: number,
    readonly sid: string | undefined,
    private readonly actions: ActionClause,
    private readonly resources: ResourceClause | undefined,
    private readonly principals: PrincipalClause | undefined,
    private readonly conditions: readonly ConditionTest[],
  ) {}

  namesAction(action: string): boolean {
    return this.actions.covers(action);
  }

  /** Whether Resource (or NotResource) covers the request's resource and every condition holds. */
  applies(request: AuthorizationRequest): boolean {
    const context = request.context;
    if (this.resources && !this.resources.covers(request.resource.arn, context)) return false;
    const conditions = this.conditions;
    for (let i = 0; i < conditions.length; i++) {
      if (!conditions[i].holds(context)) return false;
    }
    return true;
  }

  /** Statements without a principal element (identity policies, SCPs) apply to the caller directly. */
  principalMatch(principal: RequestPrincipal): PrincipalMatch {
    return this.principals ? this.principals.match(principal) : 'direct';
  }

  /** The result of this Deny statement applying; built once, then shared. */
  denialResult(): DenyResult {
    return (this.denial ??= Object.freeze({
      decision: 'ExplicitDeny',
      reason: this.reason(DECISION_SOURCES[this.policy.kind], 'Explicitly denied'),
    }));
  }

  /** The result of this Allow statement granting. SCP and RCP statements never grant (iam.md §2.4). */
  grantResult(): AllowResult {
    const source = DECISION_SOURCES[this.policy.kind];
    if (source === 'scp' || source === 'rcp') {
      throw new Error('An organization control policy bounds access and never grants it');
    }
    return (this.grant ??= Object.freeze({ decision: 'Allow', reason: this.reason(source, 'Allowed') }));
  }

  private reason<K extends 'identity' | 'scp' | 'rcp' | 'resource'>(kind: K, verb: string) {
    const statement =
      this.sid === undefined ? `statement ${this.index}` : `statement ${this.index} (${this.sid})`;
    return Object.freeze({
      kind,
      policyName: this.policy.name,
      statementIndex: this.index,
      ...(this.sid === undefined ? {} : { sid: this.sid }),
      message: `${verb} by ${statement} of ${POLICY_LABELS[this.policy.kind]} ${this.policy.name}`,
    });
  }
}

/** Trust policies act as the resource rule of the role being assumed. */
const DECISION_SOURCES = {
  identity: 'identity',
  scp: 'scp',
  rcp: 'rcp',
  resource: 'resource',
  trust: 'resource',
} as const satisfies Record<PolicyKind, 'identity' | 'scp' | 'rcp' | 'resource'>;

const POLICY_LABELS: Readonly<Record<PolicyKind, string>> = {
  identity: 'identity-based policy',
  scp: 'service control policy',
  rcp: 'resource control policy',
  resource: 'resource rule',
  trust: 'trust policy',
};

/** `Action`/`NotAction`: case-insensitive, `*` any run of characters, `?` one character (iam.md §3). */
class ActionClause {
  private readonly pattern: RegExp;

  constructor(private readonly list: PatternList) {
    const alternatives = list.patterns.map((pattern) =>
      pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.'),
    );
    this.pattern = new RegExp(`^(?:${alternatives.join('|')})$`, 'i');
  }

  covers(action: string): boolean {
    return this.pattern.test(action) !== this.list.negated;
  }
}

/**
 * `Resource`/`NotResource`: case-sensitive wildcard match over the whole ARN after substituting variables
 * (iam.md §3). An entry whose variable cannot be substituted matches nothing, so as a NotResource entry it
 * excludes nothing (iam.md §9.2). The resource `*` of actions that take no resource is covered only by the
 * entry `*`.
 */
class ResourceClause {
  private readonly coversEverything: boolean;

  constructor(
    private readonly negated: boolean,
    private readonly patterns: readonly StringPattern[],
  ) {
    this.coversEverything = patterns.some((pattern) => pattern.matchesEverything);
  }

  covers(arn: string, context: RequestContext): boolean {
    return this.lists(arn, context) !== this.negated;
  }

  private lists(arn: string, context: RequestContext): boolean {
    if (this.coversEverything || arn === '*') return this.coversEverything;
    const patterns = this.patterns;
    for (let i = 0; i < patterns.length; i++) {
      const pattern = patterns[i];
      if (pattern.variables.length > 0 && !pattern.isResolvable(context)) continue;
      if (pattern.matches(arn, context)) return true;
    }
    return false;
  }
}

/** Compiles a document validated by `parsePolicyDocument`. `name` labels the policy in decision reasons. */
export function compilePolicy(document: PolicyDocument, name: string): CompiledPolicy {
  const policy = { name, kind: document.kind };
  const variables = document.version === '2012-10-17';
  const statements = document.statements.map(
    (statement, index) =>
      new CompiledStatement(
        policy,
        statement.effect,
        index,
        statement.sid,
        new ActionClause(statement.actions),
        statement.resources &&
          new ResourceClause(
            statement.resources.negated,
            statement.resources.patterns.map((pattern) =>
              StringPattern.compile(pattern, { wildcards: true, variables }),
            ),
          ),
        statement.principals && new PrincipalClause(statement.principals),
        statement.conditions.map((condition) => compileCondition(condition, variables)),
      ),
  );
  return new CompiledPolicy(name, document.kind, statements);
}
