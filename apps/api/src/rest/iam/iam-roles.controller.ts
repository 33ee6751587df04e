import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateRole, DeleteRole, GetRole, ListRoles } from '@app/iam';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import { IAM_LIST_QUERY, iamListInput } from './iam-list-query';
import { RoleListResponse, RoleResponse, toRoleListResponse, toRoleResponse } from './iam.responses';

const ROLE_PATH = { roleName: "A role of the caller's account" };

/** IAM roles of the caller's account and their trust policies (policies: iam-principal-policies.controller.ts). */
@ApiTags('iam')
@Controller('v1/iam/roles')
export class IamRolesController {
  constructor(private readonly rest: RestOperations) {}

  @Post()
  @RestOperation(CreateRole, {
    summary: "create an IAM role in the caller's account",
    description:
      'A role whose trust policy (`assumeRolePolicyDocument`, JSON text or the JSON itself, at most ' +
      '2,048 characters without whitespace) says who may assume it with AssumeRole. Names are 1–64 ' +
      'characters of `[\\w+=,.@-]`, unique in the account whatever their case; `maxSessionDuration` ' +
      'is 3,600–43,200 seconds.',
    body: {},
  })
  @ApiCreatedResponse({ type: RoleResponse, description: 'The role created' })
  create(@Req() request: FastifyRequest): Promise<RoleResponse> {
    return this.rest.run(request, CreateRole, ({ body }) => body, toRoleResponse);
  }

  @Get()
  @RestOperation(ListRoles, {
    summary: "list the account's IAM roles",
    description: "The caller's account's roles under `pathPrefix`, in name order, `maxItems` a page.",
    query: IAM_LIST_QUERY,
  })
  @ApiOkResponse({ type: RoleListResponse })
  list(@Req() request: FastifyRequest): Promise<RoleListResponse> {
    return this.rest.run(request, ListRoles, iamListInput, toRoleListResponse);
  }

  @Get(':roleName')
  @RestOperation(GetRole, {
    summary: 'read an IAM role',
    description: "A role of the caller's account, with its trust policy and tags.",
    path: ROLE_PATH,
  })
  @ApiOkResponse({ type: RoleResponse })
  get(@Req() request: FastifyRequest): Promise<RoleResponse> {
    return this.rest.run(request, GetRole, ({ params }) => ({ roleName: params.roleName }), toRoleResponse);
  }

  @Delete(':roleName')
  @HttpCode(204)
  @RestOperation(DeleteRole, {
    summary: 'delete an IAM role',
    description:
      'Deletes a role that has no attached managed policies and no inline policies left ' +
      '(DeleteConflict otherwise).',
    path: ROLE_PATH,
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      DeleteRole,
      ({ params }) => ({ roleName: params.roleName }),
      () => undefined,
    );
  }
}
