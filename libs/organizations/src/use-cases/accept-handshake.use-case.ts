import { Injectable } from '@nestjs/common';
import { Clock, EnvSchema, JobName, JobQueue, type RequestContext, TransactionRunner } from '@app/platform';
import { assertHandshakeTransition, type Handshake, toHandshake } from '../domain/handshake';
import { hasRoomForAccount } from '../domain/membership-rules';
import { assertHandshakeId } from '../domain/organization-ids';
import {
  HandshakeConstraintViolationError,
  HandshakeNotFoundError,
  MasterCannotLeaveOrganizationError,
} from '../domain/organization.errors';
import { HandshakeRepository } from '../persistence/handshake.repository';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationTagRepository } from '../persistence/organization-tag.repository';
import { OrganizationLocks } from '../persistence/organization.locks';
import { OrganizationRepository } from '../persistence/organization.repository';

export interface HandshakeIdInput {
  handshakeId: string;
}

function alreadyInAnOrganization(): HandshakeConstraintViolationError {
  return new HandshakeConstraintViolationError(
    'ALREADY_IN_AN_ORGANIZATION',
    'The account is already a member of an organization.',
  );
}

/**
 * The invited account accepts: it joins the inviting organization under the root, with the tags
 * the invitation carried. The handshake's
 * row lock settles two responses to one handshake; the membership lock and primary key settle
 * two acceptances of different organizations' invitations.
 */
@Injectable()
export class AcceptHandshakeUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly handshakes: HandshakeRepository,
    private readonly organizations: OrganizationRepository,
    private readonly members: OrganizationAccountRepository,
    private readonly tags: OrganizationTagRepository,
    private readonly locks: OrganizationLocks,
    private readonly jobs: JobQueue,
    private readonly env: EnvSchema,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: HandshakeIdInput): Promise<Handshake> {
    assertHandshakeId(input.handshakeId);
    return this.tx.run(async (em) => {
      const seen = await this.handshakes.find(em, input.handshakeId);
      if (seen?.handshake.targetAccountId !== ctx.accountId)
        throw new HandshakeNotFoundError(input.handshakeId);
      await this.locks.lock(em, {
        organizationId: seen.handshake.organizationId,
        accountIds: [ctx.accountId],
      });
      const sent = await this.handshakes.find(em, input.handshakeId, { forUpdate: true });
      if (!sent) throw new HandshakeNotFoundError(input.handshakeId);
      const { handshake, organization } = sent;
      const now = this.clock.now();
      assertHandshakeTransition(handshake, 'ACCEPTED', now);

      const current = await this.organizations.findByMember(em, ctx.accountId);
      if (current?.managementAccountId === ctx.accountId) throw new MasterCannotLeaveOrganizationError();
      if (current) throw alreadyInAnOrganization();
      const limit = this.env.TRAILPLANE_MAX_ACCOUNTS_PER_ORGANIZATION;
      if (!hasRoomForAccount(await this.members.count(em, organization.id), limit)) {
        throw new HandshakeConstraintViolationError(
          'ACCOUNT_NUMBER_LIMIT_EXCEEDED',
          'The organization has reached its limit on the number of accounts.',
        );
      }

      await this.handshakes.setState(em, handshake.id, 'ACCEPTED');
      const joined = await this.members.insert(em, {
        accountId: ctx.accountId,
        organizationId: organization.id,
        parentId: organization.rootId,
        joinedMethod: 'INVITED',
        joinedAt: now,
      });
      if (!joined) throw alreadyInAnOrganization();
      await this.tags.put(em, organization.id, { id: ctx.accountId, type: 'ACCOUNT' }, handshake.tags ?? []);
      await this.jobs.enqueue(JobName.AccountJoinedOrganization, {
        accountId: ctx.accountId,
        organizationId: organization.id,
        changeId: handshake.id,
      });
      return toHandshake({ ...handshake, state: 'ACCEPTED' }, organization, ctx.partition, now);
    });
  }
}
