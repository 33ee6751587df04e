import { defineOperation, requestTagConditions } from '@app/platform';
import { CreateRoleUseCase } from '../use-cases/create-role.use-case';
import { DeleteRoleUseCase } from '../use-cases/delete-role.use-case';
import { GetRoleUseCase } from '../use-cases/get-role.use-case';
import { ListRolesUseCase } from '../use-cases/list-roles.use-case';
import { iamRoleResource, newIamResource } from './iam-resources';
import { CreateRoleRequest, IamListRequest, RoleNameRequest } from './iam.requests';

/** IAM roles of the caller's account and their trust policies. */

export const CreateRole = defineOperation({
  service: 'iam',
  name: 'CreateRole',
  readOnly: false,
  input: CreateRoleRequest,
  resources: (input, scope) => [newIamResource(scope, 'role', input.path, input.roleName)],
  conditions: (input) => requestTagConditions(input.tags),
  useCase: CreateRoleUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (role) => ({ ...role }),
  errors: ['ValidationError', 'MalformedPolicyDocument', 'LimitExceeded', 'EntityAlreadyExists'],
});

export const ListRoles = defineOperation({
  service: 'iam',
  name: 'ListRoles',
  readOnly: true,
  input: IamListRequest,
  useCase: ListRolesUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ['ValidationError'],
});

export const GetRole = defineOperation({
  service: 'iam',
  name: 'GetRole',
  readOnly: true,
  input: RoleNameRequest,
  resources: async (input, scope) => [await iamRoleResource(scope, input.roleName)],
  useCase: GetRoleUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: ['NoSuchEntity'],
});

export const DeleteRole = defineOperation({
  service: 'iam',
  name: 'DeleteRole',
  readOnly: false,
  input: RoleNameRequest,
  resources: async (input, scope) => [await iamRoleResource(scope, input.roleName)],
  useCase: DeleteRoleUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: ['NoSuchEntity', 'DeleteConflict'],
});
