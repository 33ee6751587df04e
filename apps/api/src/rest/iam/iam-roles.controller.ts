import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateRole, DeleteRole, GetRole, ListRoles } from '@app/iam';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import { iamListInput } from './iam-list-query';
import { RoleListResponse, RoleResponse, toRoleListResponse, toRoleResponse } from './iam.responses';

/** IAM roles of the caller's account and their trust policies (policies: iam-principal-policies.controller.ts). */
@ApiTags('iam')
@Controller('v1/iam/roles')
export class IamRolesController {
  constructor(private readonly rest: RestOperations) {}

  @Post()
  @RestOperation(CreateRole)
  @ApiCreatedResponse({ type: RoleResponse })
  create(@Req() request: FastifyRequest): Promise<RoleResponse> {
    return this.rest.run(request, CreateRole, ({ body }) => body, toRoleResponse);
  }

  @Get()
  @RestOperation(ListRoles)
  @ApiOkResponse({ type: RoleListResponse })
  list(@Req() request: FastifyRequest): Promise<RoleListResponse> {
    return this.rest.run(request, ListRoles, iamListInput, toRoleListResponse);
  }

  @Get(':roleName')
  @RestOperation(GetRole)
  @ApiOkResponse({ type: RoleResponse })
  get(@Req() request: FastifyRequest): Promise<RoleResponse> {
    return this.rest.run(request, GetRole, ({ params }) => ({ roleName: params.roleName }), toRoleResponse);
  }

  @Delete(':roleName')
  @HttpCode(204)
  @RestOperation(DeleteRole)
  remove(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      DeleteRole,
      ({ params }) => ({ roleName: params.roleName }),
      () => undefined,
    );
  }
}
