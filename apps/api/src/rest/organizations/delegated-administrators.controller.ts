import { Controller, Delete, Get, HttpCode, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { pageInput } from './organizations-page';

const nothing = (): void => undefined;
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
  @RestOperation(ListDelegatedAdministrators, "Only one service's when `servicePrincipal` is given.")
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
  @RestOperation(ListDelegatedServicesForAccount)
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
  @RestOperation(RegisterDelegatedAdministrator)
  register(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, RegisterDelegatedAdministrator, delegation, nothing);
  }

  @Delete(':accountId/services/:servicePrincipal')
  @HttpCode(204)
  @RestOperation(DeregisterDelegatedAdministrator)
  deregister(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(request, DeregisterDelegatedAdministrator, delegation, nothing);
  }
}
