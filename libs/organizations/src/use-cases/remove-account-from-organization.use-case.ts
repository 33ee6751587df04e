import { Injectable } from '@nestjs/common';
import { Clock, JobName, JobQueue, type RequestContext, TransactionRunner } from '@app/platform';
import { assertCanDepart } from '../domain/membership-rules';
import { assertAccountId } from '../domain/organization-ids';
import { AccountNotFoundError } from '../domain/organization.errors';
import { DelegatedAdministratorRepository } from '../persistence/delegated-administrator.repository';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationAccessService } from './organization-access.service';
import { type AccountIdInput } from './describe-account.use-case';

/** The management account removes a member (never itself, never a delegated administrator). */
@Injectable()
export class RemoveAccountFromOrganizationUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly members: OrganizationAccountRepository,
    private readonly delegated: DelegatedAdministratorRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: AccountIdInput): Promise<void> {
    assertAccountId(input.accountId);
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId, [input.accountId]);
      if (!(await this.members.findMember(em, org.id, input.accountId))) throw new AccountNotFoundError();
      assertCanDepart({
        isManagementAccount: input.accountId === org.managementAccountId,
        isDelegatedAdministrator: await this.delegated.isDelegatedAdministrator(em, org.id, input.accountId),
      });
      await this.members.remove(em, org.id, input.accountId);
      await this.jobs.enqueue(JobName.AccountLeftOrganization, {
        accountId: input.accountId,
        organizationId: org.id,
        changeId: String(this.clock.now().getTime()),
      });
    });
  }
}
