import {
  type Account,
  type AccountDetails,
  type AccountRepository,
  EmailAlreadyUsedError,
} from '@app/accounts';
import { AWS_MANAGED_POLICY_IDS, type IamRole, type IamRoleRepository, type NewIamRole } from '@app/iam';
import {
  Clock,
  type EnvSchema,
  type JobName,
  JobOutcome,
  type JobPayloads,
  JobQueue,
  type TransactionRunner,
} from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type CreateAccountRequestRecord } from '../domain/create-account';
import { type OrganizationRecord } from '../domain/organization';
import { type Tag } from '../domain/organization-tags';
import {
  type CreateAccountOutcome,
  type CreateAccountRequestRepository,
} from '../persistence/create-account-request.repository';
import {
  type NewMembership,
  type OrganizationAccountRepository,
} from '../persistence/organization-account.repository';
import { type LockScope, type OrganizationLocks } from '../persistence/organization.locks';
import { type OrganizationRepository } from '../persistence/organization.repository';
import { type OrganizationTagRepository } from '../persistence/organization-tag.repository';
import { CompleteAccountCreationUseCase } from './complete-account-creation.use-case';

const em = {} as EntityManager;
const now = new Date('2025-05-01T10:00:00Z');

class FixedClock extends Clock {
  override now(): Date {
    return now;
  }
}

class RecordingJobQueue extends JobQueue {
  readonly enqueued: Array<{ name: JobName; payload: unknown }> = [];
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
    this.enqueued.push({ name, payload });
  }
  async isReachable(): Promise<boolean> {
    return true;
  }
}

/** Everything the job touches, kept in memory. */
class World {
  readonly org: OrganizationRecord = {
    id: 'o-abcdefghij',
    managementAccountId: '111122223333',
    managementAccountEmail: 'mgmt@example.com',
    managementAccountName: 'Management',
    featureSet: 'ALL',
    rootId: 'r-ab12',
    createdAt: now,
  };
  organizations = new Map([[this.org.id, this.org]]);
  requests = new Map<string, CreateAccountRequestRecord>();
  accounts: Account[] = [
    { id: '111122223333', name: 'Management', email: 'mgmt@example.com', status: 'ACTIVE', createdAt: now },
  ];
  members: NewMembership[] = [
    {
      accountId: '111122223333',
      organizationId: this.org.id,
      parentId: 'r-ab12',
      joinedMethod: 'INVITED',
      joinedAt: now,
    },
  ];
  roles: NewIamRole[] = [];
  tags: { resourceId: string; tags: readonly Tag[] }[] = [];
  locks: LockScope[] = [];
  jobs = new RecordingJobQueue();

  request(email: string): CreateAccountRequestRecord {
    const request: CreateAccountRequestRecord = {
      id: `car-${'a'.repeat(28)}${this.requests.size.toString().padStart(4, '0')}`,
      organizationId: this.org.id,
      accountName: 'Audit',
      email,
      roleName: 'OrganizationAccountAccessRole',
      iamUserAccessToBilling: 'ALLOW',
      tags: [{ key: 'team', value: 'audit' }],
      state: 'IN_PROGRESS',
      requestedAt: now,
    };
    this.requests.set(request.id, request);
    return request;
  }

  useCase(maxAccounts = 10): CompleteAccountCreationUseCase {
    const tx: Pick<TransactionRunner, 'run'> = { run: (work) => work(em) };
    const requests: Pick<CreateAccountRequestRepository, 'find' | 'finish'> = {
      find: async (_em, id) => this.requests.get(id),
      finish: async (_em, id, outcome: CreateAccountOutcome, at) => {
        const request = this.requests.get(id) as CreateAccountRequestRecord;
        this.requests.set(id, {
          ...request,
          state: outcome.state,
          completedAt: at,
          ...(outcome.state === 'SUCCEEDED'
            ? { accountId: outcome.accountId }
            : { failureReason: outcome.failureReason }),
        });
      },
    };
    const organizations: Pick<OrganizationRepository, 'find'> = {
      find: async (_em, id) => this.organizations.get(id),
    };
    const members: Pick<OrganizationAccountRepository, 'count' | 'insert'> = {
      count: async (_em, organizationId) =>
        this.members.filter((m) => m.organizationId === organizationId).length,
      insert: async (_em, membership) => {
        this.members.push(membership);
        return true;
      },
    };
    const locks: OrganizationLocks = {
      lock: async (_em, scope) => {
        this.locks.push(scope);
      },
    };
    const accounts: Pick<AccountRepository, 'insert'> = {
      insert: async (_em, details: AccountDetails, at) => {
        if (this.accounts.some((a) => a.email.toLowerCase() === details.email.toLowerCase())) {
          throw new EmailAlreadyUsedError(details.email);
        }
        const account: Account = { id: '444455556666', ...details, status: 'ACTIVE', createdAt: at };
        this.accounts.push(account);
        return account;
      },
    };
    const roles: Pick<IamRoleRepository, 'insert'> = {
      insert: async (_em, role, at): Promise<IamRole> => {
        this.roles.push(role);
        return { id: 'AROAEXAMPLE', path: '/', maxSessionSeconds: 3600, ...role, tags: [], createdAt: at };
      },
    };
    const tags: Pick<OrganizationTagRepository, 'put'> = {
      put: async (_em, _organizationId, resource, added) => {
        this.tags.push({ resourceId: resource.id, tags: added });
      },
    };
    const env = {
      TRAILPLANE_MAX_ACCOUNTS_PER_ORGANIZATION: maxAccounts,
      TRAILPLANE_PARTITION: 'aws',
    } as EnvSchema;
    return new CompleteAccountCreationUseCase(
      tx as TransactionRunner,
      requests as CreateAccountRequestRepository,
      organizations as OrganizationRepository,
      members as OrganizationAccountRepository,
      locks,
      accounts as AccountRepository,
      roles as IamRoleRepository,
      tags as OrganizationTagRepository,
      this.jobs,
      env,
      new FixedClock(),
    );
  }
}

describe(CompleteAccountCreationUseCase.name, () => {
  it('creates the account, joins it under the root with its tags, gives the management account its role and announces the join', async () => {
    const world = new World();
    const request = world.request('audit@example.com');

    const outcome = await world.useCase().execute({ requestId: request.id });

    expect(outcome).toBe(JobOutcome.Done);
    expect(world.requests.get(request.id)).toMatchObject({
      state: 'SUCCEEDED',
      accountId: '444455556666',
      completedAt: now,
    });
    expect(world.members).toContainEqual({
      accountId: '444455556666',
      organizationId: 'o-abcdefghij',
      parentId: 'r-ab12',
      joinedMethod: 'CREATED',
      joinedAt: now,
    });
    expect(world.tags).toEqual([{ resourceId: '444455556666', tags: [{ key: 'team', value: 'audit' }] }]);
    expect(world.roles).toEqual([
      {
        accountId: '444455556666',
        name: 'OrganizationAccountAccessRole',
        trustPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::111122223333:root' },
              Action: 'sts:AssumeRole',
            },
          ],
        },
        managedPolicyIds: [AWS_MANAGED_POLICY_IDS.AdministratorAccess],
      },
    ]);
    expect(world.jobs.enqueued).toEqual([
      {
        name: 'account-joined-organization',
        payload: { accountId: '444455556666', organizationId: 'o-abcdefghij', changeId: request.id },
      },
    ]);
    expect(world.locks).toEqual([{ organizationId: 'o-abcdefghij' }]);
  });

  it('fails the request with EMAIL_ALREADY_EXISTS when the address is taken, creating nothing', async () => {
    const world = new World();
    const request = world.request('MGMT@example.com');

    expect(await world.useCase().execute({ requestId: request.id })).toBe(JobOutcome.Done);

    expect(world.requests.get(request.id)).toMatchObject({
      state: 'FAILED',
      failureReason: 'EMAIL_ALREADY_EXISTS',
    });
    expect(world.members).toHaveLength(1);
    expect(world.roles).toEqual([]);
    expect(world.jobs.enqueued).toEqual([]);
  });

  it('fails the request with ACCOUNT_LIMIT_EXCEEDED when the organization is full', async () => {
    const world = new World();
    const request = world.request('audit@example.com');

    await world.useCase(1).execute({ requestId: request.id });

    expect(world.requests.get(request.id)).toMatchObject({
      state: 'FAILED',
      failureReason: 'ACCOUNT_LIMIT_EXCEEDED',
    });
    expect(world.accounts).toHaveLength(1);
  });

  it('skips a redelivered job whose request is already finished', async () => {
    const world = new World();
    const request = world.request('audit@example.com');
    const sut = world.useCase();
    await sut.execute({ requestId: request.id });

    expect(await sut.execute({ requestId: request.id })).toBe(JobOutcome.Skipped);

    expect(world.accounts).toHaveLength(2);
    expect(world.jobs.enqueued).toHaveLength(1);
  });

  it('skips a request that vanished with its organization', async () => {
    const world = new World();
    const request = world.request('audit@example.com');
    world.organizations.clear();

    expect(await world.useCase().execute({ requestId: request.id })).toBe(JobOutcome.Skipped);
    expect(await world.useCase().execute({ requestId: 'car-unknown0' })).toBe(JobOutcome.Skipped);
    expect(world.accounts).toHaveLength(1);
  });
});
