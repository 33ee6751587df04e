import { PolicyCache, type StoredPolicy } from '@app/policy';
import {
  Clock,
  DomainError,
  type Principal,
  type RequestContext,
  type TransactionRunner,
} from '@app/platform';
import { type Logger } from 'pino';
import { type EntityManager } from 'typeorm';
import {
  type HolderPolicies,
  type IdentityPolicyRepository,
} from '../persistence/identity-policy.repository';
import {
  type AccountOrganization,
  OrganizationPolicySource,
  type ResourceFacts,
  type ResourceFactsQuery,
  ResourceFactsSource,
  type ResourceKind,
  type ResourceRef,
} from './authorization-ports';
import { Authorizer } from './authorizer';
import { ResourceControlPaths } from './resource-control-paths';
import { type AuthorizationGenerationRepository } from '../persistence/authorization-generation.repository';

/** An organization trail's resource rule (as the trails lib builds it): members read, delegated administrators manage. */
function organizationTrailRule(input: {
  trailArn: string;
  organizationId: string;
  delegatedAdministratorAccountIds: string[];
}): object {
  const statements: object[] = [
    {
      Sid: 'OrganizationMembersMayRead',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['cloudtrail:Describe*', 'cloudtrail:Get*', 'cloudtrail:List*'],
      Resource: input.trailArn,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': input.organizationId } },
    },
  ];
  if (input.delegatedAdministratorAccountIds.length > 0) {
    statements.push({
      Sid: 'DelegatedAdministratorsMayManage',
      Effect: 'Allow',
      Principal: { AWS: input.delegatedAdministratorAccountIds },
      Action: 'cloudtrail:*',
      Resource: input.trailArn,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': input.organizationId } },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

const ACCOUNT = '111122223333';
const OTHER = '444455556666';

function doc(statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

const root: Principal = {
  type: 'Root',
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:root`,
  principalId: ACCOUNT,
  accessKeyId: 'AKIAROOT',
  isPartitionOperator: false,
};
const alice: Principal = {
  type: 'IAMUser',
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  principalId: 'AIDAALICE',
  accessKeyId: 'AKIAALICE',
  userName: 'alice',
  isPartitionOperator: false,
};

function ctx(principal: Principal): RequestContext {
  return {
    requestId: 'r1',
    principal,
    accountId: principal.accountId,
    region: 'us-east-1',
    partition: 'aws',
    sourceIp: '10.0.0.1',
    userAgent: 'test',
    receivedAt: new Date(),
    secureTransport: true,
  };
}

const trail = (account: string, name = 'audit'): ResourceRef => ({
  arn: `arn:aws:cloudtrail:us-east-1:${account}:trail/${name}`,
  account,
  kind: 'trail',
});

class World {
  holders = new Map<string, HolderPolicies>();
  organizations = new Map<string, AccountOrganization>();
  trailFacts = new Map<string, ResourceFacts>();
  holderLoads = 0;
  organizationLoads: string[] = [];
  generations = new Map<string, number>();
  factQueries: ResourceFactsQuery[] = [];

  sut(extraSources: ResourceFactsSource[] = []): Authorizer {
    const identity = {
      forHolder: async (_em: EntityManager, _kind: string, id: string) => {
        this.holderLoads++;
        return this.holders.get(id);
      },
    } as unknown as IdentityPolicyRepository;
    const { organizations, organizationLoads, generations, trailFacts, factQueries } = this;
    class Organizations extends OrganizationPolicySource {
      async forAccount(_em: EntityManager, accountId: string) {
        organizationLoads.push(accountId);
        return organizations.get(accountId);
      }
    }
    class Trails extends ResourceFactsSource {
      readonly kind: ResourceKind = 'trail';
      async facts(_em: EntityManager, query: ResourceFactsQuery) {
        factQueries.push(query);
        return trailFacts.get(query.resource.arn) ?? {};
      }
    }
    const tx = {
      read: (work: (em: EntityManager) => Promise<unknown>) => work({} as EntityManager),
    } as TransactionRunner;
    const logger = { debug: () => undefined } as unknown as Logger;
    const generationsOf: Pick<AuthorizationGenerationRepository, 'of'> = {
      of: async (_em, accountId) => generations.get(accountId) ?? 0,
    };
    const cache = new PolicyCache();
    const sources = new Organizations();
    return new Authorizer(
      tx,
      identity,
      sources,
      [new Trails(), ...extraSources],
      cache,
      new ResourceControlPaths(tx, sources, generationsOf, cache),
      new Clock(),
      logger,
    );
  }
}

function scp(id: string, statements: object[]): StoredPolicy {
  return { id, version: '1', name: id, kind: 'scp', document: doc(statements) };
}
const FULL = scp('p-FullAWSAccess', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);

describe(Authorizer.name, () => {
  it('allows the root user everything in its own account, and nothing in another one', async () => {
    const sut = new World().sut();
    const caller = await sut.prepare(ctx(root), 0);
    expect((await sut.decide(caller, 'cloudtrail:DeleteTrail', [trail(ACCOUNT)])).decision).toBe('Allow');
    const foreign = await sut.decide(caller, 'cloudtrail:GetTrail', [trail(OTHER)]);
    expect(foreign.error?.code).toBe('AccessDeniedException');
    expect(foreign.error?.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform: cloudtrail:GetTrail on resource: arn:aws:cloudtrail:us-east-1:${OTHER}:trail/audit because no resource-based policy allows the cloudtrail:GetTrail action`,
    );
  });

  it('bounds a member root with the SCPs of its path', async () => {
    const world = new World();
    world.organizations.set(ACCOUNT, {
      organizationId: 'o-abcdefghij',
      managementAccountId: OTHER,
      scpPath: [
        [FULL],
        [FULL, scp('p-nodelete', [{ Effect: 'Deny', Action: 'cloudtrail:DeleteTrail', Resource: '*' }])],
        [FULL],
      ],
      rcpPath: [],
    });
    const sut = world.sut();
    const caller = await sut.prepare(ctx(root), 0);
    expect(caller.context['aws:PrincipalOrgID']).toBe('o-abcdefghij');
    const outcome = await sut.decide(caller, 'cloudtrail:DeleteTrail', [trail(ACCOUNT)]);
    expect(outcome).toMatchObject({
      decision: 'ExplicitDeny',
      reason: { kind: 'scp', policyName: 'p-nodelete' },
    });
    expect(outcome.error?.message).toMatch(/with an explicit deny in a service control policy$/);
    expect((await sut.decide(caller, 'cloudtrail:GetTrail', [trail(ACCOUNT)])).decision).toBe('Allow');
  });

  it('decides a user by its identity policies, denying on the first resource it may not touch', async () => {
    const world = new World();
    world.holders.set('AIDAALICE', {
      tags: [],
      policies: [
        {
          id: 'inline/a',
          version: 'x',
          name: 'Mine',
          document: doc([
            {
              Effect: 'Allow',
              Action: 'cloudtrail:Get*',
              Resource: `arn:aws:cloudtrail:*:${ACCOUNT}:trail/audit`,
            },
          ]),
        },
      ],
    });
    const sut = world.sut();
    const caller = await sut.prepare(ctx(alice), 0);
    expect(await sut.decide(caller, 'cloudtrail:GetTrail', [trail(ACCOUNT)])).toMatchObject({
      decision: 'Allow',
      resources: [`arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/audit`],
      reason: { kind: 'identity', policyName: 'Mine' },
    });
    const outcome = await sut.decide(caller, 'cloudtrail:GetTrail', [
      trail(ACCOUNT),
      trail(ACCOUNT, 'other'),
    ]);
    expect(outcome.decision).toBe('ImplicitDeny');
    expect(outcome.error?.message).toContain(
      'trail/other because no identity-based policy allows the cloudtrail:GetTrail action',
    );
  });

  it('loads a policy set once per authorization generation, and again when it moves', async () => {
    const world = new World();
    world.holders.set('AIDAALICE', { tags: [], policies: [] });
    const sut = world.sut();
    await sut.prepare(ctx(alice), 7);
    await sut.prepare(ctx(alice), 7);
    expect(world.holderLoads).toBe(1);
    await sut.prepare(ctx(alice), 8);
    expect(world.holderLoads).toBe(2);
    await sut.prepare(ctx(alice));
    expect(world.holderLoads).toBe(3);
  });

  it('reads a trail’s tags only when a policy mentions aws:ResourceTag', async () => {
    const world = new World();
    world.holders.set('AIDAALICE', {
      tags: [],
      policies: [
        {
          id: 'inline/tags',
          version: 'x',
          name: 'ProdOnly',
          document: doc([
            {
              Effect: 'Allow',
              Action: 'cloudtrail:*',
              Resource: '*',
              Condition: { StringEquals: { 'aws:ResourceTag/env': 'prod' } },
            },
          ]),
        },
      ],
    });
    world.trailFacts.set(trail(ACCOUNT).arn, { tags: [{ key: 'env', value: 'prod' }] });
    const sut = world.sut();
    const caller = await sut.prepare(ctx(alice), 0);
    expect((await sut.decide(caller, 'cloudtrail:StopLogging', [trail(ACCOUNT)])).decision).toBe('Allow');
    expect((await sut.decide(caller, 'cloudtrail:StopLogging', [trail(ACCOUNT, 'dev')])).decision).toBe(
      'ImplicitDeny',
    );
    expect(world.factQueries.every((query) => query.needTags)).toBe(true);

    const rootWorld = new World();
    const rootSut = rootWorld.sut();
    await rootSut.decide(await rootSut.prepare(ctx(root), 0), 'cloudtrail:GetTrail', [trail(ACCOUNT)]);
    expect(rootWorld.factQueries).toEqual([]);
  });

  it('answers the resource rule’s own error when it denies (a member’s write on an organization trail)', async () => {
    const world = new World();
    world.organizations.set(ACCOUNT, {
      organizationId: 'o-abcdefghij',
      managementAccountId: OTHER,
      scpPath: [[FULL], [FULL]],
      rcpPath: [],
    });
    world.holders.set('AIDAALICE', {
      tags: [],
      policies: [
        {
          id: 'admin',
          version: 'v1',
          name: 'AdministratorAccess',
          document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
        },
      ],
    });
    const orgTrail = trail(OTHER, 'org');
    world.trailFacts.set(orgTrail.arn, {
      organizationId: 'o-abcdefghij',
      rule: {
        name: 'OrganizationTrailRule',
        kind: 'resource',
        document: organizationTrailRule({
          trailArn: orgTrail.arn,
          organizationId: 'o-abcdefghij',
          delegatedAdministratorAccountIds: [],
        }),
      },
      ruleDenialError: () =>
        new DomainError('NotOrganizationMasterAccountException', 'management account only'),
    });
    const sut = world.sut();
    const caller = await sut.prepare(ctx(alice), 0);
    expect((await sut.decide(caller, 'cloudtrail:GetTrailStatus', [orgTrail])).decision).toBe('Allow');
    const write = await sut.decide(caller, 'cloudtrail:StopLogging', [orgTrail]);
    expect(write.error?.code).toBe('NotOrganizationMasterAccountException');
  });

  it('requires a trust policy to grant the caller itself, or its account with the caller’s identity allowing', async () => {
    const world = new World();
    world.holders.set('AIDAALICE', {
      tags: [],
      policies: [
        {
          id: 'assume',
          version: 'v1',
          name: 'Assume',
          document: doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]),
        },
      ],
    });
    const role = (trusted: string): ResourceFacts => ({
      ruleMustGrant: true,
      rule: {
        name: 'Trust',
        kind: 'trust',
        document: doc([{ Effect: 'Allow', Principal: { AWS: trusted }, Action: 'sts:AssumeRole' }]),
      },
    });
    class Roles extends ResourceFactsSource {
      readonly kind: ResourceKind = 'assumable-role';
      async facts(_em: EntityManager, query: ResourceFactsQuery): Promise<ResourceFacts> {
        return query.resource.arn.endsWith('/Trusting') ? role(alice.arn) : role(OTHER);
      }
    }
    const sut = world.sut([new Roles()]);
    const caller = await sut.prepare(ctx(alice), 0);
    const roleRef = (name: string): ResourceRef => ({
      arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
      account: ACCOUNT,
      kind: 'assumable-role',
    });
    expect((await sut.decide(caller, 'sts:AssumeRole', [roleRef('Trusting')])).decision).toBe('Allow');
    const refused = await sut.decide(caller, 'sts:AssumeRole', [roleRef('Elsewhere')]);
    expect(refused.decision).toBe('ImplicitDeny');
    expect(refused.error?.message).toMatch(
      /because no resource-based policy allows the sts:AssumeRole action$/,
    );
  });

  describe('resource control policies', () => {
    const rcp = (id: string, statements: object[]): StoredPolicy => ({
      id,
      version: '1',
      name: id,
      kind: 'rcp',
      document: doc(statements),
    });
    const RCP_FULL = rcp('p-RCPFullAWSAccess', [
      { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
    ]);
    const perimeter = rcp('p-perimeter', [
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abcdefghij' } },
      },
    ]);
    const assumeAnything = {
      tags: [],
      policies: [
        {
          id: 'assume',
          version: 'v1',
          name: 'Assume',
          document: doc([{ Effect: 'Allow', Action: ['sts:AssumeRole', 'cloudtrail:*'], Resource: '*' }]),
        },
      ],
    };
    class TrustingRoles extends ResourceFactsSource {
      readonly kind: ResourceKind = 'assumable-role';
      async facts(): Promise<ResourceFacts> {
        return {
          ruleMustGrant: true,
          rule: {
            name: 'Trust',
            kind: 'trust',
            document: doc([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]),
          },
        };
      }
    }
    const roleOf = (account: string): ResourceRef => ({
      arn: `arn:aws:iam::${account}:role/Deploy`,
      account,
      kind: 'assumable-role',
    });

    it('bound a request to another account’s resource with the owner’s RCP path, read once per generation', async () => {
      const world = new World();
      world.holders.set('AIDAALICE', assumeAnything);
      world.organizations.set(OTHER, {
        organizationId: 'o-abcdefghij',
        managementAccountId: '999999999999',
        scpPath: [],
        rcpPath: [[RCP_FULL], [RCP_FULL, perimeter]],
      });
      const sut = world.sut([new TrustingRoles()]);
      const caller = await sut.prepare(ctx(alice), 0);
      const outcome = await sut.decide(caller, 'sts:AssumeRole', [roleOf(OTHER)]);
      expect(outcome).toMatchObject({
        decision: 'ExplicitDeny',
        reason: { kind: 'rcp', policyName: 'p-perimeter' },
      });
      expect(outcome.error?.message).toMatch(/with an explicit deny in a resource control policy$/);
      await sut.decide(caller, 'sts:AssumeRole', [roleOf(OTHER)]);
      expect(world.organizationLoads.filter((account) => account === OTHER)).toHaveLength(1);
      world.generations.set(OTHER, 1);
      world.organizations.set(OTHER, { ...world.organizations.get(OTHER)!, rcpPath: [[RCP_FULL]] });
      expect((await sut.decide(caller, 'sts:AssumeRole', [roleOf(OTHER)])).decision).toBe('Allow');
    });

    it('bound the caller’s own resources with its own path, only for the services RCPs govern', async () => {
      const world = new World();
      world.holders.set('AIDAALICE', assumeAnything);
      world.organizations.set(ACCOUNT, {
        organizationId: 'o-otherorgxx',
        managementAccountId: OTHER,
        scpPath: [],
        rcpPath: [[RCP_FULL, perimeter]],
      });
      const sut = world.sut([new TrustingRoles()]);
      const caller = await sut.prepare(ctx(alice), 0);
      expect((await sut.decide(caller, 'sts:AssumeRole', [roleOf(ACCOUNT)])).reason).toMatchObject({
        kind: 'rcp',
      });
      expect((await sut.decide(caller, 'cloudtrail:GetTrail', [trail(ACCOUNT)])).decision).toBe('Allow');
      expect(world.organizationLoads).toEqual([ACCOUNT]);
    });
  });
});
