import { Injectable } from '@nestjs/common';
import { AccountRepository, EmailAlreadyUsedError } from '@app/accounts';
import { AWS_MANAGED_POLICY_IDS, IamRoleRepository } from '@app/iam';
import { Clock, EnvSchema, JobName, JobOutcome, JobQueue, TransactionRunner } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { accessRoleTrustPolicy, type CreateAccountFailureReason } from '../domain/create-account';
import { hasRoomForAccount } from '../domain/membership-rules';
import { CreateAccountRequestRepository } from '../persistence/create-account-request.repository';
import { OrganizationAccountRepository } from '../persistence/organization-account.repository';
import { OrganizationTagRepository } from '../persistence/organization-tag.repository';
import { OrganizationLocks } from '../persistence/organization.locks';
import { OrganizationRepository } from '../persistence/organization.repository';

export interface CompleteAccountCreationInput {
  requestId: string;
}

/**
 * Finishes a CreateAccount request (the job's work): creates the account without root
 * credentials, joins it under the root with the request's tags, gives the management account its access role (with
 * AdministratorAccess attached, as AWS does), and marks
 * the request SUCCEEDED; or FAILED with the model's reason. Safe to run twice: a finished (or
 * vanished) request is skipped, and the row lock makes concurrent runs queue.
 */
@Injectable()
export class CompleteAccountCreationUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly requests: CreateAccountRequestRepository,
    private readonly organizations: OrganizationRepository,
    private readonly members: OrganizationAccountRepository,
    private readonly locks: OrganizationLocks,
    private readonly accounts: AccountRepository,
    private readonly roles: IamRoleRepository,
    private readonly tags: OrganizationTagRepository,
    private readonly jobs: JobQueue,
    private readonly env: EnvSchema,
    private readonly clock: Clock,
  ) {}

  async execute(input: CompleteAccountCreationInput): Promise<JobOutcome> {
    return this.tx.run(async (em) => {
      const pending = await this.requests.find(em, input.requestId);
      if (pending?.state !== 'IN_PROGRESS') return JobOutcome.Skipped;
      // The organization lock serialises the account limit with every other join.
      await this.locks.lock(em, { organizationId: pending.organizationId });
      const request = await this.requests.find(em, input.requestId, { forUpdate: true });
      const org = await this.organizations.find(em, pending.organizationId);
      if (request?.state !== 'IN_PROGRESS' || !org) return JobOutcome.Skipped;
      const now = this.clock.now();
      const fail = (failureReason: CreateAccountFailureReason) =>
        this.fail(em, request.id, failureReason, now);

      const limit = this.env.TRAILPLANE_MAX_ACCOUNTS_PER_ORGANIZATION;
      if (!hasRoomForAccount(await this.members.count(em, org.id), limit))
        return fail('ACCOUNT_LIMIT_EXCEEDED');
      let accountId: string;
      try {
        accountId = (await this.accounts.insert(em, { name: request.accountName, email: request.email }, now))
          .id;
      } catch (error) {
        if (error instanceof EmailAlreadyUsedError) return fail('EMAIL_ALREADY_EXISTS');
        throw error;
      }
      await this.members.insert(em, {
        accountId,
        organizationId: org.id,
        parentId: org.rootId,
        joinedMethod: 'CREATED',
        joinedAt: now,
      });
      await this.tags.put(em, org.id, { id: accountId, type: 'ACCOUNT' }, request.tags);
      await this.roles.insert(
        em,
        {
          accountId,
          name: request.roleName,
          trustPolicy: accessRoleTrustPolicy(this.env.TRAILPLANE_PARTITION, org.managementAccountId),
          managedPolicyIds: [AWS_MANAGED_POLICY_IDS.AdministratorAccess],
        },
        now,
      );
      await this.requests.finish(em, request.id, { state: 'SUCCEEDED', accountId }, now);
      await this.jobs.enqueue(JobName.AccountJoinedOrganization, {
        accountId,
        organizationId: org.id,
        changeId: request.id,
      });
      return JobOutcome.Done;
    });
  }

  private async fail(
    em: EntityManager,
    requestId: string,
    failureReason: CreateAccountFailureReason,
    at: Date,
  ): Promise<JobOutcome> {
    await this.requests.finish(em, requestId, { state: 'FAILED', failureReason }, at);
    return JobOutcome.Done;
  }
}
