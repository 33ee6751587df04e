import { Injectable } from '@nestjs/common';
import { Clock, JobName, JobQueue, type RequestContext, TransactionRunner } from '@app/platform';
import { assertCanDepart } from '../domain/membership-rules';
import { isManagementAccount } from '../domain/organization-access';
import { DelegatedAdministratorRepository } from '../persistence/delegated-administrator.repository';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationLocks } from '../persistence/organization.locks';
import { OrganizationAccessService } from './organization-access.service';

/** A member leaves its organization on its own (never the management account, never a delegated administrator). */
@Injectable()
export class LeaveOrganizationUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly members: OrganizationAccountRepository,
    private readonly delegated: DelegatedAdministratorRepository,
    private readonly locks: OrganizationLocks,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext): Promise<void> {
    await this.tx.run(async (em) => {
      const seen = await this.access.member(em, ctx.accountId);
      await this.locks.lock(em, { organizationId: seen.id, accountIds: [ctx.accountId] });
      const org = await this.access.member(em, ctx.accountId);
      assertCanDepart({
        isManagementAccount: isManagementAccount(org, ctx.accountId),
        isDelegatedAdministrator: await this.delegated.isDelegatedAdministrator(em, org.id, ctx.accountId),
      });
      await this.members.remove(em, org.id, ctx.accountId);
      await this.jobs.enqueue(JobName.AccountLeftOrganization, {
        accountId: ctx.accountId,
        organizationId: org.id,
        changeId: String(this.clock.now().getTime()),
      });
    });
  }
}
