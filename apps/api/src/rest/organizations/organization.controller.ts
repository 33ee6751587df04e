import { Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { MANAGEMENT_RULES, READER_RULES } from './organizations-docs';
import { ORGANIZATIONS_PAGE_QUERY, pageInput } from './organizations-page';

const nothing = (): void => undefined;
const SERVICE_PATH = {
  servicePrincipal: 'A service principal Organizations knows, e.g. `cloudtrail.amazonaws.com`',
};

/** The caller's organization: its lifecycle, its root and trusted service access. */
@ApiTags('organizations')
@Controller('v1/organization')
export class OrganizationController {
  constructor(private readonly rest: RestOperations) {}

  @Post()
  @RestOperation(CreateOrganization, {
    summary: 'create an organization',
    description:
      "The caller's account, in no organization yet, founds one and becomes its management account; " +
      'the organization has one root. `featureSet` is `ALL` (the default) or `CONSOLIDATED_BILLING`.',
    body: {},
  })
  @ApiCreatedResponse({ type: OrganizationResponse, description: 'The organization created' })
  create(@Req() request: FastifyRequest): Promise<OrganizationResponse> {
    return this.rest.run(request, CreateOrganization, ({ body }) => body, toOrganizationResponse);
  }

  @Get()
  @RestOperation(DescribeOrganization, {
    summary: "describe the caller's organization",
    description: "The organization the caller's account belongs to; any member may call it.",
  })
  @ApiOkResponse({ type: OrganizationResponse })
  describe(@Req() request: FastifyRequest): Promise<OrganizationResponse> {
    return this.rest.run(request, DescribeOrganization, () => ({}), toOrganizationResponse);
  }

  @Delete()
  @HttpCode(204)
  @RestOperation(DeleteOrganization, {
    summary: 'delete the organization',
    description: `Deletes the organization once the management account is its only member. ${MANAGEMENT_RULES}`,
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  delete(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeleteOrganization, () => ({}), nothing);
  }

  @Post('enable-all-features')
  @HttpCode(200)
  @RestOperation(EnableAllFeatures, {
    summary: 'enable all features',
    description:
      'Moves a consolidated-billing organization to all features (SCPs, trusted access, delegated ' +
      `administrators); answers the ENABLE_ALL_FEATURES handshake. ${MANAGEMENT_RULES}`,
  })
  @ApiOkResponse({ type: HandshakeResponse })
  enableAll(@Req() request: FastifyRequest): Promise<HandshakeResponse> {
    return this.rest.run(request, EnableAllFeatures, () => ({}), toHandshakeResponse);
  }

  @Post('leave')
  @HttpCode(204)
  @RestOperation(LeaveOrganization, {
    summary: 'leave the organization',
    description:
      "The caller's member account leaves its organization and becomes standalone. The management " +
      'account cannot leave (delete the organization instead); a delegated administrator must be ' +
      'deregistered first (ConstraintViolationException).',
  })
  @ApiNoContentResponse({ description: 'Left' })
  leave(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, LeaveOrganization, () => ({}), nothing);
  }

  @Get('roots')
  @RestOperation(ListRoots, {
    summary: "list the organization's roots",
    description: `The organization's root, with the policy types enabled in it. ${READER_RULES}`,
    query: ORGANIZATIONS_PAGE_QUERY,
  })
  @ApiOkResponse({ type: RootListResponse })
  roots(@Req() request: FastifyRequest): Promise<RootListResponse> {
    return this.rest.run(request, ListRoots, pageInput, toRootListResponse);
  }

  @Get('service-access')
  @RestOperation(ListAWSServiceAccessForOrganization, {
    summary: 'list the services with trusted access',
    description: `The service principals with trusted access to the organization. ${READER_RULES}`,
    query: ORGANIZATIONS_PAGE_QUERY,
  })
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
  @RestOperation(EnableAWSServiceAccess, {
    summary: 'enable trusted access for a service',
    description:
      'Lets the service act in the organization (CloudTrail: organization trails and delegated ' +
      `administrators). Needs all features. ${MANAGEMENT_RULES}`,
    path: SERVICE_PATH,
  })
  @ApiNoContentResponse({ description: 'Enabled' })
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
  @RestOperation(DisableAWSServiceAccess, {
    summary: 'disable trusted access for a service',
    description: `Withdraws the service's trusted access to the organization. ${MANAGEMENT_RULES}`,
    path: SERVICE_PATH,
  })
  @ApiNoContentResponse({ description: 'Disabled' })
  disableAccess(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      DisableAWSServiceAccess,
      ({ params }) => ({ servicePrincipal: params.servicePrincipal }),
      nothing,
    );
  }
}
