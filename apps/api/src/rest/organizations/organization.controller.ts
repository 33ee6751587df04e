import { Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateOrganization,
  DeleteOrganization,
  DescribeOrganization,
  DisableAWSServiceAccess,
  EnableAllFeatures,
  EnableAWSServiceAccess,
  LeaveOrganization,
  ListAWSServiceAccessForOrganization,
  ListRoots,
} from '@app/organizations';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
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
import { pageInput } from './organizations-page';

const nothing = (): void => undefined;

/** The caller's organization: its lifecycle, its root and trusted service access. */
@ApiTags('organizations')
@Controller('v1/organization')
export class OrganizationController {
  constructor(private readonly rest: RestOperations) {}

  @Post()
  @RestOperation(
    CreateOrganization,
    "The caller's account founds an organization and becomes its management account.",
  )
  @ApiCreatedResponse({ type: OrganizationResponse })
  create(@Req() request: FastifyRequest): Promise<OrganizationResponse> {
    return this.rest.run(request, CreateOrganization, ({ body }) => body, toOrganizationResponse);
  }

  @Get()
  @RestOperation(DescribeOrganization)
  @ApiOkResponse({ type: OrganizationResponse })
  describe(@Req() request: FastifyRequest): Promise<OrganizationResponse> {
    return this.rest.run(request, DescribeOrganization, () => ({}), toOrganizationResponse);
  }

  @Delete()
  @HttpCode(204)
  @RestOperation(DeleteOrganization, 'Only once the management account is the last member.')
  delete(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeleteOrganization, () => ({}), nothing);
  }

  @Post('enable-all-features')
  @HttpCode(200)
  @RestOperation(
    EnableAllFeatures,
    'Moves a consolidated-billing organization to all features; answers the handshake.',
  )
  @ApiOkResponse({ type: HandshakeResponse })
  enableAll(@Req() request: FastifyRequest): Promise<HandshakeResponse> {
    return this.rest.run(request, EnableAllFeatures, () => ({}), toHandshakeResponse);
  }

  @Post('leave')
  @HttpCode(204)
  @RestOperation(LeaveOrganization, 'A member account leaves its organization.')
  leave(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, LeaveOrganization, () => ({}), nothing);
  }

  @Get('roots')
  @RestOperation(ListRoots)
  @ApiOkResponse({ type: RootListResponse })
  roots(@Req() request: FastifyRequest): Promise<RootListResponse> {
    return this.rest.run(request, ListRoots, pageInput, toRootListResponse);
  }

  @Get('service-access')
  @RestOperation(ListAWSServiceAccessForOrganization)
  @ApiOkResponse({ type: EnabledServicePrincipalListResponse })
  serviceAccess(@Req() request: FastifyRequest): Promise<EnabledServicePrincipalListResponse> {
    return this.rest.run(
      request,
      ListAWSServiceAccessForOrganization,
      pageInput,
      toEnabledServicePrincipalListResponse,
    );
  }

  @Put('service-access/:servicePrincipal')
  @HttpCode(204)
  @RestOperation(EnableAWSServiceAccess)
  enableAccess(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      EnableAWSServiceAccess,
      ({ params }) => ({ servicePrincipal: params.servicePrincipal }),
      nothing,
    );
  }

  @Delete('service-access/:servicePrincipal')
  @HttpCode(204)
  @RestOperation(DisableAWSServiceAccess)
  disableAccess(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      DisableAWSServiceAccess,
      ({ params }) => ({ servicePrincipal: params.servicePrincipal }),
      nothing,
    );
  }
}
