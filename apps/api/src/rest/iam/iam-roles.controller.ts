import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AttachPrincipalPolicyUseCase,
  CreateRoleUseCase,
  DeletePrincipalPolicyUseCase,
  DeleteRoleUseCase,
  DetachPrincipalPolicyUseCase,
  GetPrincipalPolicyUseCase,
  GetRoleUseCase,
  ListAttachedPrincipalPoliciesUseCase,
  ListPrincipalPoliciesUseCase,
  ListRolesUseCase,
  PutPrincipalPolicyUseCase,
} from '@app/iam';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import {
  AttachPolicyRequest,
  CreateRoleRequest,
  DetachPolicyQuery,
  IamListQuery,
  PutInlinePolicyRequest,
} from './iam.requests';
import {
  AttachedPolicyListResponse,
  InlinePolicyNamesResponse,
  InlinePolicyResponse,
  RoleListResponse,
  RoleResponse,
  toAttachedPolicyListResponse,
  toRoleListResponse,
  toRoleResponse,
} from './iam.responses';

/** IAM roles of the caller's account: their trust policies, managed and inline policies. */
@ApiTags('iam')
@Controller('v1/iam/roles')
export class IamRolesController {
  constructor(
    private readonly createRole: CreateRoleUseCase,
    private readonly getRole: GetRoleUseCase,
    private readonly listRoles: ListRolesUseCase,
    private readonly deleteRole: DeleteRoleUseCase,
    private readonly attachPolicy: AttachPrincipalPolicyUseCase,
    private readonly detachPolicy: DetachPrincipalPolicyUseCase,
    private readonly listAttachedPolicies: ListAttachedPrincipalPoliciesUseCase,
    private readonly putPolicy: PutPrincipalPolicyUseCase,
    private readonly getPolicy: GetPrincipalPolicyUseCase,
    private readonly deletePolicy: DeletePrincipalPolicyUseCase,
    private readonly listPolicies: ListPrincipalPoliciesUseCase,
  ) {}

  @Post()
  @Operation('iam', 'CreateRole', { readOnly: false })
  @ApiCreatedResponse({ type: RoleResponse })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateRoleRequest): Promise<RoleResponse> {
    return toRoleResponse(await this.createRole.execute(ctx, body));
  }

  @Get()
  @Operation('iam', 'ListRoles', { readOnly: true })
  @ApiOkResponse({ type: RoleListResponse })
  async list(@Ctx() ctx: RequestContext, @Query() query: IamListQuery): Promise<RoleListResponse> {
    return toRoleListResponse(await this.listRoles.execute(ctx, query));
  }

  @Get(':roleName')
  @Operation('iam', 'GetRole', { readOnly: true })
  @ApiOkResponse({ type: RoleResponse })
  async get(@Ctx() ctx: RequestContext, @Param('roleName') roleName: string): Promise<RoleResponse> {
    return toRoleResponse(await this.getRole.execute(ctx, { roleName }));
  }

  @Delete(':roleName')
  @HttpCode(204)
  @Operation('iam', 'DeleteRole', { readOnly: false })
  @ApiNoContentResponse()
  async remove(@Ctx() ctx: RequestContext, @Param('roleName') roleName: string): Promise<void> {
    await this.deleteRole.execute(ctx, { roleName });
  }

  @Get(':roleName/attached-policies')
  @Operation('iam', 'ListAttachedRolePolicies', { readOnly: true })
  @ApiOkResponse({ type: AttachedPolicyListResponse })
  async attachedPolicies(
    @Ctx() ctx: RequestContext,
    @Param('roleName') roleName: string,
  ): Promise<AttachedPolicyListResponse> {
    return toAttachedPolicyListResponse(
      await this.listAttachedPolicies.execute(ctx, { kind: 'role', principalName: roleName }),
    );
  }

  @Post(':roleName/attached-policies')
  @HttpCode(204)
  @Operation('iam', 'AttachRolePolicy', { readOnly: false })
  @ApiNoContentResponse()
  async attach(
    @Ctx() ctx: RequestContext,
    @Param('roleName') roleName: string,
    @Body() body: AttachPolicyRequest,
  ): Promise<void> {
    await this.attachPolicy.execute(ctx, {
      kind: 'role',
      principalName: roleName,
      policyArn: body.policyArn,
    });
  }

  @Delete(':roleName/attached-policies')
  @HttpCode(204)
  @Operation('iam', 'DetachRolePolicy', { readOnly: false })
  @ApiNoContentResponse()
  async detach(
    @Ctx() ctx: RequestContext,
    @Param('roleName') roleName: string,
    @Query() query: DetachPolicyQuery,
  ): Promise<void> {
    await this.detachPolicy.execute(ctx, {
      kind: 'role',
      principalName: roleName,
      policyArn: query.policyArn,
    });
  }

  @Get(':roleName/policies')
  @Operation('iam', 'ListRolePolicies', { readOnly: true })
  @ApiOkResponse({ type: InlinePolicyNamesResponse })
  async inlinePolicies(
    @Ctx() ctx: RequestContext,
    @Param('roleName') roleName: string,
  ): Promise<InlinePolicyNamesResponse> {
    return { policyNames: await this.listPolicies.execute(ctx, { kind: 'role', principalName: roleName }) };
  }

  @Put(':roleName/policies/:policyName')
  @HttpCode(204)
  @Operation('iam', 'PutRolePolicy', { readOnly: false })
  @ApiNoContentResponse()
  async putInline(
    @Ctx() ctx: RequestContext,
    @Param('roleName') roleName: string,
    @Param('policyName') policyName: string,
    @Body() body: PutInlinePolicyRequest,
  ): Promise<void> {
    await this.putPolicy.execute(ctx, { kind: 'role', principalName: roleName, policyName, ...body });
  }

  @Get(':roleName/policies/:policyName')
  @Operation('iam', 'GetRolePolicy', { readOnly: true })
  @ApiOkResponse({ type: InlinePolicyResponse })
  async getInline(
    @Ctx() ctx: RequestContext,
    @Param('roleName') roleName: string,
    @Param('policyName') policyName: string,
  ): Promise<InlinePolicyResponse> {
    return this.getPolicy.execute(ctx, { kind: 'role', principalName: roleName, policyName });
  }

  @Delete(':roleName/policies/:policyName')
  @HttpCode(204)
  @Operation('iam', 'DeleteRolePolicy', { readOnly: false })
  @ApiNoContentResponse()
  async deleteInline(
    @Ctx() ctx: RequestContext,
    @Param('roleName') roleName: string,
    @Param('policyName') policyName: string,
  ): Promise<void> {
    await this.deletePolicy.execute(ctx, { kind: 'role', principalName: roleName, policyName });
  }
}
