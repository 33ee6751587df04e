import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { assertHandshakeTransition, canSeeHandshake, type Handshake, toHandshake } from '../domain/handshake';
import { assertManagementAccount } from '../domain/organization-access';
import { assertHandshakeId } from '../domain/organization-ids';
import { HandshakeNotFoundError, OrganizationsAccessDeniedError } from '../domain/organization.errors';
import { HandshakeRepository } from '../persistence/handshake.repository';
import { OrganizationRepository } from '../persistence/organization.repository';
import { type HandshakeIdInput } from './accept-handshake.use-case';

/** The management account withdraws an open invitation it sent. */
@Injectable()
export class CancelHandshakeUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly handshakes: HandshakeRepository,
    private readonly organizations: OrganizationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: HandshakeIdInput): Promise<Handshake> {
    assertHandshakeId(input.handshakeId);
    return this.tx.run(async (em) => {
      const sent = await this.handshakes.find(em, input.handshakeId, { forUpdate: true });
      const callerOrg = await this.organizations.findByMember(em, ctx.accountId);
      if (!sent || !canSeeHandshake(sent.handshake, ctx.accountId, callerOrg?.id)) {
        throw new HandshakeNotFoundError(input.handshakeId);
      }
      // The invited account may see the handshake but only its sender may cancel it.
      if (callerOrg?.id !== sent.handshake.organizationId) throw new OrganizationsAccessDeniedError();
      assertManagementAccount(callerOrg, ctx.accountId);
      const now = this.clock.now();
      assertHandshakeTransition(sent.handshake, 'CANCELED', now);
      await this.handshakes.setState(em, input.handshakeId, 'CANCELED');
      return toHandshake({ ...sent.handshake, state: 'CANCELED' }, sent.organization, ctx.partition, now);
    });
  }
}
