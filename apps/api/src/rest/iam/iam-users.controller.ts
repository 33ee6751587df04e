import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AttachPrincipalPolicyUseCase,
  CreateAccessKeyUseCase,
  CreateUserUseCase,
  DeleteAccessKeyUseCase,
  DeletePrincipalPolicyUseCase,
  DeleteUserUseCase,
  DetachPrincipalPolicyUseCase,
  GetPrincipalPolicyUseCase,
  GetUserUseCase,
  ListAccessKeysUseCase,
  ListAttachedPrincipalPoliciesUseCase,
  ListPrincipalPoliciesUseCase,
  ListUsersUseCase,
  PutPrincipalPolicyUseCase,
} from '@app/iam';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import {
  AttachPolicyRequest,
  CreateUserRequest,
  DetachPolicyQuery,
  IamListQuery,
  PutInlinePolicyRequest,
} from './iam.requests';
import {
  AccessKeyListResponse,
  AccessKeyResponse,
  AttachedPolicyListResponse,
  InlinePolicyNamesResponse,
  InlinePolicyResponse,
  toAccessKeyResponse,
  toAttachedPolicyListResponse,
  toUserListResponse,
  toUserResponse,
  UserListResponse,
  UserResponse,
} from './iam.responses';

/** IAM users of the caller's account: their managed and inline policies and access keys. */
@ApiTags('iam')
@Controller('v1/iam/users')
export class IamUsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
    private readonly getUser: GetUserUseCase,
    private readonly listUsers: ListUsersUseCase,
    private readonly deleteUser: DeleteUserUseCase,
    private readonly attachPolicy: AttachPrincipalPolicyUseCase,
    private readonly detachPolicy: DetachPrincipalPolicyUseCase,
    private readonly listAttachedPolicies: ListAttachedPrincipalPoliciesUseCase,
    private readonly putPolicy: PutPrincipalPolicyUseCase,
    private readonly getPolicy: GetPrincipalPolicyUseCase,
    private readonly deletePolicy: DeletePrincipalPolicyUseCase,
    private readonly listPolicies: ListPrincipalPoliciesUseCase,
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

  @Get(':userName/attached-policies')
  @Operation('iam', 'ListAttachedUserPolicies', { readOnly: true })
  @ApiOkResponse({ type: AttachedPolicyListResponse })
  async attachedPolicies(
    @Ctx() ctx: RequestContext,
    @Param('userName') userName: string,
  ): Promise<AttachedPolicyListResponse> {
    return toAttachedPolicyListResponse(
      await this.listAttachedPolicies.execute(ctx, { kind: 'user', principalName: userName }),
    );
  }

  @Post(':userName/attached-policies')
  @HttpCode(204)
  @Operation('iam', 'AttachUserPolicy', { readOnly: false })
  @ApiNoContentResponse()
  async attach(
    @Ctx() ctx: RequestContext,
    @Param('userName') userName: string,
    @Body() body: AttachPolicyRequest,
  ): Promise<void> {
    await this.attachPolicy.execute(ctx, {
      kind: 'user',
      principalName: userName,
      policyArn: body.policyArn,
    });
  }

  @Delete(':userName/attached-policies')
  @HttpCode(204)
  @Operation('iam', 'DetachUserPolicy', { readOnly: false })
  @ApiNoContentResponse()
  async detach(
    @Ctx() ctx: RequestContext,
    @Param('userName') userName: string,
    @Query() query: DetachPolicyQuery,
  ): Promise<void> {
    await this.detachPolicy.execute(ctx, {
      kind: 'user',
      principalName: userName,
      policyArn: query.policyArn,
    });
  }

  @Get(':userName/policies')
  @Operation('iam', 'ListUserPolicies', { readOnly: true })
  @ApiOkResponse({ type: InlinePolicyNamesResponse })
  async inlinePolicies(
    @Ctx() ctx: RequestContext,
    @Param('userName') userName: string,
  ): Promise<InlinePolicyNamesResponse> {
    return { policyNames: await this.listPolicies.execute(ctx, { kind: 'user', principalName: userName }) };
  }

  @Put(':userName/policies/:policyName')
  @HttpCode(204)
  @Operation('iam', 'PutUserPolicy', { readOnly: false })
  @ApiNoContentResponse()
  async putInline(
    @Ctx() ctx: RequestContext,
    @Param('userName') userName: string,
    @Param('policyName') policyName: string,
    @Body() body: PutInlinePolicyRequest,
  ): Promise<void> {
    await this.putPolicy.execute(ctx, { kind: 'user', principalName: userName, policyName, ...body });
  }

  @Get(':userName/policies/:policyName')
  @Operation('iam', 'GetUserPolicy', { readOnly: true })
  @ApiOkResponse({ type: InlinePolicyResponse })
  async getInline(
    @Ctx() ctx: RequestContext,
    @Param('userName') userName: string,
    @Param('policyName') policyName: string,
  ): Promise<InlinePolicyResponse> {
    return this.getPolicy.execute(ctx, { kind: 'user', principalName: userName, policyName });
  }

  @Delete(':userName/policies/:policyName')
  @HttpCode(204)
  @Operation('iam', 'DeleteUserPolicy', { readOnly: false })
  @ApiNoContentResponse()
  async deleteInline(
    @Ctx() ctx: RequestContext,
    @Param('userName') userName: string,
    @Param('policyName') policyName: string,
  ): Promise<void> {
    await this.deletePolicy.execute(ctx, { kind: 'user', principalName: userName, policyName });
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
