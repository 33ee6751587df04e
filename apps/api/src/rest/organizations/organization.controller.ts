import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateOrganizationUseCase,
  DeleteOrganizationUseCase,
  DescribeOrganizationUseCase,
  DisableAwsServiceAccessUseCase,
  EnableAllFeaturesUseCase,
  EnableAwsServiceAccessUseCase,
  LeaveOrganizationUseCase,
  ListAwsServiceAccessForOrganizationUseCase,
  ListRootsUseCase,
} from '@app/organizations';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import { CreateOrganizationRequest } from './create-organization.request';
import {
  EnabledServicePrincipalListResponse,
  toEnabledServicePrincipalListResponse,
} from './delegation.response';
import { HandshakeResponse, toHandshakeResponse } from './handshake.response';
import {
  OrganizationResponse,
  RootListResponse,
  toOrganizationResponse,
  toRootListResponse,
} from './organization.response';
import { OrganizationsPageQuery } from './organizations-page.query';

/** The caller's organization: its lifecycle, its root and trusted service access. */
@ApiTags('organizations')
@Controller('v1/organization')
export class OrganizationController {
  constructor(
    private readonly createOrganization: CreateOrganizationUseCase,
    private readonly describeOrganization: DescribeOrganizationUseCase,
    private readonly deleteOrganization: DeleteOrganizationUseCase,
    private readonly enableAllFeatures: EnableAllFeaturesUseCase,
    private readonly leaveOrganization: LeaveOrganizationUseCase,
    private readonly listRoots: ListRootsUseCase,
    private readonly enableServiceAccess: EnableAwsServiceAccessUseCase,
    private readonly disableServiceAccess: DisableAwsServiceAccessUseCase,
    private readonly listServiceAccess: ListAwsServiceAccessForOrganizationUseCase,
  ) {}

  /** The caller's account founds an organization and becomes its management account. */
  @Post()
  @Operation('organizations', 'CreateOrganization', { readOnly: false })
  @ApiCreatedResponse({ type: OrganizationResponse })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateOrganizationRequest,
  ): Promise<OrganizationResponse> {
    return toOrganizationResponse(await this.createOrganization.execute(ctx, body));
  }

  @Get()
  @Operation('organizations', 'DescribeOrganization', { readOnly: true })
  @ApiOkResponse({ type: OrganizationResponse })
  async describe(@Ctx() ctx: RequestContext): Promise<OrganizationResponse> {
    return toOrganizationResponse(await this.describeOrganization.execute(ctx));
  }

  /** Only once the management account is the last member. */
  @Delete()
  @HttpCode(204)
  @Operation('organizations', 'DeleteOrganization', { readOnly: false })
  @ApiNoContentResponse()
  async delete(@Ctx() ctx: RequestContext): Promise<void> {
    await this.deleteOrganization.execute(ctx);
  }

  /** Moves a consolidated-billing organization to all features; answers the (accepted) handshake. */
  @Post('enable-all-features')
  @HttpCode(200)
  @Operation('organizations', 'EnableAllFeatures', { readOnly: false })
  @ApiOkResponse({ type: HandshakeResponse })
  async enableAll(@Ctx() ctx: RequestContext): Promise<HandshakeResponse> {
    return toHandshakeResponse(await this.enableAllFeatures.execute(ctx));
  }

  /** A member account leaves its organization. */
  @Post('leave')
  @HttpCode(204)
  @Operation('organizations', 'LeaveOrganization', { readOnly: false })
  @ApiNoContentResponse()
  async leave(@Ctx() ctx: RequestContext): Promise<void> {
    await this.leaveOrganization.execute(ctx);
  }

  @Get('roots')
  @Operation('organizations', 'ListRoots', { readOnly: true })
  @ApiOkResponse({ type: RootListResponse })
  async roots(@Ctx() ctx: RequestContext, @Query() query: OrganizationsPageQuery): Promise<RootListResponse> {
    return toRootListResponse(await this.listRoots.execute(ctx, query));
  }

  @Get('service-access')
  @Operation('organizations', 'ListAWSServiceAccessForOrganization', { readOnly: true })
  @ApiOkResponse({ type: EnabledServicePrincipalListResponse })
  async serviceAccess(
    @Ctx() ctx: RequestContext,
    @Query() query: OrganizationsPageQuery,
  ): Promise<EnabledServicePrincipalListResponse> {
    return toEnabledServicePrincipalListResponse(await this.listServiceAccess.execute(ctx, query));
  }

  @Put('service-access/:servicePrincipal')
  @HttpCode(204)
  @Operation('organizations', 'EnableAWSServiceAccess', { readOnly: false })
  @ApiNoContentResponse()
  async enableAccess(
    @Ctx() ctx: RequestContext,
    @Param('servicePrincipal') servicePrincipal: string,
  ): Promise<void> {
    await this.enableServiceAccess.execute(ctx, { servicePrincipal });
  }

  @Delete('service-access/:servicePrincipal')
  @HttpCode(204)
  @Operation('organizations', 'DisableAWSServiceAccess', { readOnly: false })
  @ApiNoContentResponse()
  async disableAccess(
    @Ctx() ctx: RequestContext,
    @Param('servicePrincipal') servicePrincipal: string,
  ): Promise<void> {
    await this.disableServiceAccess.execute(ctx, { servicePrincipal });
  }
}
