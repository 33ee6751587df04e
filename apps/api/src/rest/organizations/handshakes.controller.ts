import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AcceptHandshakeUseCase,
  CancelHandshakeUseCase,
  DeclineHandshakeUseCase,
  DescribeHandshakeUseCase,
  InviteAccountToOrganizationUseCase,
  ListHandshakesForAccountUseCase,
} from '@app/organizations';
import { type RequestContext } from '@app/platform';
import { Operation } from '../../http/operation';
import { Ctx } from '../../http/request-context.decorator';
import {
  HandshakeListResponse,
  HandshakeResponse,
  toHandshakeListResponse,
  toHandshakeResponse,
} from './handshake.response';
import { InviteAccountRequest } from './invite-account.request';
import { ListHandshakesQuery } from './list-handshakes.query';

/** Handshakes: invitations to join an organization and the responses to them. */
@ApiTags('organizations')
@Controller('v1/handshakes')
export class HandshakesController {
  constructor(
    private readonly invite: InviteAccountToOrganizationUseCase,
    private readonly listHandshakes: ListHandshakesForAccountUseCase,
    private readonly describeHandshake: DescribeHandshakeUseCase,
    private readonly acceptHandshake: AcceptHandshakeUseCase,
    private readonly declineHandshake: DeclineHandshakeUseCase,
    private readonly cancelHandshake: CancelHandshakeUseCase,
  ) {}

  /** The management account invites a standalone account (InviteAccountToOrganization). */
  @Post()
  @Operation('organizations', 'InviteAccountToOrganization', { readOnly: false })
  @ApiCreatedResponse({ type: HandshakeResponse })
  async create(@Ctx() ctx: RequestContext, @Body() body: InviteAccountRequest): Promise<HandshakeResponse> {
    return toHandshakeResponse(await this.invite.execute(ctx, body));
  }

  /** The handshakes the caller's account received. */
  @Get()
  @Operation('organizations', 'ListHandshakesForAccount', { readOnly: true })
  @ApiOkResponse({ type: HandshakeListResponse })
  async list(
    @Ctx() ctx: RequestContext,
    @Query() query: ListHandshakesQuery,
  ): Promise<HandshakeListResponse> {
    return toHandshakeListResponse(
      await this.listHandshakes.execute(ctx, { ...query, filter: { actionType: query.actionType } }),
    );
  }

  @Get(':handshakeId')
  @Operation('organizations', 'DescribeHandshake', { readOnly: true })
  @ApiOkResponse({ type: HandshakeResponse })
  async describe(
    @Ctx() ctx: RequestContext,
    @Param('handshakeId') handshakeId: string,
  ): Promise<HandshakeResponse> {
    return toHandshakeResponse(await this.describeHandshake.execute(ctx, { handshakeId }));
  }

  @Post(':handshakeId/accept')
  @HttpCode(200)
  @Operation('organizations', 'AcceptHandshake', { readOnly: false })
  @ApiOkResponse({ type: HandshakeResponse })
  async accept(
    @Ctx() ctx: RequestContext,
    @Param('handshakeId') handshakeId: string,
  ): Promise<HandshakeResponse> {
    return toHandshakeResponse(await this.acceptHandshake.execute(ctx, { handshakeId }));
  }

  @Post(':handshakeId/decline')
  @HttpCode(200)
  @Operation('organizations', 'DeclineHandshake', { readOnly: false })
  @ApiOkResponse({ type: HandshakeResponse })
  async decline(
    @Ctx() ctx: RequestContext,
    @Param('handshakeId') handshakeId: string,
  ): Promise<HandshakeResponse> {
    return toHandshakeResponse(await this.declineHandshake.execute(ctx, { handshakeId }));
  }

  @Post(':handshakeId/cancel')
  @HttpCode(200)
  @Operation('organizations', 'CancelHandshake', { readOnly: false })
  @ApiOkResponse({ type: HandshakeResponse })
  async cancel(
    @Ctx() ctx: RequestContext,
    @Param('handshakeId') handshakeId: string,
  ): Promise<HandshakeResponse> {
    return toHandshakeResponse(await this.cancelHandshake.execute(ctx, { handshakeId }));
  }
}
