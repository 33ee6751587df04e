import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateOrganizationalUnitUseCase,
  DescribeOrganizationalUnitUseCase,
  ListAccountsForParentUseCase,
  ListOrganizationalUnitsForParentUseCase,
  ListParentsUseCase,
} from '@app/organizations';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import { AccountListResponse, toAccountListResponse } from './account.response';
import { CreateOrganizationalUnitRequest } from './create-organizational-unit.request';
import { ListParentsQuery } from './list-parents.query';
import {
  OrganizationalUnitListResponse,
  OrganizationalUnitResponse,
  ParentListResponse,
  toOrganizationalUnitListResponse,
  toOrganizationalUnitResponse,
  toParentListResponse,
} from './organization.response';
import { OrganizationsPageQuery } from './organizations-page.query';

/** The tree: organizational units under the root, and what each parent (root or OU) holds. */
@ApiTags('organizations')
@Controller('v1/organization')
export class OrganizationalUnitsController {
  constructor(
    private readonly createOrganizationalUnit: CreateOrganizationalUnitUseCase,
    private readonly describeOrganizationalUnit: DescribeOrganizationalUnitUseCase,
    private readonly listOrganizationalUnits: ListOrganizationalUnitsForParentUseCase,
    private readonly listAccountsForParent: ListAccountsForParentUseCase,
    private readonly listParents: ListParentsUseCase,
  ) {}

  @Post('units')
  @Operation('organizations', 'CreateOrganizationalUnit', { readOnly: false })
  @ApiCreatedResponse({ type: OrganizationalUnitResponse })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateOrganizationalUnitRequest,
  ): Promise<OrganizationalUnitResponse> {
    return toOrganizationalUnitResponse(await this.createOrganizationalUnit.execute(ctx, body));
  }

  @Get('units/:organizationalUnitId')
  @Operation('organizations', 'DescribeOrganizationalUnit', { readOnly: true })
  @ApiOkResponse({ type: OrganizationalUnitResponse })
  async describe(
    @Ctx() ctx: RequestContext,
    @Param('organizationalUnitId') organizationalUnitId: string,
  ): Promise<OrganizationalUnitResponse> {
    return toOrganizationalUnitResponse(
      await this.describeOrganizationalUnit.execute(ctx, { organizationalUnitId }),
    );
  }

  /** The parent (root or OU) of an account or OU: `?childId=…`. */
  @Get('parents')
  @Operation('organizations', 'ListParents', { readOnly: true })
  @ApiOkResponse({ type: ParentListResponse })
  async parents(@Ctx() ctx: RequestContext, @Query() query: ListParentsQuery): Promise<ParentListResponse> {
    return toParentListResponse(await this.listParents.execute(ctx, query));
  }

  @Get('parents/:parentId/accounts')
  @Operation('organizations', 'ListAccountsForParent', { readOnly: true })
  @ApiOkResponse({ type: AccountListResponse })
  async accounts(
    @Ctx() ctx: RequestContext,
    @Param('parentId') parentId: string,
    @Query() query: OrganizationsPageQuery,
  ): Promise<AccountListResponse> {
    return toAccountListResponse(await this.listAccountsForParent.execute(ctx, { ...query, parentId }));
  }

  @Get('parents/:parentId/units')
  @Operation('organizations', 'ListOrganizationalUnitsForParent', { readOnly: true })
  @ApiOkResponse({ type: OrganizationalUnitListResponse })
  async units(
    @Ctx() ctx: RequestContext,
    @Param('parentId') parentId: string,
    @Query() query: OrganizationsPageQuery,
  ): Promise<OrganizationalUnitListResponse> {
    return toOrganizationalUnitListResponse(
      await this.listOrganizationalUnits.execute(ctx, { ...query, parentId }),
    );
  }
}
