import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { canSeeHandshake, type Handshake, toHandshake } from '../domain/handshake';
import { assertHandshakeId } from '../domain/organization-ids';
import { HandshakeNotFoundError } from '../domain/organization.errors';
import { HandshakeRepository } from '../persistence/handshake.repository';
import { OrganizationRepository } from '../persistence/organization.repository';
import { type HandshakeIdInput } from './accept-handshake.use-case';

/** A handshake, to its target account or to a member of the organization that sent it. */
@Injectable()
export class DescribeHandshakeUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly handshakes: HandshakeRepository,
    private readonly organizations: OrganizationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: HandshakeIdInput): Promise<Handshake> {
    assertHandshakeId(input.handshakeId);
    return this.tx.read(async (em) => {
      const sent = await this.handshakes.find(em, input.handshakeId);
      const callerOrg = await this.organizations.findByMember(em, ctx.accountId);
      if (!sent || !canSeeHandshake(sent.handshake, ctx.accountId, callerOrg?.id)) {
        throw new HandshakeNotFoundError(input.handshakeId);
      }
      return toHandshake(sent.handshake, sent.organization, ctx.partition, this.clock.now());
    });
  }
}
