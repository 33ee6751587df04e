import {
  defineOperation,
  type OperationInput,
  type OperationScope,
  type ResourceRef,
  textMember,
} from '@app/platform';
import { type PrincipalKind } from '../domain/managed-policy';
import { AttachPrincipalPolicyUseCase } from '../use-cases/attach-principal-policy.use-case';
import { DeletePrincipalPolicyUseCase } from '../use-cases/delete-principal-policy.use-case';
import { DetachPrincipalPolicyUseCase } from '../use-cases/detach-principal-policy.use-case';
import { GetPrincipalPolicyUseCase } from '../use-cases/get-principal-policy.use-case';
import { ListAttachedPrincipalPoliciesUseCase } from '../use-cases/list-attached-principal-policies.use-case';
import { ListPrincipalPoliciesUseCase } from '../use-cases/list-principal-policies.use-case';
import { PutPrincipalPolicyUseCase } from '../use-cases/put-principal-policy.use-case';
import { iamRoleResource, iamUserResource } from './iam-resources';
import {
  PutRolePolicyRequest,
  PutUserPolicyRequest,
  RoleNameRequest,
  RolePolicyArnRequest,
  RolePolicyNameRequest,
  UserNameRequest,
  UserPolicyArnRequest,
  UserPolicyNameRequest,
} from './iam.requests';

/**
 * The managed and inline policies of users and roles: the same use cases, named as IAM names each
 * operation (`AttachUserPolicy`, `AttachRolePolicy`, …), with the principal named by `userName` or
 * `roleName`.
 */
interface PrincipalMembers {
  readonly userName?: unknown;
  readonly roleName?: unknown;
}

const KINDS = {
  user: { Kind: 'User', member: 'userName', resource: iamUserResource },
  role: { Kind: 'Role', member: 'roleName', resource: iamRoleResource },
} as const;

function principalName(kind: PrincipalKind, input: PrincipalMembers): string {
  return String(kind === 'user' ? input.userName : input.roleName);
}

function principalResources(kind: PrincipalKind) {
  return async (input: PrincipalMembers, scope: OperationScope): Promise<ResourceRef[]> => [
    await KINDS[kind].resource(scope, kind === 'user' ? input.userName : input.roleName),
  ];
}

/** `iam:PolicyARN`, the condition key of attachments. */
function policyArnCondition(input: { policyArn?: unknown }): Record<string, string> {
  const arn = textMember(input.policyArn);
  return arn === undefined ? {} : { 'iam:PolicyARN': arn };
}

function principalPolicyOperations(kind: PrincipalKind) {
  const { Kind } = KINDS[kind];
  const resources = principalResources(kind);
  // The user and role variants of each input share their members but the principal's name.
  const names = (kind === 'user' ? UserNameRequest : RoleNameRequest) as OperationInput<PrincipalMembers>;
  const policyArns = (kind === 'user' ? UserPolicyArnRequest : RolePolicyArnRequest) as OperationInput<
    PrincipalMembers & { policyArn: string }
  >;
  const policyNames = (kind === 'user' ? UserPolicyNameRequest : RolePolicyNameRequest) as OperationInput<
    PrincipalMembers & { policyName: string }
  >;
  const documents = (kind === 'user' ? PutUserPolicyRequest : PutRolePolicyRequest) as OperationInput<
    PrincipalMembers & { policyName: string; policyDocument: string }
  >;
  return {
    listAttached: defineOperation({
      service: 'iam',
      name: `ListAttached${Kind}Policies`,
      readOnly: true,
      input: names,
      resources,
      useCase: ListAttachedPrincipalPoliciesUseCase,
      run: (useCase, ctx, input) => useCase.execute(ctx, { kind, principalName: principalName(kind, input) }),
      errors: ['NoSuchEntity'],
    }),
    attach: defineOperation({
      service: 'iam',
      name: `Attach${Kind}Policy`,
      readOnly: false,
      input: policyArns,
      resources,
      conditions: policyArnCondition,
      useCase: AttachPrincipalPolicyUseCase,
      run: (useCase, ctx, input) =>
        useCase.execute(ctx, { kind, principalName: principalName(kind, input), policyArn: input.policyArn }),
      errors: ['NoSuchEntity', 'ValidationError', 'LimitExceeded'],
    }),
    detach: defineOperation({
      service: 'iam',
      name: `Detach${Kind}Policy`,
      readOnly: false,
      input: policyArns,
      resources,
      conditions: policyArnCondition,
      useCase: DetachPrincipalPolicyUseCase,
      run: (useCase, ctx, input) =>
        useCase.execute(ctx, { kind, principalName: principalName(kind, input), policyArn: input.policyArn }),
      errors: ['NoSuchEntity', 'ValidationError'],
    }),
    list: defineOperation({
      service: 'iam',
      name: `List${Kind}Policies`,
      readOnly: true,
      input: names,
      resources,
      useCase: ListPrincipalPoliciesUseCase,
      run: (useCase, ctx, input) => useCase.execute(ctx, { kind, principalName: principalName(kind, input) }),
      errors: ['NoSuchEntity'],
    }),
    put: defineOperation({
      service: 'iam',
      name: `Put${Kind}Policy`,
      readOnly: false,
      input: documents,
      resources,
      useCase: PutPrincipalPolicyUseCase,
      run: (useCase, ctx, input) =>
        useCase.execute(ctx, {
          kind,
          principalName: principalName(kind, input),
          policyName: input.policyName,
          policyDocument: input.policyDocument,
        }),
      errors: ['NoSuchEntity', 'ValidationError', 'MalformedPolicyDocument', 'LimitExceeded'],
    }),
    get: defineOperation({
      service: 'iam',
      name: `Get${Kind}Policy`,
      readOnly: true,
      input: policyNames,
      resources,
      useCase: GetPrincipalPolicyUseCase,
      run: (useCase, ctx, input) =>
        useCase.execute(ctx, {
          kind,
          principalName: principalName(kind, input),
          policyName: input.policyName,
        }),
      errors: ['NoSuchEntity'],
    }),
    remove: defineOperation({
      service: 'iam',
      name: `Delete${Kind}Policy`,
      readOnly: false,
      input: policyNames,
      resources,
      useCase: DeletePrincipalPolicyUseCase,
      run: (useCase, ctx, input) =>
        useCase.execute(ctx, {
          kind,
          principalName: principalName(kind, input),
          policyName: input.policyName,
        }),
      errors: ['NoSuchEntity'],
    }),
  };
}

export const USER_POLICY_OPERATIONS = principalPolicyOperations('user');
export const ROLE_POLICY_OPERATIONS = principalPolicyOperations('role');
export type PrincipalPolicyOperations = typeof USER_POLICY_OPERATIONS;
