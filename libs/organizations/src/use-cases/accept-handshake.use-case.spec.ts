import {
  Clock,
  type EnvSchema,
  type JobName,
  type JobPayloads,
  JobQueue,
  type RequestContext,
  type TransactionRunner,
} from '@app/platform';
import { type EntityManager } from 'typeorm';
import { handshakeExpiry, type HandshakeRecord, type HandshakeState } from '../domain/handshake';
import { type OrganizationRecord } from '../domain/organization';
import { type HandshakeRepository, type SentHandshake } from '../persistence/handshake.repository';
import {
  type NewMembership,
  type OrganizationAccountRepository,
} from '../persistence/organization-account.repository';
import { type OrganizationTagRepository } from '../persistence/organization-tag.repository';
import { type LockScope, type OrganizationLocks } from '../persistence/organization.locks';
import { type OrganizationRepository } from '../persistence/organization.repository';
import { AcceptHandshakeUseCase } from './accept-handshake.use-case';

const em = {} as EntityManager;
const sentAt = new Date('2025-06-01T00:00:00Z');
const invitee = '444455556666';

class MovableClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  override now(): Date {
    return this.at;
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

function organization(id: string, managementAccountId: string): OrganizationRecord {
  return {
    id,
    managementAccountId,
    managementAccountEmail: `${managementAccountId}@example.com`,
    managementAccountName: 'Management',
    featureSet: 'ALL',
    rootId: 'r-ab12',
    createdAt: sentAt,
  };
}

function ctx(accountId: string): RequestContext {
  return {
    requestId: 'req-1',
    accountId,
    region: 'us-east-1',
    partition: 'aws',
    sourceIp: '127.0.0.1',
    userAgent: 'spec',
    receivedAt: sentAt,
    secureTransport: true,
    principal: {
      type: 'Root',
      accountId,
      arn: `arn:aws:iam::${accountId}:root`,
      principalId: accountId,
      accessKeyId: 'AKIAEXAMPLE',
      isPartitionOperator: false,
    },
  };
}

class World {
  readonly inviter = organization('o-abcdefghij', '111122223333');
  readonly handshake: HandshakeRecord = {
    id: 'h-abcdefgh12345678',
    organizationId: this.inviter.id,
    action: 'INVITE',
    state: 'OPEN',
    targetAccountId: invitee,
    targetType: 'ACCOUNT',
    tags: [{ key: 'team', value: 'audit' }],
    requestedAt: sentAt,
    expiresAt: handshakeExpiry(sentAt),
  };
  tagged: { resourceId: string; tags: readonly { key: string; value: string }[] }[] = [];
  states = new Map<string, HandshakeState>([[this.handshake.id, 'OPEN']]);
  members: NewMembership[] = [
    {
      accountId: '111122223333',
      organizationId: this.inviter.id,
      parentId: 'r-ab12',
      joinedMethod: 'INVITED',
      joinedAt: sentAt,
    },
  ];
  otherOrganizations = new Map<string, OrganizationRecord>();
  locks: LockScope[] = [];
  jobs = new RecordingJobQueue();
  clock = new MovableClock(new Date('2025-06-02T00:00:00Z'));

  useCase(maxAccounts = 10): AcceptHandshakeUseCase {
    const tx: Pick<TransactionRunner, 'run'> = { run: (work) => work(em) };
    const handshakes: Pick<HandshakeRepository, 'find' | 'setState'> = {
      find: async (_em, id): Promise<SentHandshake | undefined> => {
        const state = this.states.get(id);
        return state === undefined
          ? undefined
          : { handshake: { ...this.handshake, state }, organization: this.inviter };
      },
      setState: async (_em, id, state) => {
        this.states.set(id, state);
      },
    };
    const organizations: Pick<OrganizationRepository, 'findByMember'> = {
      findByMember: async (_em, accountId) => {
        const membership = this.members.find((m) => m.accountId === accountId);
        if (membership?.organizationId === this.inviter.id) return this.inviter;
        return this.otherOrganizations.get(accountId);
      },
    };
    const members: Pick<OrganizationAccountRepository, 'count' | 'insert'> = {
      count: async (_em, organizationId) =>
        this.members.filter((m) => m.organizationId === organizationId).length,
      insert: async (_em, membership) => {
        if (this.members.some((m) => m.accountId === membership.accountId)) return false;
        this.members.push(membership);
        return true;
      },
    };
    const locks: OrganizationLocks = {
      lock: async (_em, scope) => {
        this.locks.push(scope);
      },
    };
    const tags: Pick<OrganizationTagRepository, 'put'> = {
      put: async (_em, _organizationId, resource, added) => {
        this.tagged.push({ resourceId: resource.id, tags: added });
      },
    };
    return new AcceptHandshakeUseCase(
      tx as TransactionRunner,
      handshakes as HandshakeRepository,
      organizations as OrganizationRepository,
      members as OrganizationAccountRepository,
      tags as OrganizationTagRepository,
      locks,
      this.jobs,
      { TRAILPLANE_MAX_ACCOUNTS_PER_ORGANIZATION: maxAccounts } as EnvSchema,
      this.clock,
    );
  }
}

describe(AcceptHandshakeUseCase.name, () => {
  it('joins the invited account under the root with the invitation’s tags and announces it, under the organization and membership locks', async () => {
    const world = new World();

    const accepted = await world.useCase().execute(ctx(invitee), { handshakeId: world.handshake.id });

    expect(accepted.state).toBe('ACCEPTED');
    expect(world.states.get(world.handshake.id)).toBe('ACCEPTED');
    expect(world.members).toContainEqual({
      accountId: invitee,
      organizationId: 'o-abcdefghij',
      parentId: 'r-ab12',
      joinedMethod: 'INVITED',
      joinedAt: world.clock.at,
    });
    expect(world.tagged).toEqual([{ resourceId: invitee, tags: [{ key: 'team', value: 'audit' }] }]);
    expect(world.jobs.enqueued).toEqual([
      {
        name: 'account-joined-organization',
        payload: { accountId: invitee, organizationId: 'o-abcdefghij', changeId: world.handshake.id },
      },
    ]);
    expect(world.locks).toEqual([{ organizationId: 'o-abcdefghij', accountIds: [invitee] }]);
  });

  it('hides the handshake from every account but its target with HandshakeNotFoundException', async () => {
    const world = new World();

    await expect(
      world.useCase().execute(ctx('777788889999'), { handshakeId: world.handshake.id }),
    ).rejects.toMatchObject({
      code: 'HandshakeNotFoundException',
    });
    await expect(
      world.useCase().execute(ctx(invitee), { handshakeId: 'h-unknown123' }),
    ).rejects.toMatchObject({
      code: 'HandshakeNotFoundException',
    });
  });

  it('refuses an account that has joined another organization meanwhile with ALREADY_IN_AN_ORGANIZATION', async () => {
    const world = new World();
    world.otherOrganizations.set(invitee, organization('o-zzzzzzzzzz', '999999999999'));

    await expect(
      world.useCase().execute(ctx(invitee), { handshakeId: world.handshake.id }),
    ).rejects.toMatchObject({
      code: 'HandshakeConstraintViolationException',
      fields: { Reason: 'ALREADY_IN_AN_ORGANIZATION' },
    });
    expect(world.states.get(world.handshake.id)).toBe('OPEN');
  });

  it('refuses the management account of another organization with MasterCannotLeaveOrganizationException', async () => {
    const world = new World();
    world.otherOrganizations.set(invitee, organization('o-zzzzzzzzzz', invitee));

    await expect(
      world.useCase().execute(ctx(invitee), { handshakeId: world.handshake.id }),
    ).rejects.toMatchObject({
      code: 'MasterCannotLeaveOrganizationException',
    });
  });

  it('refuses an expired invitation with InvalidHandshakeTransitionException', async () => {
    const world = new World();
    world.clock.at = new Date('2025-06-16T00:00:01Z');

    await expect(
      world.useCase().execute(ctx(invitee), { handshakeId: world.handshake.id }),
    ).rejects.toMatchObject({
      code: 'InvalidHandshakeTransitionException',
    });
    expect(world.members).toHaveLength(1);
  });

  it('answers HandshakeAlreadyInStateException to a second acceptance', async () => {
    const world = new World();
    await world.useCase().execute(ctx(invitee), { handshakeId: world.handshake.id });

    await expect(
      world.useCase().execute(ctx(invitee), { handshakeId: world.handshake.id }),
    ).rejects.toMatchObject({
      code: 'HandshakeAlreadyInStateException',
    });
    expect(world.jobs.enqueued).toHaveLength(1);
  });

  it('refuses to grow a full organization with ACCOUNT_NUMBER_LIMIT_EXCEEDED', async () => {
    const world = new World();

    await expect(
      world.useCase(1).execute(ctx(invitee), { handshakeId: world.handshake.id }),
    ).rejects.toMatchObject({
      code: 'HandshakeConstraintViolationException',
      fields: { Reason: 'ACCOUNT_NUMBER_LIMIT_EXCEEDED' },
    });
  });
});
