import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateRoleUseCase, DeleteRoleUseCase, GetRoleUseCase, ListRolesUseCase } from '@app/iam';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import { CreateRoleRequest, IamListQuery } from './iam.requests';
import { RoleListResponse, RoleResponse, toRoleListResponse, toRoleResponse } from './iam.responses';

/** IAM roles of the caller's account and their trust policies (policies: iam-principal-policies.controller.ts). */
@ApiTags('iam')
@Controller('v1/iam/roles')
export class IamRolesController {
  constructor(
    private readonly createRole: CreateRoleUseCase,
    private readonly getRole: GetRoleUseCase,
    private readonly listRoles: ListRolesUseCase,
    private readonly deleteRole: DeleteRoleUseCase,
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
}
