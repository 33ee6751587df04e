import {
  type AuthorizationRequest,
  type CompiledPolicy,
  type DenyResult,
  type EvaluationResult,
} from '@app/policy';

/** A role's trust policy names neither the caller nor its account: AssumeRole is denied. */
export const TRUST_NOT_GRANTED: DenyResult = Object.freeze({
  decision: 'ImplicitDeny',
  reason: Object.freeze({
    kind: 'resource',
    message: 'The trust policy of the role does not allow this principal to assume it',
  }),
});

/** The result reported for a call that names no resources (never happens for declared operations). */
export const NO_RESOURCES: EvaluationResult = Object.freeze({
  decision: 'Allow',
  reason: Object.freeze({ kind: 'identity', message: 'The operation acts on no resource' }),
});

/** Whether an Allow statement of `rule` names the caller (or its account) and applies. */
export function ruleGrants(rule: CompiledPolicy | null, request: AuthorizationRequest): boolean {
  if (!rule) return false;
  return rule
    .planFor(request.action)
    .allows.some(
      (statement) => statement.principalMatch(request.principal) !== 'none' && statement.applies(request),
    );
}
