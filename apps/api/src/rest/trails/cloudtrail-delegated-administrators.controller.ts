import { Controller, Delete, HttpCode, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DeregisterOrganizationDelegatedAdmin, RegisterOrganizationDelegatedAdmin } from '@app/trails';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';

const nothing = (): void => undefined;

/** CloudTrail delegated administrators of the caller's organization (management account only). */
@ApiTags('trails')
@Controller('v1/cloudtrail/delegated-administrators')
export class CloudTrailDelegatedAdministratorsController {
  constructor(private readonly rest: RestOperations) {}

  @Put(':accountId')
  @HttpCode(204)
  @RestOperation(RegisterOrganizationDelegatedAdmin)
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
  @RestOperation(DeregisterOrganizationDelegatedAdmin)
  deregister(@Req() request: FastifyRequest): Promise<void> {
    return this.rest.run(
      request,
      DeregisterOrganizationDelegatedAdmin,
      ({ params }) => ({ delegatedAdminAccountId: params.accountId }),
      nothing,
    );
  }
}
