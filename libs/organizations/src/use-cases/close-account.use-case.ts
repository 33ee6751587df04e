import { Injectable } from '@nestjs/common';
import { AccountRepository } from '@app/accounts';
import { Clock, EnvSchema, type RequestContext, TransactionRunner } from '@app/platform';
import { assertCanClose, departureTime, quotaWindowStart } from '../domain/account-closure';
import { assertAccountId } from '../domain/organization-ids';
import { AccountNotFoundError, ConstraintViolationError } from '../domain/organization.errors';
import { AccountClosureRepository } from '../persistence/account-closure.repository';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { type AccountIdInput } from './describe-account.use-case';
import { OrganizationAccessService } from './organization-access.service';

/**
 * Organizations CloseAccount (management account of an all-features organization): the member
 * account is SUSPENDED at once (Status and State), so its credentials stop authenticating, and it
 * leaves the organization after TRAILPLANE_ACCOUNT_CLOSURE_DAYS (the account-closure sweep). AWS
 * passes through PENDING_CLOSURE while it works; Trailplane's closure has nothing to wait for.
 */
@Injectable()
export class CloseAccountUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly members: OrganizationAccountRepository,
    private readonly accounts: AccountRepository,
    private readonly closures: AccountClosureRepository,
    private readonly env: EnvSchema,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: AccountIdInput): Promise<void> {
    assertAccountId(input.accountId);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId, [input.accountId]);
      if (org.featureSet !== 'ALL') {
        throw new ConstraintViolationError(
          'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE',
          'You can close an account only when all features are enabled in the organization.',
        );
      }
      const member = await this.members.findMember(em, org.id, input.accountId);
      if (!member) throw new AccountNotFoundError();
      const now = this.clock.now();
      assertCanClose({
        isManagementAccount: input.accountId === org.managementAccountId,
        status: member.status,
        recentClosures: await this.closures.countSince(em, org.id, quotaWindowStart(now)),
        memberAccounts: (await this.members.count(em, org.id)) - 1,
      });
      await this.accounts.setStatus(em, input.accountId, 'SUSPENDED');
      await this.closures.insert(em, {
        accountId: input.accountId,
        organizationId: org.id,
        closedAt: now,
        departsAt: departureTime(now, this.env.TRAILPLANE_ACCOUNT_CLOSURE_DAYS),
      });
    });
  }
}
