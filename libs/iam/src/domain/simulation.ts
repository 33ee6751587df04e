import {
  type ContextValue,
  type EvaluationResult,
  type PrincipalType,
  type SimulationCase,
  type SimulationPolicy,
} from '@app/policy';
import { IamValidationError } from './iam.errors';

/*
 * Shapes of the simulation endpoints: the iam.md §8 case (checked here, since it arrives as plain
 * JSON) and what a decision answers.
 */

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['Account', 'User', 'Role', 'AssumedRole'];

export interface SimulationAnswer {
  readonly decision: EvaluationResult['decision'];
  readonly reason: EvaluationResult['reason'];
  /** The AccessDenied message AWS would send, for denials. */
  readonly message?: string;
}

function fail(path: string, expectation: string): never {
  throw new IamValidationError(`Invalid simulation case: ${path} must be ${expectation}.`);
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
  return value as Record<string, unknown>;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') fail(path, 'a non-empty string');
  return value;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'an array');
  return value;
}

function policyDocument(value: unknown, path: string): string | object {
  if (typeof value === 'string') return value;
  return record(value, path);
}

function policy(value: unknown, path: string): SimulationPolicy {
  const entry = record(value, path);
  return {
    name: text(entry.name, `${path}.name`),
    document: policyDocument(entry.document, `${path}.document`),
  };
}

/** Condition keys: strings or arrays of strings. */
export function parseContext(value: unknown, path: string): Record<string, ContextValue> {
  if (value === undefined) return {};
  const context: Record<string, ContextValue> = {};
  for (const [key, entry] of Object.entries(record(value, path))) {
    if (typeof entry === 'string') context[key] = entry;
    else if (Array.isArray(entry) && entry.every((item) => typeof item === 'string')) context[key] = entry;
    else fail(`${path}.${key}`, 'a string or an array of strings');
  }
  return context;
}

/** Checks the `{ request, policies }` body of `POST /v1/iam/simulate` (iam.md §8). */
export function parseSimulationCase(body: unknown): SimulationCase {
  const root = record(body, 'body');
  const request = record(root.request, 'request');
  const principal = record(request.principal, 'request.principal');
  const type = text(principal.type, 'request.principal.type');
  const principalType = PRINCIPAL_TYPES.find((candidate) => candidate === type);
  if (!principalType) fail('request.principal.type', `one of ${PRINCIPAL_TYPES.join(', ')}`);
  const resource = record(request.resource, 'request.resource');
  const policies = record(root.policies, 'policies');
  return {
    request: {
      principal: {
        arn: text(principal.arn, 'request.principal.arn'),
        account: text(principal.account, 'request.principal.account'),
        type: principalType,
      },
      action: text(request.action, 'request.action'),
      resource: {
        arn: text(resource.arn, 'request.resource.arn'),
        account: text(resource.account, 'request.resource.account'),
      },
      context: parseContext(request.context, 'request.context'),
    },
    policies: {
      identity: list(policies.identity ?? [], 'policies.identity').map((entry, i) =>
        policy(entry, `policies.identity[${i}]`),
      ),
      scpPath: list(policies.scpPath ?? [], 'policies.scpPath').map((level, i) =>
        list(level, `policies.scpPath[${i}]`).map((entry, j) =>
          policy(entry, `policies.scpPath[${i}][${j}]`),
        ),
      ),
      resource:
        policies.resource === undefined || policies.resource === null
          ? null
          : policyDocument(policies.resource, 'policies.resource'),
    },
  };
}
