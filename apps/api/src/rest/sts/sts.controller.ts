import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AssumeRole, type AssumeRoleOutput, type CallerIdentityOutput, GetCallerIdentity } from '@app/iam';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';

/** STS over REST: temporary credentials of a role, and who the caller is. */
@ApiTags('sts')
@Controller('v1/sts')
export class StsController {
  constructor(private readonly rest: RestOperations) {}

  @Post('assume-role')
  @HttpCode(200)
  @RestOperation(AssumeRole, 'The secret access key and the session token are in this answer only.')
  @ApiOkResponse({
    description:
      '{ credentials: { accessKeyId, secretAccessKey, sessionToken, expiration }, assumedRoleUser }',
  })
  assume(@Req() request: FastifyRequest): Promise<AssumeRoleOutput> {
    return this.rest.run(
      request,
      AssumeRole,
      ({ body }) => body,
      (session) => session,
    );
  }

  @Get('caller-identity')
  @RestOperation(GetCallerIdentity)
  @ApiOkResponse({ description: '{ userId, account, arn }' })
  whoAmI(@Req() request: FastifyRequest): Promise<CallerIdentityOutput> {
    return this.rest.run(
      request,
      GetCallerIdentity,
      () => ({}),
      (identity) => identity,
    );
  }
}
