import { Injectable } from '@nestjs/common';
import {
  Clock,
  JobName,
  JobQueue,
  type PeriodicTask,
  RunsPeriodically,
  TransactionRunner,
} from '@app/platform';
import { type AccountClosure, AccountClosureRepository } from '../persistence/account-closure.repository';
import { DelegatedAdministratorRepository } from '../persistence/delegated-administrator.repository';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationLocks } from '../persistence/organization.locks';

const BATCH = 100;

/**
 * Removes closed accounts from their organization once their closure period has passed (AWS: 90
 * days, then the account is gone from the organization): the membership, its delegated
 * administrator registrations, and with them its attachments and tags; AccountLeftOrganization
 * tells the other features. One transaction per account under the organization's lock; a departure
 * already made (or a membership already ended) is only recorded, so runs may overlap or repeat.
 */
@Injectable()
@RunsPeriodically()
export class ClosedAccountDeparturesTask implements PeriodicTask {
  readonly taskName = 'closed-account-departures';

  constructor(
    private readonly tx: TransactionRunner,
    private readonly closures: AccountClosureRepository,
    private readonly members: OrganizationAccountRepository,
    private readonly delegated: DelegatedAdministratorRepository,
    private readonly locks: OrganizationLocks,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  /** Departs every account due now; returns how many left their organization. */
  async run(): Promise<number> {
    let departed = 0;
    for (;;) {
      const due = await this.tx.read((em) => this.closures.due(em, this.clock.now(), BATCH));
      for (const closure of due) if (await this.depart(closure)) departed++;
      if (due.length < BATCH) return departed;
    }
  }

  private depart(closure: AccountClosure): Promise<boolean> {
    return this.tx.run(async (em) => {
      await this.locks.lock(em, { organizationId: closure.organizationId, accountIds: [closure.accountId] });
      const now = this.clock.now();
      if (!(await this.closures.markDeparted(em, closure.accountId, now))) return false;
      if (!(await this.members.findMember(em, closure.organizationId, closure.accountId))) return false;
      await this.delegated.deregisterAll(em, closure.organizationId, closure.accountId);
      await this.members.remove(em, closure.organizationId, closure.accountId);
      await this.jobs.enqueue(JobName.AccountLeftOrganization, {
        accountId: closure.accountId,
        organizationId: closure.organizationId,
        changeId: `closed-${now.getTime()}`,
      });
      return true;
    });
  }
}
