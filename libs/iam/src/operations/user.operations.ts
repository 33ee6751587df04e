import { defineOperation, requestTagConditions } from '@app/platform';
import { CreateAccessKeyUseCase } from '../use-cases/create-access-key.use-case';
import { CreateUserUseCase } from '../use-cases/create-user.use-case';
import { DeleteAccessKeyUseCase } from '../use-cases/delete-access-key.use-case';
import { DeleteUserUseCase } from '../use-cases/delete-user.use-case';
import { GetUserUseCase } from '../use-cases/get-user.use-case';
import { ListAccessKeysUseCase } from '../use-cases/list-access-keys.use-case';
import { ListUsersUseCase } from '../use-cases/list-users.use-case';
import { iamUserResource, newIamResource } from './iam-resources';
import { AccessKeyRequest, CreateUserRequest, IamListRequest, UserNameRequest } from './iam.requests';

/** IAM users of the caller's account and their access keys. */

export const CreateUser = defineOperation({
  service: 'iam',
  name: 'CreateUser',
  readOnly: false,
  input: CreateUserRequest,
  resources: (input, scope) => [newIamResource(scope, 'user', input.path, input.userName)],
  conditions: (input) => requestTagConditions(input.tags),
  useCase: CreateUserUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (user) => ({ ...user }),
  errors: ['ValidationError', 'EntityAlreadyExists'],
});

export const ListUsers = defineOperation({
  service: 'iam',
  name: 'ListUsers',
  readOnly: true,
  input: IamListRequest,
  useCase: ListUsersUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ['ValidationError'],
});

export const GetUser = defineOperation({
  service: 'iam',
  name: 'GetUser',
  readOnly: true,
  input: UserNameRequest,
  resources: async (input, scope) => [await iamUserResource(scope, input.userName)],
  useCase: GetUserUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: ['NoSuchEntity'],
});

export const DeleteUser = defineOperation({
  service: 'iam',
  name: 'DeleteUser',
  readOnly: false,
  input: UserNameRequest,
  resources: async (input, scope) => [await iamUserResource(scope, input.userName)],
  useCase: DeleteUserUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: ['NoSuchEntity', 'DeleteConflict'],
});

/** The secret is in this answer only (events record it hidden). */
export const CreateAccessKey = defineOperation({
  service: 'iam',
  name: 'CreateAccessKey',
  readOnly: false,
  input: UserNameRequest,
  resources: async (input, scope) => [await iamUserResource(scope, input.userName)],
  useCase: CreateAccessKeyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (key) => ({ ...key }),
  errors: ['NoSuchEntity', 'LimitExceeded'],
});

export const DeleteAccessKey = defineOperation({
  service: 'iam',
  name: 'DeleteAccessKey',
  readOnly: false,
  input: AccessKeyRequest,
  resources: async (input, scope) => [await iamUserResource(scope, input.userName)],
  useCase: DeleteAccessKeyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: ['NoSuchEntity'],
});

export const ListAccessKeys = defineOperation({
  service: 'iam',
  name: 'ListAccessKeys',
  readOnly: true,
  input: UserNameRequest,
  resources: async (input, scope) => [await iamUserResource(scope, input.userName)],
  useCase: ListAccessKeysUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: ['NoSuchEntity'],
});
