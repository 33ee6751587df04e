import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AcceptHandshake,
  CancelHandshake,
  DeclineHandshake,
  DescribeHandshake,
  InviteAccountToOrganization,
  ListHandshakesForAccount,
} from '@app/organizations';
import { type FastifyRequest } from 'fastify';
import { RestOperation, RestOperations, type RestParts } from '../rest-operations';
import {
  HandshakeListResponse,
  HandshakeResponse,
  toHandshakeListResponse,
  toHandshakeResponse,
} from './handshake.response';
import { pageInput } from './organizations-page';

const handshake = ({ params }: RestParts): object => ({ handshakeId: params.handshakeId });

/** Invitations to the organization, as handshakes, from both sides. */
@ApiTags('organizations')
@Controller('v1/handshakes')
export class HandshakesController {
  constructor(private readonly rest: RestOperations) {}

  @Post()
  @RestOperation(InviteAccountToOrganization, 'An invitation handshake to a standalone account.')
  @ApiCreatedResponse({ type: HandshakeResponse })
  create(@Req() request: FastifyRequest): Promise<HandshakeResponse> {
    return this.rest.run(request, InviteAccountToOrganization, ({ body }) => body, toHandshakeResponse);
  }

  @Get()
  @RestOperation(ListHandshakesForAccount, 'Only handshakes of `actionType` when given.')
  @ApiOkResponse({ type: HandshakeListResponse })
  list(@Req() request: FastifyRequest): Promise<HandshakeListResponse> {
    return this.rest.run(
      request,
      ListHandshakesForAccount,
      (parts) => ({ ...pageInput(parts), filter: { actionType: parts.query.actionType } }),
      toHandshakeListResponse,
    );
  }

  @Get(':handshakeId')
  @RestOperation(DescribeHandshake)
  @ApiOkResponse({ type: HandshakeResponse })
  describe(@Req() request: FastifyRequest): Promise<HandshakeResponse> {
    return this.rest.run(request, DescribeHandshake, handshake, toHandshakeResponse);
  }

  @Post(':handshakeId/accept')
  @HttpCode(200)
  @RestOperation(AcceptHandshake)
  @ApiOkResponse({ type: HandshakeResponse })
  accept(@Req() request: FastifyRequest): Promise<HandshakeResponse> {
    return this.rest.run(request, AcceptHandshake, handshake, toHandshakeResponse);
  }

  @Post(':handshakeId/decline')
  @HttpCode(200)
  @RestOperation(DeclineHandshake)
  @ApiOkResponse({ type: HandshakeResponse })
  decline(@Req() request: FastifyRequest): Promise<HandshakeResponse> {
    return this.rest.run(request, DeclineHandshake, handshake, toHandshakeResponse);
  }

  @Post(':handshakeId/cancel')
  @HttpCode(200)
  @RestOperation(CancelHandshake)
  @ApiOkResponse({ type: HandshakeResponse })
  cancel(@Req() request: FastifyRequest): Promise<HandshakeResponse> {
    return this.rest.run(request, CancelHandshake, handshake, toHandshakeResponse);
  }
}
