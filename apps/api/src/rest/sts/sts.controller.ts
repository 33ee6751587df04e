import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AssumeRole, GetCallerIdentity, GetSessionToken } from '@app/iam';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations } from '../rest-operations';
import { AssumeRoleResponse, CallerIdentityResponse, SessionTokenResponse } from './sts.responses';

/** STS over REST: temporary credentials of a role, and who the caller is. */
@ApiTags('sts')
@Controller('v1/sts')
export class StsController {
  constructor(private readonly rest: RestOperations) {}

  @Post('assume-role')
  @HttpCode(200)
  @RestOperation(AssumeRole, {
    summary: 'get temporary credentials of a role',
    description:
      'Temporary credentials (`ASIA…` key, secret and session token) of a role whose trust policy ' +
      'lets the caller assume it, and whose caller’s policies allow `sts:AssumeRole` on it. Root users ' +
      'may not assume roles. `durationSeconds` is 900–43,200 (default 3,600), within the role’s ' +
      '`maxSessionDuration`, and at most one hour for a role session assuming a role. Session ' +
      'policies, session tags and MFA are refused. The secret and the token are in this answer only.',
    body: {},
  })
  @ApiOkResponse({ type: AssumeRoleResponse })
  assume(@Req() request: FastifyRequest): Promise<AssumeRoleResponse> {
    return this.rest.run(
      request,
      AssumeRole,
      ({ body }) => body,
      (session) => session,
    );
  }

  @Post('session-token')
  @HttpCode(200)
  @RestOperation(GetSessionToken, {
    summary: 'get temporary credentials acting as the caller',
    description:
      'Temporary credentials (`ASIA…` key, secret and session token) that act as the IAM user or root ' +
      'user who signed with a long-term key: what the console keeps instead of the key. ' +
      '`durationSeconds` is 900–43,200 (default 43,200), at most 3,600 for a root user. Session ' +
      'credentials may not ask for more; MFA is refused. The secret and the token are in this answer only.',
    body: {},
  })
  @ApiOkResponse({ type: SessionTokenResponse })
  sessionToken(@Req() request: FastifyRequest): Promise<SessionTokenResponse> {
    return this.rest.run(
      request,
      GetSessionToken,
      ({ body }) => body,
      (session) => session,
    );
  }

  @Get('caller-identity')
  @RestOperation(GetCallerIdentity, {
    summary: 'who the caller is',
    description:
      'The account, ARN and principal id of whoever signed the request: a root user, an IAM user or a ' +
      'role session. Any authenticated caller may call it.',
  })
  @ApiOkResponse({ type: CallerIdentityResponse })
  whoAmI(@Req() request: FastifyRequest): Promise<CallerIdentityResponse> {
    return this.rest.run(
      request,
      GetCallerIdentity,
      () => ({}),
      (identity) => identity,
    );
  }
}
