import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { assertHandshakeTransition, type Handshake, toHandshake } from '../domain/handshake';
import { assertHandshakeId } from '../domain/organization-ids';
import { HandshakeNotFoundError } from '../domain/organization.errors';
import { HandshakeRepository } from '../persistence/handshake.repository';
import { type HandshakeIdInput } from './accept-handshake.use-case';

/** The invited account declines an open invitation. */
@Injectable()
export class DeclineHandshakeUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly handshakes: HandshakeRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: HandshakeIdInput): Promise<Handshake> {
    assertHandshakeId(input.handshakeId);
    return this.tx.run(async (em) => {
      const sent = await this.handshakes.find(em, input.handshakeId, { forUpdate: true });
      if (sent?.handshake.targetAccountId !== ctx.accountId)
        throw new HandshakeNotFoundError(input.handshakeId);
      const now = this.clock.now();
      assertHandshakeTransition(sent.handshake, 'DECLINED', now);
      await this.handshakes.setState(em, input.handshakeId, 'DECLINED');
      return toHandshake({ ...sent.handshake, state: 'DECLINED' }, sent.organization, ctx.partition, now);
    });
  }
}
