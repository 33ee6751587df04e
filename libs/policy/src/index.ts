/**
 * `@app/policy`: IAM-style policy documents and evaluation (iam.md). Pure: no framework, no I/O.
 *
 * Writing a policy:
 *   `parsePolicyDocument(json, kind, POLICY_SIZE_LIMITS.managedPolicy)` validates a document and throws
 *   `MalformedPolicyError` (`reason` is AWS's text). IAM maps it to `MalformedPolicyDocument` (or
 *   `LimitExceeded` when `details.exceededSizeLimit` is set), Organizations to
 *   `MalformedPolicyDocumentException`.
 *
 * Authorizing a request:
 *   1. Compile each policy once per version through one long-lived `PolicyCache`:
 *      `cache.getOrCompile({ id, version, name, kind, document })`, where `version` changes whenever the
 *      document does (managed policy version id, inline policy revision, SCP revision). Because keys are
 *      versioned, a change on one API replica needs no invalidation message to the others: they miss on the
 *      new version and compile it; old versions age out (`invalidate(id)` frees them early, e.g. on delete).
 *      `cache.get(id, version)` lets a caller look up before loading a document from the database.
 *   2. Assemble a `PolicySet` (`identity`, `scpPath` root level first, `rcpPath` of the resource's owner when
 *      `isGovernedByResourceControlPolicies(action)`, `resource`) from compiled policies;
 *      this is cheap, so it can be built per request. Each compiled policy remembers which of its
 *      statements name each action, so the work per request is proportional to the statements that can apply.
 *   3. `evaluate(request, policySet)` returns a shared, frozen `EvaluationResult` (decision and reason);
 *      `accessDeniedMessage(request, result)` words a denial as AWS does.
 *
 * Simulating: `evaluateCase({ request, policies })` takes the case format of iam.md §8 (documents inline),
 * which is also the body of `POST /v1/iam/simulate`; pass the shared cache to avoid recompiling.
 */
export { accessDeniedMessage } from './access-denied-message';
export {
  type AuthorizationRequest,
  type ContextValue,
  type PrincipalType,
  type RequestContext,
  type RequestPrincipal,
} from './authorization-request';
export { CONDITION_OPERATORS, type ConditionOperatorName } from './condition-operators';
export { compilePolicy, type CompiledPolicy } from './compile-policy';
export { evaluate, isRootUser, type PolicySet } from './evaluate';
export {
  evaluateCase,
  RESOURCE_RULE_NAME,
  type SimulationCase,
  type SimulationPolicies,
  type SimulationPolicy,
} from './evaluate-case';
export {
  isDenied,
  type AllowResult,
  type Decision,
  type DecisionReason,
  type DecisionSource,
  type DenyResult,
  type EvaluationResult,
} from './evaluation-result';
export { MalformedPolicyError } from './malformed-policy.error';
export { parsePolicyDocument } from './parse-policy-document';
export { isGovernedByResourceControlPolicies, RCP_SERVICE_PREFIXES } from './resource-control';
export { PolicyCache, type StoredPolicy } from './policy-cache';
export {
  POLICY_SIZE_LIMITS,
  type Effect,
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
