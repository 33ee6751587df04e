import { Controller, Delete, HttpCode, Put, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { DeregisterOrganizationDelegatedAdmin, RegisterOrganizationDelegatedAdmin } from '@app/trails';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';

const nothing = (): void => undefined;
const ACCOUNT_PATH = { accountId: 'The member account (12 digits)' };

/** CloudTrail delegated administrators of the caller's organization (management account only). */
@ApiTags('trails')
@Controller('v1/cloudtrail/delegated-administrators')
export class CloudTrailDelegatedAdministratorsController {
  constructor(private readonly rest: RestOperations) {}

  @Put(':accountId')
  @HttpCode(204)
  @RestOperation(RegisterOrganizationDelegatedAdmin, {
    summary: 'make a member account a CloudTrail delegated administrator',
    description:
      "Registers a member account of the caller's organization as a CloudTrail delegated " +
      'administrator: it may then create and manage the organization trails. Only the management ' +
      'account may call it, in an all-features organization with trusted access for ' +
      'cloudtrail.amazonaws.com; an organization has at most three, and never the management account. ' +
      "It is the same registry as Organizations' RegisterDelegatedAdministrator for cloudtrail.amazonaws.com.",
    path: ACCOUNT_PATH,
  })
  @ApiNoContentResponse({ description: 'Registered' })
  register(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      RegisterOrganizationDelegatedAdmin,
      ({ params }) => ({ memberAccountId: params.accountId }),
      nothing,
    );
  }

  @Delete(':accountId')
  @HttpCode(204)
  @RestOperation(DeregisterOrganizationDelegatedAdmin, {
    summary: 'remove a CloudTrail delegated administrator',
    description:
      'Deregisters a CloudTrail delegated administrator of the organization (management account only). ' +
      'The organization trails it created stay: they belong to the management account.',
    path: ACCOUNT_PATH,
  })
  @ApiNoContentResponse({ description: 'Deregistered' })
  deregister(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      DeregisterOrganizationDelegatedAdmin,
      ({ params }) => ({ delegatedAdminAccountId: params.accountId }),
      nothing,
    );
  }
}
