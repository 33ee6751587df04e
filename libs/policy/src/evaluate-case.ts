import { type AuthorizationRequest } from './authorization-request';
import { compilePolicy, type CompiledPolicy } from './compile-policy';
import { evaluate } from './evaluate';
import { type EvaluationResult } from './evaluation-result';
import { MalformedPolicyError } from './malformed-policy.error';
import { parsePolicyDocument } from './parse-policy-document';
import { type PolicyCache } from './policy-cache';
import { type PolicyDocumentInput, type PolicyKind } from './policy-document';

export interface SimulationPolicy {
  readonly name: string;
  readonly document: PolicyDocumentInput;
}

/** The policies of a case, given inline as IAM's SimulateCustomPolicy takes them (iam.md §8). */
export interface SimulationPolicies {
  readonly identity: readonly SimulationPolicy[];
  /** Resolved organization path, root level first; `[]` when the caller is not under SCPs. */
  readonly scpPath: readonly (readonly SimulationPolicy[])[];
  /** The resource owner's resolved RCP path, root level first; absent or `[]` when the resource is not under RCPs. */
  readonly rcpPath?: readonly (readonly SimulationPolicy[])[];
  /** The resource rule (or trust policy) of the target, if any. */
  readonly resource: PolicyDocumentInput | null;
}

/** One case of the differential corpus, and the body of `POST /v1/iam/simulate`. */
export interface SimulationCase {
  readonly request: AuthorizationRequest;
  readonly policies: SimulationPolicies;
}

/** The name under which the resource rule of a case appears in decision reasons. */
export const RESOURCE_RULE_NAME = 'ResourceRule';

/**
 * Evaluates a case with the real engine: documents are validated and compiled (through `cache` when given,
 * so repeated simulations compile each document once), then `evaluate` decides. Throws
 * `MalformedPolicyError`, naming the policy, when a document is invalid.
 */
export function evaluateCase(simulationCase: SimulationCase, cache?: PolicyCache): EvaluationResult {
  const { policies } = simulationCase;
  const compile = (kind: PolicyKind, name: string, document: PolicyDocumentInput): CompiledPolicy => {
    try {
      return cache
        ? cache.getOrCompileDocument(kind, name, document)
        : compilePolicy(parsePolicyDocument(document, kind), name);
    } catch (error) {
      if (error instanceof MalformedPolicyError) {
        throw new MalformedPolicyError(error.reason, { ...error.details, policyName: name });
      }
      throw error;
    }
  };
  return evaluate(simulationCase.request, {
    identity: policies.identity.map(({ name, document }) => compile('identity', name, document)),
    scpPath: policies.scpPath.map((level) =>
      level.map(({ name, document }) => compile('scp', name, document)),
    ),
    rcpPath: (policies.rcpPath ?? []).map((level) =>
      level.map(({ name, document }) => compile('rcp', name, document)),
    ),
    resource: policies.resource === null ? null : compile('resource', RESOURCE_RULE_NAME, policies.resource),
  });
}
