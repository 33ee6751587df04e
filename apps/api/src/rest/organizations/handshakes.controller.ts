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
import { MANAGEMENT_RULES } from './organizations-docs';
import { ORGANIZATIONS_PAGE_QUERY, pageInput } from './organizations-page';

const handshake = ({ params }: RestParts): object => ({ handshakeId: params.handshakeId });
const HANDSHAKE_PATH = { handshakeId: 'The handshake (`h-…`)' };
const OPEN_ONLY =
  'Only an OPEN handshake changes state, once (HandshakeAlreadyInStateException, InvalidHandshakeTransitionException).';

/** Invitations to the organization, as handshakes, from both sides. */
@ApiTags('organizations')
@Controller('v1/handshakes')
export class HandshakesController {
  constructor(private readonly rest: RestOperations) {}

  @Post()
  @RestOperation(InviteAccountToOrganization, {
    summary: 'invite an account to the organization',
    description:
      'Sends an invitation handshake to a standalone account, named by its id (`ACCOUNT`) or its e-mail ' +
      '(`EMAIL`); it joins when it accepts. An account in an organization cannot be invited, an ' +
      `account has one open invitation at most, and the organization's account limit applies. ${MANAGEMENT_RULES}`,
    body: {},
  })
  @ApiCreatedResponse({ type: HandshakeResponse })
  create(@Req() request: FastifyRequest): Promise<HandshakeResponse> {
    return this.rest.run(request, InviteAccountToOrganization, ({ body }) => body, toHandshakeResponse);
  }

  @Get()
  @RestOperation(ListHandshakesForAccount, {
    summary: "list the caller's handshakes",
    description:
      "The handshakes sent to the caller's account (the invitations it received), newest first; " +
      'only those of `actionType` when given. Any account may call it.',
    query: [
      ...ORGANIZATIONS_PAGE_QUERY,
      {
        name: 'actionType',
        required: false,
        enum: [
          'INVITE',
          'ENABLE_ALL_FEATURES',
          'APPROVE_ALL_FEATURES',
          'ADD_ORGANIZATIONS_SERVICE_LINKED_ROLE',
        ],
        description: 'Only handshakes of this action',
      },
    ],
  })
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
  @RestOperation(DescribeHandshake, {
    summary: 'describe a handshake',
    description: "A handshake sent to the caller's account, or sent by the caller's organization.",
    path: HANDSHAKE_PATH,
  })
  @ApiOkResponse({ type: HandshakeResponse })
  describe(@Req() request: FastifyRequest): Promise<HandshakeResponse> {
    return this.rest.run(request, DescribeHandshake, handshake, toHandshakeResponse);
  }

  @Post(':handshakeId/accept')
  @HttpCode(200)
  @RestOperation(AcceptHandshake, {
    summary: 'accept an invitation',
    description:
      'The invited account accepts and joins the organization under its root; it must not be in an ' +
      `organization, and the organization's account limit applies. ${OPEN_ONLY}`,
    path: HANDSHAKE_PATH,
  })
  @ApiOkResponse({ type: HandshakeResponse })
  accept(@Req() request: FastifyRequest): Promise<HandshakeResponse> {
    return this.rest.run(request, AcceptHandshake, handshake, toHandshakeResponse);
  }

  @Post(':handshakeId/decline')
  @HttpCode(200)
  @RestOperation(DeclineHandshake, {
    summary: 'decline an invitation',
    description: `The invited account declines the invitation. ${OPEN_ONLY}`,
    path: HANDSHAKE_PATH,
  })
  @ApiOkResponse({ type: HandshakeResponse })
  decline(@Req() request: FastifyRequest): Promise<HandshakeResponse> {
    return this.rest.run(request, DeclineHandshake, handshake, toHandshakeResponse);
  }

  @Post(':handshakeId/cancel')
  @HttpCode(200)
  @RestOperation(CancelHandshake, {
    summary: 'cancel an invitation',
    description: `The organization that sent the invitation withdraws it. ${MANAGEMENT_RULES} ${OPEN_ONLY}`,
    path: HANDSHAKE_PATH,
  })
  @ApiOkResponse({ type: HandshakeResponse })
  cancel(@Req() request: FastifyRequest): Promise<HandshakeResponse> {
    return this.rest.run(request, CancelHandshake, handshake, toHandshakeResponse);
  }
}
