import { Controller, Delete, Get, HttpCode, Put, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  DeregisterDelegatedAdministrator,
  ListDelegatedAdministrators,
  ListDelegatedServicesForAccount,
  RegisterDelegatedAdministrator,
} from '@app/organizations';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations, type RestParts } from '../rest-operations';
import {
  DelegatedAdministratorListResponse,
  DelegatedServiceListResponse,
  toDelegatedAdministratorListResponse,
  toDelegatedServiceListResponse,
} from './delegation.response';
import { MANAGEMENT_RULES, READER_RULES } from './organizations-docs';
import { ORGANIZATIONS_PAGE_QUERY, pageInput } from './organizations-page';

const nothing = (): void => undefined;
const ACCOUNT_PATH = { accountId: 'A member account of the organization (12 digits)' };
const DELEGATION_PATH = {
  ...ACCOUNT_PATH,
  servicePrincipal: 'A service principal Organizations knows, e.g. `cloudtrail.amazonaws.com`',
};
const delegation = ({ params }: RestParts): object => ({
  accountId: params.accountId,
  servicePrincipal: params.servicePrincipal,
});

/** Delegated administrators of the organization's trusted services. */
@ApiTags('organizations')
@Controller('v1/organization/delegated-administrators')
export class DelegatedAdministratorsController {
  constructor(private readonly rest: RestOperations) {}

  @Get()
  @RestOperation(ListDelegatedAdministrators, {
    summary: "list the organization's delegated administrators",
    description: `The accounts registered as delegated administrators, of one service when \`servicePrincipal\` is given. ${READER_RULES}`,
    query: [
      ...ORGANIZATIONS_PAGE_QUERY,
      { name: 'servicePrincipal', required: false, type: String, description: 'Only this service’s' },
    ],
  })
  @ApiOkResponse({ type: DelegatedAdministratorListResponse })
  list(@Req() request: FastifyRequest): Promise<DelegatedAdministratorListResponse> {
    return this.rest.run(
      request,
      ListDelegatedAdministrators,
      (parts) => ({ ...pageInput(parts), servicePrincipal: parts.query.servicePrincipal }),
      toDelegatedAdministratorListResponse,
    );
  }

  @Get(':accountId/services')
  @RestOperation(ListDelegatedServicesForAccount, {
    summary: 'list the services an account is a delegated administrator for',
    description: `The services the member account administers for the organization. ${READER_RULES}`,
    path: ACCOUNT_PATH,
    query: ORGANIZATIONS_PAGE_QUERY,
  })
  @ApiOkResponse({ type: DelegatedServiceListResponse })
  services(@Req() request: FastifyRequest): Promise<DelegatedServiceListResponse> {
    return this.rest.run(
      request,
      ListDelegatedServicesForAccount,
      (parts) => ({ ...pageInput(parts), accountId: parts.params.accountId }),
      toDelegatedServiceListResponse,
    );
  }

  @Put(':accountId/services/:servicePrincipal')
  @HttpCode(204)
  @RestOperation(RegisterDelegatedAdministrator, {
    summary: 'register a delegated administrator for a service',
    description:
      'Makes a member account a delegated administrator of a service with trusted access, in an ' +
      'all-features organization: it may then read the organization’s structure, and administer the ' +
      'service (CloudTrail: organization trails, at most three administrators; other services one). ' +
      `The management account cannot be one (ConstraintViolationException). ${MANAGEMENT_RULES}`,
    path: DELEGATION_PATH,
  })
  @ApiNoContentResponse({ description: 'Registered' })
  register(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, RegisterDelegatedAdministrator, delegation, nothing);
  }

  @Delete(':accountId/services/:servicePrincipal')
  @HttpCode(204)
  @RestOperation(DeregisterDelegatedAdministrator, {
    summary: 'deregister a delegated administrator of a service',
    description: `Withdraws the account's delegated administration of the service. ${MANAGEMENT_RULES}`,
    path: DELEGATION_PATH,
  })
  @ApiNoContentResponse({ description: 'Deregistered' })
  deregister(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeregisterDelegatedAdministrator, delegation, nothing);
  }
}
