import { Injectable } from '@nestjs/common';
import { Clock, randomLowerAlnum, type RequestContext, TransactionRunner } from '@app/platform';
import { type Handshake, handshakeExpiry, type HandshakeRecord, toHandshake } from '../domain/handshake';
import { newHandshakeId } from '../domain/organization-ids';
import { HandshakeConstraintViolationError } from '../domain/organization.errors';
import { HandshakeRepository } from '../persistence/handshake.repository';
import { OrganizationRepository } from '../persistence/organization.repository';
import { OrganizationAccessService } from './organization-access.service';

/**
 * Moves a consolidated-billing organization to all features. AWS waits for every invited member
 * to approve; Trailplane switches at once and returns the handshake already ACCEPTED.
 */
@Injectable()
export class EnableAllFeaturesUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly organizations: OrganizationRepository,
    private readonly handshakes: HandshakeRepository,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext): Promise<Handshake> {
    return this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      if (org.featureSet === 'ALL') {
        throw new HandshakeConstraintViolationError(
          'ORGANIZATION_ALREADY_HAS_ALL_FEATURES',
          'The organization already has all features enabled.',
        );
      }
      await this.organizations.setFeatureSet(em, org.id, 'ALL');
      const now = this.clock.now();
      const handshake: HandshakeRecord = {
        id: newHandshakeId(randomLowerAlnum),
        organizationId: org.id,
        action: 'ENABLE_ALL_FEATURES',
        state: 'ACCEPTED',
        targetAccountId: org.managementAccountId,
        targetType: 'ACCOUNT',
        requestedAt: now,
        expiresAt: handshakeExpiry(now),
      };
      await this.handshakes.insert(em, handshake);
      return toHandshake(handshake, { ...org, featureSet: 'ALL' }, ctx.partition, now);
    });
  }
}
