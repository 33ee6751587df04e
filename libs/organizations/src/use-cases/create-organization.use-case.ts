import { Injectable } from '@nestjs/common';
import {
  Clock,
  JobName,
  JobQueue,
  randomLowerAlnum,
  type RequestContext,
  TransactionRunner,
} from '@app/platform';
import { newOrganizationId, newRootId } from '../domain/organization-ids';
import {
  type Organization,
  type OrganizationRecord,
  parseFeatureSet,
  toOrganization,
} from '../domain/organization';
import { AlreadyInOrganizationError } from '../domain/organization.errors';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationLocks } from '../persistence/organization.locks';
import { OrganizationRepository } from '../persistence/organization.repository';

export interface CreateOrganizationInput {
  /** `ALL` (default) or `CONSOLIDATED_BILLING`. */
  featureSet?: string;
}

// Fresh random ids collide with an existing organization or root (4 characters) only rarely.
const ID_ATTEMPTS = 5;

/** The caller's account founds an organization, becoming its management account and first member. */
@Injectable()
export class CreateOrganizationUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly organizations: OrganizationRepository,
    private readonly members: OrganizationAccountRepository,
    private readonly locks: OrganizationLocks,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: CreateOrganizationInput): Promise<Organization> {
    const featureSet = parseFeatureSet(input.featureSet);
    return this.tx.run(async (em) => {
      await this.locks.lock(em, { accountIds: [ctx.accountId] });
      if (await this.organizations.findByMember(em, ctx.accountId)) throw new AlreadyInOrganizationError();
      const now = this.clock.now();
      let org: OrganizationRecord | undefined;
      for (let attempt = 0; !org && attempt < ID_ATTEMPTS; attempt++) {
        const candidate = {
          id: newOrganizationId(randomLowerAlnum),
          managementAccountId: ctx.accountId,
          featureSet,
          rootId: newRootId(randomLowerAlnum),
          createdAt: now,
        };
        if (await this.organizations.insert(em, candidate))
          org = await this.organizations.find(em, candidate.id);
      }
      if (!org) throw new Error('Could not allocate an organization id');
      const joined = await this.members.insert(em, {
        accountId: ctx.accountId,
        organizationId: org.id,
        parentId: org.rootId,
        joinedMethod: 'INVITED',
        joinedAt: now,
      });
      // The membership lock makes this unreachable; the primary key is the last word all the same.
      if (!joined) throw new AlreadyInOrganizationError();
      await this.jobs.enqueue(JobName.AccountJoinedOrganization, {
        accountId: ctx.accountId,
        organizationId: org.id,
        changeId: org.id,
      });
      return toOrganization(org, ctx.partition);
    });
  }
}
