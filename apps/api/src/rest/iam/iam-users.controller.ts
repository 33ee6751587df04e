import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateAccessKey,
  CreateUser,
  DeleteAccessKey,
  DeleteUser,
  GetUser,
  ListAccessKeys,
  ListUsers,
} from '@app/iam';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import { IAM_LIST_QUERY, iamListInput } from './iam-list-query';
import {
  AccessKeyListResponse,
  AccessKeyResponse,
  toAccessKeyResponse,
  toUserListResponse,
  toUserResponse,
  UserListResponse,
  UserResponse,
} from './iam.responses';

const nothing = (): void => undefined;
const USER_PATH = { userName: "A user of the caller's account" };

/** IAM users of the caller's account and their access keys (policies: iam-principal-policies.controller.ts). */
@ApiTags('iam')
@Controller('v1/iam/users')
export class IamUsersController {
  constructor(private readonly rest: RestOperations) {}

  @Post()
  @RestOperation(CreateUser, {
    summary: "create an IAM user in the caller's account",
    description:
      'A user with no permissions until policies are attached or put, and no credentials until ' +
      'CreateAccessKey. Names are 1–64 characters of `[\\w+=,.@-]`, unique in the account whatever ' +
      'their case; the path (default `/`) begins and ends with `/`; at most 50 tags.',
    body: {},
  })
  @ApiCreatedResponse({ type: UserResponse, description: 'The user created' })
  create(@Req() request: FastifyRequest): Promise<UserResponse> {
    return this.rest.run(request, CreateUser, ({ body }) => body, toUserResponse);
  }

  @Get()
  @RestOperation(ListUsers, {
    summary: "list the account's IAM users",
    description: "The caller's account's users under `pathPrefix`, in name order, `maxItems` a page.",
    query: IAM_LIST_QUERY,
  })
  @ApiOkResponse({ type: UserListResponse })
  list(@Req() request: FastifyRequest): Promise<UserListResponse> {
    return this.rest.run(request, ListUsers, iamListInput, toUserListResponse);
  }

  @Get(':userName')
  @RestOperation(GetUser, {
    summary: 'read an IAM user',
    description: "A user of the caller's account, with its tags.",
    path: USER_PATH,
  })
  @ApiOkResponse({ type: UserResponse })
  get(@Req() request: FastifyRequest): Promise<UserResponse> {
    return this.rest.run(request, GetUser, ({ params }) => ({ userName: params.userName }), toUserResponse);
  }

  @Delete(':userName')
  @HttpCode(204)
  @RestOperation(DeleteUser, {
    summary: 'delete an IAM user',
    description:
      'Deletes a user that has no access keys, no attached managed policies and no inline policies ' +
      'left (DeleteConflict otherwise).',
    path: USER_PATH,
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeleteUser, ({ params }) => ({ userName: params.userName }), nothing);
  }

  @Post(':userName/access-keys')
  @RestOperation(CreateAccessKey, {
    summary: 'create an access key for an IAM user',
    description:
      'A new active access key of the user (at most two a user). The secret access key is in this ' +
      'answer only.',
    path: USER_PATH,
  })
  @ApiCreatedResponse({ type: AccessKeyResponse, description: 'The key, with its secret' })
  createKey(@Req() request: FastifyRequest): Promise<AccessKeyResponse> {
    return this.rest.run(
      request,
      CreateAccessKey,
      ({ params }) => ({ userName: params.userName }),
      toAccessKeyResponse,
    );
  }

  @Get(':userName/access-keys')
  @RestOperation(ListAccessKeys, {
    summary: "list an IAM user's access keys",
    description: "The user's access keys, without their secrets.",
    path: USER_PATH,
  })
  @ApiOkResponse({ type: AccessKeyListResponse })
  keys(@Req() request: FastifyRequest): Promise<AccessKeyListResponse> {
    return this.rest.run(
      request,
      ListAccessKeys,
      ({ params }) => ({ userName: params.userName }),
      (keys) => ({ accessKeyMetadata: keys.map(toAccessKeyResponse) }),
    );
  }

  @Delete(':userName/access-keys/:accessKeyId')
  @HttpCode(204)
  @RestOperation(DeleteAccessKey, {
    summary: "delete an IAM user's access key",
    description: 'Deletes one of the user’s access keys: requests signed with it are refused from then on.',
    path: { ...USER_PATH, accessKeyId: 'One of the user’s access key ids (`AKIA…`)' },
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  deleteKey(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      DeleteAccessKey,
      ({ params }) => ({ userName: params.userName, accessKeyId: params.accessKeyId }),
      nothing,
    );
  }
}
