import { defineOperation, type ErrorCode } from '@app/platform';
import { CreatePolicyVersionUseCase } from '../use-cases/create-policy-version.use-case';
import { CreatePolicyUseCase } from '../use-cases/create-policy.use-case';
import { DeletePolicyVersionUseCase } from '../use-cases/delete-policy-version.use-case';
import { DeletePolicyUseCase } from '../use-cases/delete-policy.use-case';
import { GetPolicyVersionUseCase } from '../use-cases/get-policy-version.use-case';
import { GetPolicyUseCase } from '../use-cases/get-policy.use-case';
import { ListPoliciesUseCase } from '../use-cases/list-policies.use-case';
import { ListPolicyVersionsUseCase } from '../use-cases/list-policy-versions.use-case';
import { SetDefaultPolicyVersionUseCase } from '../use-cases/set-default-policy-version.use-case';
import { iamArnResource, newIamResource } from './iam-resources';
import {
  CreateManagedPolicyRequest,
  CreatePolicyVersionRequest,
  ListManagedPoliciesRequest,
  PolicyArnRequest,
  PolicyVersionRequest,
} from './iam.requests';

/** Managed policies: the caller's customer managed policies (with versions) and the AWS managed ones. */

/** A policy named by ARN: a malformed ARN, or no such policy of the caller's or AWS's (or version). */
const POLICY_LOOKUP_ERRORS: readonly ErrorCode[] = ['ValidationError', 'NoSuchEntity'];

/** Changing a policy: also AWS managed policies, which are read-only (AccessDeniedException). */
const POLICY_CHANGE_ERRORS: readonly ErrorCode[] = [...POLICY_LOOKUP_ERRORS, 'AccessDeniedException'];

const policyResource = {
  resources: (input: { policyArn?: unknown }, scope: Parameters<typeof iamArnResource>[0]) => [
    iamArnResource(scope, input.policyArn),
  ],
};

export const CreatePolicy = defineOperation({
  service: 'iam',
  name: 'CreatePolicy',
  readOnly: false,
  input: CreateManagedPolicyRequest,
  resources: (input, scope) => [newIamResource(scope, 'policy', input.path, input.policyName)],
  useCase: CreatePolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (policy) => ({ ...policy }),
  errors: ['ValidationError', 'MalformedPolicyDocument', 'LimitExceeded', 'EntityAlreadyExists'],
});

export const ListPolicies = defineOperation({
  service: 'iam',
  name: 'ListPolicies',
  readOnly: true,
  input: ListManagedPoliciesRequest,
  useCase: ListPoliciesUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ['ValidationError'],
});

export const GetPolicy = defineOperation({
  service: 'iam',
  name: 'GetPolicy',
  readOnly: true,
  input: PolicyArnRequest,
  ...policyResource,
  useCase: GetPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: POLICY_LOOKUP_ERRORS,
});

export const DeletePolicy = defineOperation({
  service: 'iam',
  name: 'DeletePolicy',
  readOnly: false,
  input: PolicyArnRequest,
  ...policyResource,
  useCase: DeletePolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...POLICY_CHANGE_ERRORS, 'DeleteConflict'],
});

export const CreatePolicyVersion = defineOperation({
  service: 'iam',
  name: 'CreatePolicyVersion',
  readOnly: false,
  input: CreatePolicyVersionRequest,
  ...policyResource,
  useCase: CreatePolicyVersionUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (version) => ({ ...version }),
  errors: [...POLICY_CHANGE_ERRORS, 'MalformedPolicyDocument', 'LimitExceeded'],
});

export const GetPolicyVersion = defineOperation({
  service: 'iam',
  name: 'GetPolicyVersion',
  readOnly: true,
  input: PolicyVersionRequest,
  ...policyResource,
  useCase: GetPolicyVersionUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: POLICY_LOOKUP_ERRORS,
});

export const ListPolicyVersions = defineOperation({
  service: 'iam',
  name: 'ListPolicyVersions',
  readOnly: true,
  input: PolicyArnRequest,
  ...policyResource,
  useCase: ListPolicyVersionsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: POLICY_LOOKUP_ERRORS,
});

export const DeletePolicyVersion = defineOperation({
  service: 'iam',
  name: 'DeletePolicyVersion',
  readOnly: false,
  input: PolicyVersionRequest,
  ...policyResource,
  useCase: DeletePolicyVersionUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...POLICY_CHANGE_ERRORS, 'DeleteConflict'],
});

export const SetDefaultPolicyVersion = defineOperation({
  service: 'iam',
  name: 'SetDefaultPolicyVersion',
  readOnly: false,
  input: PolicyVersionRequest,
  ...policyResource,
  useCase: SetDefaultPolicyVersionUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: POLICY_CHANGE_ERRORS,
});
