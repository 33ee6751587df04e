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
import { MANAGEMENT_RULES, READER_RULES } from './organizations-docs';
import { ORGANIZATIONS_PAGE_QUERY, pageInput } from './organizations-page';

const PARENT_PATH = { parentId: 'The root (`r-…`) or an OU (`ou-…`)' };

/** Organizational units and the tree of parents. */
@ApiTags('organizations')
@Controller('v1/organization')
export class OrganizationalUnitsController {
  constructor(private readonly rest: RestOperations) {}

  @Post('units')
  @RestOperation(CreateOrganizationalUnit, {
    summary: 'create an organizational unit',
    description:
      'An OU under the root or another OU (`parentId`), at most five levels deep and 1,000 in the ' +
      `organization; names are 1–128 characters, unique under their parent. ${MANAGEMENT_RULES}`,
    body: {},
  })
  @ApiCreatedResponse({ type: OrganizationalUnitResponse })
  create(@Req() request: FastifyRequest): Promise<OrganizationalUnitResponse> {
    return this.rest.run(request, CreateOrganizationalUnit, ({ body }) => body, toOrganizationalUnitResponse);
  }

  @Get('units/:organizationalUnitId')
  @RestOperation(DescribeOrganizationalUnit, {
    summary: 'describe an organizational unit',
    description: `An OU of the caller's organization, with its path from the root. ${READER_RULES}`,
    path: { organizationalUnitId: 'The OU (`ou-…`)' },
  })
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
  @RestOperation(ListParents, {
    summary: 'list the parents of an account or OU',
    description: `The parent — the root or an OU — of the account or OU given as \`childId\`. ${READER_RULES}`,
    query: [
      ...ORGANIZATIONS_PAGE_QUERY,
      { name: 'childId', required: true, type: String, description: 'A member account or an OU' },
    ],
  })
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
  @RestOperation(ListAccountsForParent, {
    summary: 'list the accounts directly under a parent',
    description: `The accounts whose parent is the root or OU given. ${READER_RULES}`,
    path: PARENT_PATH,
    query: ORGANIZATIONS_PAGE_QUERY,
  })
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
  @RestOperation(ListOrganizationalUnitsForParent, {
    summary: 'list the OUs directly under a parent',
    description: `The OUs whose parent is the root or OU given. ${READER_RULES}`,
    path: PARENT_PATH,
    query: ORGANIZATIONS_PAGE_QUERY,
  })
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
