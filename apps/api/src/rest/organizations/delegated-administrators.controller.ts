import { Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  DeregisterDelegatedAdministratorUseCase,
  ListDelegatedAdministratorsUseCase,
  ListDelegatedServicesForAccountUseCase,
  RegisterDelegatedAdministratorUseCase,
} from '@app/organizations';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import {
  DelegatedAdministratorListResponse,
  DelegatedServiceListResponse,
  toDelegatedAdministratorListResponse,
  toDelegatedServiceListResponse,
} from './delegation.response';
import { ListDelegatedAdministratorsQuery } from './list-delegated-administrators.query';
import { OrganizationsPageQuery } from './organizations-page.query';

/** Delegated administrators: a member account administers one service for the organization. */
@ApiTags('organizations')
@Controller('v1/organization/delegated-administrators')
export class DelegatedAdministratorsController {
  constructor(
    private readonly register: RegisterDelegatedAdministratorUseCase,
    private readonly deregister: DeregisterDelegatedAdministratorUseCase,
    private readonly listAdministrators: ListDelegatedAdministratorsUseCase,
    private readonly listServices: ListDelegatedServicesForAccountUseCase,
  ) {}

  @Get()
  @Operation('organizations', 'ListDelegatedAdministrators', { readOnly: true })
  @ApiOkResponse({ type: DelegatedAdministratorListResponse })
  async list(
    @Ctx() ctx: RequestContext,
    @Query() query: ListDelegatedAdministratorsQuery,
  ): Promise<DelegatedAdministratorListResponse> {
    return toDelegatedAdministratorListResponse(await this.listAdministrators.execute(ctx, query));
  }

  @Get(':accountId/services')
  @Operation('organizations', 'ListDelegatedServicesForAccount', { readOnly: true })
  @ApiOkResponse({ type: DelegatedServiceListResponse })
  async services(
    @Ctx() ctx: RequestContext,
    @Param('accountId') accountId: string,
    @Query() query: OrganizationsPageQuery,
  ): Promise<DelegatedServiceListResponse> {
    return toDelegatedServiceListResponse(await this.listServices.execute(ctx, { ...query, accountId }));
  }

  @Put(':accountId/services/:servicePrincipal')
  @HttpCode(204)
  @Operation('organizations', 'RegisterDelegatedAdministrator', { readOnly: false })
  @ApiNoContentResponse()
  async add(
    @Ctx() ctx: RequestContext,
    @Param('accountId') accountId: string,
    @Param('servicePrincipal') servicePrincipal: string,
  ): Promise<void> {
    await this.register.execute(ctx, { accountId, servicePrincipal });
  }

  @Delete(':accountId/services/:servicePrincipal')
  @HttpCode(204)
  @Operation('organizations', 'DeregisterDelegatedAdministrator', { readOnly: false })
  @ApiNoContentResponse()
  async remove(
    @Ctx() ctx: RequestContext,
    @Param('accountId') accountId: string,
    @Param('servicePrincipal') servicePrincipal: string,
  ): Promise<void> {
    await this.deregister.execute(ctx, { accountId, servicePrincipal });
  }
}
