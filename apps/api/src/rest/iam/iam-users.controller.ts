import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateAccessKeyUseCase,
  CreateUserUseCase,
  DeleteAccessKeyUseCase,
  DeleteUserUseCase,
  GetUserUseCase,
  ListAccessKeysUseCase,
  ListUsersUseCase,
} from '@app/iam';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import { CreateUserRequest, IamListQuery } from './iam.requests';
import {
  AccessKeyListResponse,
  AccessKeyResponse,
  toAccessKeyResponse,
  toUserListResponse,
  toUserResponse,
  UserListResponse,
  UserResponse,
} from './iam.responses';

/** IAM users of the caller's account and their access keys (policies: iam-principal-policies.controller.ts). */
@ApiTags('iam')
@Controller('v1/iam/users')
export class IamUsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
    private readonly getUser: GetUserUseCase,
    private readonly listUsers: ListUsersUseCase,
    private readonly deleteUser: DeleteUserUseCase,
    private readonly createAccessKey: CreateAccessKeyUseCase,
    private readonly deleteAccessKey: DeleteAccessKeyUseCase,
    private readonly listAccessKeys: ListAccessKeysUseCase,
  ) {}

  @Post()
  @Operation('iam', 'CreateUser', { readOnly: false })
  @ApiCreatedResponse({ type: UserResponse })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return toUserResponse(await this.createUser.execute(ctx, body));
  }

  @Get()
  @Operation('iam', 'ListUsers', { readOnly: true })
  @ApiOkResponse({ type: UserListResponse })
  async list(@Ctx() ctx: RequestContext, @Query() query: IamListQuery): Promise<UserListResponse> {
    return toUserListResponse(await this.listUsers.execute(ctx, query));
  }

  @Get(':userName')
  @Operation('iam', 'GetUser', { readOnly: true })
  @ApiOkResponse({ type: UserResponse })
  async get(@Ctx() ctx: RequestContext, @Param('userName') userName: string): Promise<UserResponse> {
    return toUserResponse(await this.getUser.execute(ctx, { userName }));
  }

  @Delete(':userName')
  @HttpCode(204)
  @Operation('iam', 'DeleteUser', { readOnly: false })
  @ApiNoContentResponse()
  async remove(@Ctx() ctx: RequestContext, @Param('userName') userName: string): Promise<void> {
    await this.deleteUser.execute(ctx, { userName });
  }

  /** The secret is in this answer only. */
  @Post(':userName/access-keys')
  @Operation('iam', 'CreateAccessKey', { readOnly: false })
  @ApiCreatedResponse({ type: AccessKeyResponse })
  async createKey(
    @Ctx() ctx: RequestContext,
    @Param('userName') userName: string,
  ): Promise<AccessKeyResponse> {
    return toAccessKeyResponse(await this.createAccessKey.execute(ctx, { userName }));
  }

  @Get(':userName/access-keys')
  @Operation('iam', 'ListAccessKeys', { readOnly: true })
  @ApiOkResponse({ type: AccessKeyListResponse })
  async keys(
    @Ctx() ctx: RequestContext,
    @Param('userName') userName: string,
  ): Promise<AccessKeyListResponse> {
    return {
      accessKeyMetadata: (await this.listAccessKeys.execute(ctx, { userName })).map(toAccessKeyResponse),
    };
  }

  @Delete(':userName/access-keys/:accessKeyId')
  @HttpCode(204)
  @Operation('iam', 'DeleteAccessKey', { readOnly: false })
  @ApiNoContentResponse()
  async deleteKey(
    @Ctx() ctx: RequestContext,
    @Param('userName') userName: string,
    @Param('accessKeyId') accessKeyId: string,
  ): Promise<void> {
    await this.deleteAccessKey.execute(ctx, { userName, accessKeyId });
  }
}
