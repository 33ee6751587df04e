import { Injectable } from '@nestjs/common';
import { Clock, JobName, JobQueue, type RequestContext, TransactionRunner } from '@app/platform';
import { OrganizationNotEmptyError } from '../domain/organization.errors';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationRepository } from '../persistence/organization.repository';
import { OrganizationAccessService } from './organization-access.service';

/**
 * The management account deletes its organization once it is the only member. Its own membership
 * ends too, announced like any departure so that organization trails revert to ordinary trails.
 */
@Injectable()
export class DeleteOrganizationUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: OrganizationAccessService,
    private readonly organizations: OrganizationRepository,
    private readonly members: OrganizationAccountRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext): Promise<void> {
    await this.tx.run(async (em) => {
      const org = await this.access.lockedForChange(em, ctx.accountId, [ctx.accountId]);
      if ((await this.members.count(em, org.id)) > 1) throw new OrganizationNotEmptyError();
      await this.organizations.delete(em, org.id);
      await this.jobs.enqueue(JobName.AccountLeftOrganization, {
        accountId: ctx.accountId,
        organizationId: org.id,
        changeId: String(this.clock.now().getTime()),
      });
    });
  }
}
