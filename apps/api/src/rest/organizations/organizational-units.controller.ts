import { Controller, Get, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateOrganizationalUnit,
  DescribeOrganizationalUnit,
  ListAccountsForParent,
  ListOrganizationalUnitsForParent,
  ListParents,
} from '@app/organizations';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import { AccountListResponse, toAccountListResponse } from './account.response';
import {
  OrganizationalUnitListResponse,
  OrganizationalUnitResponse,
  ParentListResponse,
  toOrganizationalUnitListResponse,
  toOrganizationalUnitResponse,
  toParentListResponse,
} from './organization.response';
import { pageInput } from './organizations-page';

/** Organizational units and the tree of parents. */
@ApiTags('organizations')
@Controller('v1/organization')
export class OrganizationalUnitsController {
  constructor(private readonly rest: RestOperations) {}

  @Post('units')
  @RestOperation(CreateOrganizationalUnit)
  @ApiCreatedResponse({ type: OrganizationalUnitResponse })
  create(@Req() request: FastifyRequest): Promise<OrganizationalUnitResponse> {
    return this.rest.run(request, CreateOrganizationalUnit, ({ body }) => body, toOrganizationalUnitResponse);
  }

  @Get('units/:organizationalUnitId')
  @RestOperation(DescribeOrganizationalUnit)
  @ApiOkResponse({ type: OrganizationalUnitResponse })
  describe(@Req() request: FastifyRequest): Promise<OrganizationalUnitResponse> {
    return this.rest.run(
      request,
      DescribeOrganizationalUnit,
      ({ params }) => ({ organizationalUnitId: params.organizationalUnitId }),
      toOrganizationalUnitResponse,
    );
  }

  @Get('parents')
  @RestOperation(ListParents, 'The parents of the account or OU given as `childId`.')
  @ApiOkResponse({ type: ParentListResponse })
  parents(@Req() request: FastifyRequest): Promise<ParentListResponse> {
    return this.rest.run(
      request,
      ListParents,
      (parts) => ({ ...pageInput(parts), childId: parts.query.childId }),
      toParentListResponse,
    );
  }

  @Get('parents/:parentId/accounts')
  @RestOperation(ListAccountsForParent)
  @ApiOkResponse({ type: AccountListResponse })
  accounts(@Req() request: FastifyRequest): Promise<AccountListResponse> {
    return this.rest.run(
      request,
      ListAccountsForParent,
      (parts) => ({ ...pageInput(parts), parentId: parts.params.parentId }),
      toAccountListResponse,
    );
  }

  @Get('parents/:parentId/units')
  @RestOperation(ListOrganizationalUnitsForParent)
  @ApiOkResponse({ type: OrganizationalUnitListResponse })
  units(@Req() request: FastifyRequest): Promise<OrganizationalUnitListResponse> {
    return this.rest.run(
      request,
      ListOrganizationalUnitsForParent,
      (parts) => ({ ...pageInput(parts), parentId: parts.params.parentId }),
      toOrganizationalUnitListResponse,
    );
  }
}
