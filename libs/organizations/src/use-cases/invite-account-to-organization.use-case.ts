import { Injectable } from '@nestjs/common';
import { AccountRepository } from '@app/accounts';
import { Clock, EnvSchema, randomLowerAlnum, type RequestContext, TransactionRunner } from '@app/platform';
import {
  type Handshake,
  handshakeExpiry,
  type HandshakeRecord,
  parseInviteTarget,
  toHandshake,
  validateHandshakeNotes,
} from '../domain/handshake';
import { hasRoomForAccount } from '../domain/membership-rules';
import { newHandshakeId } from '../domain/organization-ids';
import { parseTags, type Tag } from '../domain/organization-tags';
import {
  DuplicateHandshakeError,
  HandshakeConstraintViolationError,
  InvalidInputError,
} from '../domain/organization.errors';
import { HandshakeRepository } from '../persistence/handshake.repository';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationRepository } from '../persistence/organization.repository';
import { OrganizationAccessService } from './organization-access.service';

export interface InviteAccountToOrganizationInput {
  /** `{type: 'ACCOUNT', id: <12 digits>}` or `{type: 'EMAIL', id: <the account's e-mail>}`. */
  target: { type: string; id: string };
  notes?: string;
  /** Tags for the account, applied when it accepts. */
  tags?: Tag[];
}

/**
 * The management account invites a standalone account: an OPEN handshake that expires after 15
 * days. One open invitation per account and organization (uq_handshakes_open_invite).
 */
@Injectable()
export class InviteAccountToOrganizationUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly organizations: OrganizationRepository,
    private readonly members: OrganizationAccountRepository,
    private readonly handshakes: HandshakeRepository,
    private readonly accounts: AccountRepository,
    private readonly env: EnvSchema,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: InviteAccountToOrganizationInput): Promise<Handshake> {
    const target = parseInviteTarget(input.target);
    validateHandshakeNotes(input.notes);
    const tags = parseTags(input.tags);
    return this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId);
      const account =
        target.type === 'ACCOUNT'
          ? await this.accounts.find(em, target.accountId)
          : await this.accounts.findByEmail(em, target.email);
      if (!account) {
        throw target.type === 'EMAIL'
          ? new InvalidInputError('INVALID_EMAIL_ADDRESS_TARGET', 'No account has that email address.')
          : new InvalidInputError(
              undefined,
              `You specified an account that doesn't exist: ${target.accountId}.`,
            );
      }
      if (await this.organizations.findByMember(em, account.id)) {
        throw new HandshakeConstraintViolationError(
          'ALREADY_IN_AN_ORGANIZATION',
          'The account is already a member of an organization.',
        );
      }
      if (
        !hasRoomForAccount(
          await this.members.count(em, org.id),
          this.env.TRAILPLANE_MAX_ACCOUNTS_PER_ORGANIZATION,
        )
      ) {
        throw new HandshakeConstraintViolationError(
          'ACCOUNT_NUMBER_LIMIT_EXCEEDED',
          'The organization has reached its limit on the number of accounts.',
        );
      }
      const now = this.clock.now();
      await this.handshakes.expireLapsed(em, org.id, account.id, now);
      const handshake: HandshakeRecord = {
        id: newHandshakeId(randomLowerAlnum),
        organizationId: org.id,
        action: 'INVITE',
        state: 'OPEN',
        targetAccountId: account.id,
        ...(target.type === 'EMAIL'
          ? { targetType: 'EMAIL', targetEmail: target.email }
          : { targetType: 'ACCOUNT' }),
        ...(input.notes === undefined ? {} : { notes: input.notes }),
        ...(tags.length === 0 ? {} : { tags }),
        requestedAt: now,
        expiresAt: handshakeExpiry(now),
      };
      if (!(await this.handshakes.insert(em, handshake))) throw new DuplicateHandshakeError(input.target.id);
      return toHandshake(handshake, org, ctx.partition, now);
    });
  }
}
