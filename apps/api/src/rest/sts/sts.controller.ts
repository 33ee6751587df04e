import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type AssumeRoleOutput,
  AssumeRoleUseCase,
  type CallerIdentityOutput,
  GetCallerIdentityUseCase,
} from '@app/iam';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import { AssumeRoleRequest } from './assume-role.request';

/** STS over REST: temporary credentials of a role, and who the caller is. */
@ApiTags('sts')
@Controller('v1/sts')
export class StsController {
  constructor(
    private readonly assumeRole: AssumeRoleUseCase,
    private readonly callerIdentity: GetCallerIdentityUseCase,
  ) {}

  /** The secret and the session token are in this answer only. */
  @Post('assume-role')
  @HttpCode(200)
  @Operation('sts', 'AssumeRole', { readOnly: false })
  @ApiOkResponse({
    description:
      '{ credentials: { accessKeyId, secretAccessKey, sessionToken, expiration }, assumedRoleUser }',
  })
  async assume(@Ctx() ctx: RequestContext, @Body() body: AssumeRoleRequest): Promise<AssumeRoleOutput> {
    return this.assumeRole.execute(ctx, body);
  }

  @Get('caller-identity')
  @Operation('sts', 'GetCallerIdentity', { readOnly: true })
  @ApiOkResponse({ description: '{ userId, account, arn }' })
  async whoAmI(@Ctx() ctx: RequestContext): Promise<CallerIdentityOutput> {
    return this.callerIdentity.execute(ctx);
  }
}
