import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { iamListInput } from './iam-list-query';
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

/** IAM users of the caller's account and their access keys (policies: iam-principal-policies.controller.ts). */
@ApiTags('iam')
@Controller('v1/iam/users')
export class IamUsersController {
  constructor(private readonly rest: RestOperations) {}

  @Post()
  @RestOperation(CreateUser)
  @ApiCreatedResponse({ type: UserResponse })
  create(@Req() request: FastifyRequest): Promise<UserResponse> {
    return this.rest.run(request, CreateUser, ({ body }) => body, toUserResponse);
  }

  @Get()
  @RestOperation(ListUsers)
  @ApiOkResponse({ type: UserListResponse })
  list(@Req() request: FastifyRequest): Promise<UserListResponse> {
    return this.rest.run(request, ListUsers, iamListInput, toUserListResponse);
  }

  @Get(':userName')
  @RestOperation(GetUser)
  @ApiOkResponse({ type: UserResponse })
  get(@Req() request: FastifyRequest): Promise<UserResponse> {
    return this.rest.run(request, GetUser, ({ params }) => ({ userName: params.userName }), toUserResponse);
  }

  @Delete(':userName')
  @HttpCode(204)
  @RestOperation(DeleteUser)
  remove(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeleteUser, ({ params }) => ({ userName: params.userName }), nothing);
  }

  @Post(':userName/access-keys')
  @RestOperation(CreateAccessKey, 'The secret access key is in this answer only.')
  @ApiCreatedResponse({ type: AccessKeyResponse })
  createKey(@Req() request: FastifyRequest): Promise<AccessKeyResponse> {
    return this.rest.run(
      request,
      CreateAccessKey,
      ({ params }) => ({ userName: params.userName }),
      toAccessKeyResponse,
    );
  }

  @Get(':userName/access-keys')
  @RestOperation(ListAccessKeys)
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
  @RestOperation(DeleteAccessKey)
  deleteKey(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      DeleteAccessKey,
      ({ params }) => ({ userName: params.userName, accessKeyId: params.accessKeyId }),
      nothing,
    );
  }
}
