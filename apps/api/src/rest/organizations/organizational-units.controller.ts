import { Controller, Delete, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateOrganizationalUnit,
  DeleteOrganizationalUnit,
  DescribeOrganizationalUnit,
  ListAccountsForParent,
  ListChildren,
  ListOrganizationalUnitsForParent,
  ListParents,
  UpdateOrganizationalUnit,
} from '@app/organizations';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import { AccountListResponse, toAccountListResponse } from './account.response';
import {
  ChildListResponse,
  OrganizationalUnitListResponse,
  OrganizationalUnitResponse,
  ParentListResponse,
  toChildListResponse,
  toOrganizationalUnitListResponse,
  toOrganizationalUnitResponse,
  toParentListResponse,
} from './organization.response';
import { MANAGEMENT_RULES, READER_RULES } from './organizations-docs';
import { ORGANIZATIONS_PAGE_QUERY, pageInput } from './organizations-page';

const PARENT_PATH = { parentId: 'The root (`r-…`) or an OU (`ou-…`)' };
const UNIT_PATH = { organizationalUnitId: 'The OU (`ou-…`)' };
const nothing = (): void => undefined;

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
    path: UNIT_PATH,
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

  @Patch('units/:organizationalUnitId')
  @RestOperation(UpdateOrganizationalUnit, {
    summary: 'rename an organizational unit',
    description:
      'Renames the OU (`name`, 1–128 characters, unique under its parent; absent leaves it as it is). ' +
      `Its id, ARN, children, policies and tags stay. ${MANAGEMENT_RULES}`,
    path: UNIT_PATH,
    body: { without: ['organizationalUnitId'] },
  })
  @ApiOkResponse({ type: OrganizationalUnitResponse })
  update(@Req() request: FastifyRequest): Promise<OrganizationalUnitResponse> {
    return this.rest.run(
      request,
      UpdateOrganizationalUnit,
      (parts) => parts.bodyWith({ organizationalUnitId: parts.params.organizationalUnitId }),
      toOrganizationalUnitResponse,
    );
  }

  @Delete('units/:organizationalUnitId')
  @HttpCode(204)
  @RestOperation(DeleteOrganizationalUnit, {
    summary: 'delete an organizational unit',
    description:
      'Deletes an empty OU (no accounts, no child OUs: else OrganizationalUnitNotEmptyException); its ' +
      `policy attachments and tags go with it. ${MANAGEMENT_RULES}`,
    path: UNIT_PATH,
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  delete(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      DeleteOrganizationalUnit,
      ({ params }) => ({ organizationalUnitId: params.organizationalUnitId }),
      nothing,
    );
  }

  @Get('parents/:parentId/children')
  @RestOperation(ListChildren, {
    summary: 'list the children of a parent by id',
    description:
      'The ids of the accounts (`childType=ACCOUNT`) or the OUs (`childType=ORGANIZATIONAL_UNIT`) ' +
      `directly under the root or OU given; with the parents listing it walks the tree. ${READER_RULES}`,
    path: PARENT_PATH,
    query: [
      ...ORGANIZATIONS_PAGE_QUERY,
      {
        name: 'childType',
        required: true,
        enum: ['ACCOUNT', 'ORGANIZATIONAL_UNIT'],
        description: 'The kind of child',
      },
    ],
  })
  @ApiOkResponse({ type: ChildListResponse })
  children(@Req() request: FastifyRequest): Promise<ChildListResponse> {
    return this.rest.run(
      request,
      ListChildren,
      (parts) => ({ ...pageInput(parts), parentId: parts.params.parentId, childType: parts.query.childType }),
      toChildListResponse,
    );
  }
}
