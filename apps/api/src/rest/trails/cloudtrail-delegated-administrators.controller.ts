import { Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type RequestContext } from '@app/platform';
import { OrganizationDelegatedAdminUseCase } from '@app/trails';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';

/** CloudTrail delegated administrators of the caller's organization (management account only). */
@ApiTags('trails')
@Controller('v1/cloudtrail/delegated-administrators')
export class CloudTrailDelegatedAdministratorsController {
  constructor(private readonly delegatedAdmin: OrganizationDelegatedAdminUseCase) {}

  @Put(':accountId')
  @HttpCode(204)
  @Operation('cloudtrail', 'RegisterOrganizationDelegatedAdmin', { readOnly: false })
  @ApiOperation({ summary: 'RegisterOrganizationDelegatedAdmin' })
  async register(@Ctx() ctx: RequestContext, @Param('accountId') accountId: string): Promise<void> {
    await this.delegatedAdmin.execute(ctx, { accountId, registered: true });
  }

  @Delete(':accountId')
  @HttpCode(204)
  @Operation('cloudtrail', 'DeregisterOrganizationDelegatedAdmin', { readOnly: false })
  @ApiOperation({ summary: 'DeregisterOrganizationDelegatedAdmin' })
  async deregister(@Ctx() ctx: RequestContext, @Param('accountId') accountId: string): Promise<void> {
    await this.delegatedAdmin.execute(ctx, { accountId, registered: false });
  }
}
