import {
  AddTagsCommand,
  CreateTrailCommand,
  DeleteTrailCommand,
  DeregisterOrganizationDelegatedAdminCommand,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  LookupEventsCommand,
  PutEventSelectorsCommand,
  RegisterOrganizationDelegatedAdminCommand,
  StopLoggingCommand,
  UpdateTrailCommand,
} from '@aws-sdk/client-cloudtrail';
import { EnableAWSServiceAccessCommand } from '@aws-sdk/client-organizations';
import { type TestCredentials } from '../support/credentials';
import { given, uniqueName } from '../support/given';
import { eventually, TestApp } from '../support/test-app';

// The delegated administrator acts last: its DeleteTrail on the organization trail is allowed.
const ROLES = ['standalone', 'management', 'member', 'otherOrganization', 'delegatedAdmin'] as const;
type Role = (typeof ROLES)[number];
type Resource =
  'standaloneTrail' | 'managementTrail' | 'organizationTrail' | 'memberTrail' | 'otherOrganizationTrail';
type Outcome = 'allowed' | 'AccessDeniedException' | 'NotOrganizationMasterAccountException';

const READS = ['GetTrail', 'GetTrailStatus', 'GetEventSelectors', 'ListTags'] as const;
const WRITES = ['UpdateTrail', 'PutEventSelectors', 'AddTags', 'StopLogging', 'DeleteTrail'] as const;
type Operation = (typeof READS)[number] | (typeof WRITES)[number];

const OWNER: Record<Resource, Role> = {
  standaloneTrail: 'standalone',
  managementTrail: 'management',
  organizationTrail: 'management',
  memberTrail: 'member',
  otherOrganizationTrail: 'otherOrganization',
};

/** The documented access: owners do everything; the org trail is read by members and managed by admins; nothing else crosses accounts. */
function expected(role: Role, resource: Resource, operation: Operation): Outcome {
  if (OWNER[resource] === role) return 'allowed';
  if (resource === 'organizationTrail') {
    if (role === 'delegatedAdmin') return 'allowed';
    if (role === 'member')
      return (READS as readonly string[]).includes(operation)
        ? 'allowed'
        : 'NotOrganizationMasterAccountException';
  }
  return 'AccessDeniedException';
}

function command(operation: Operation, arn: string) {
  switch (operation) {
    case 'GetTrail':
      return new GetTrailCommand({ Name: arn });
    case 'GetTrailStatus':
      return new GetTrailStatusCommand({ Name: arn });
    case 'GetEventSelectors':
      return new GetEventSelectorsCommand({ TrailName: arn });
    case 'ListTags':
      return new ListTagsCommand({ ResourceIdList: [arn] });
    case 'UpdateTrail':
      return new UpdateTrailCommand({ Name: arn, S3KeyPrefix: 'matrix' });
    case 'PutEventSelectors':
      return new PutEventSelectorsCommand({ TrailName: arn, EventSelectors: [{ ReadWriteType: 'All' }] });
    case 'AddTags':
      return new AddTagsCommand({ ResourceId: arn, TagsList: [{ Key: 'matrix', Value: 'x' }] });
    case 'StopLogging':
      return new StopLoggingCommand({ Name: arn });
    case 'DeleteTrail':
      return new DeleteTrailCommand({ Name: arn });
  }
}

describe('cross-account access matrix', () => {
  let app: TestApp;
  const identities = {} as Record<Role, TestCredentials>;
  const trails = {} as Record<Resource, string>;

  beforeAll(async () => {
    app = await TestApp.start();
    const org = await given.organization(app);
    await app
      .organizations(org.management)
      .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' }));
    identities.management = org.management;
    identities.member = await given.member(app, org);
    identities.delegatedAdmin = await given.member(app, org);
    await app.cloudtrail(org.management).send(
      new RegisterOrganizationDelegatedAdminCommand({
        MemberAccountId: identities.delegatedAdmin.accountId,
      }),
    );
    identities.standalone = await given.account(app);
    identities.otherOrganization = (await given.organization(app)).management;
  });
  afterAll(() => app.close());

  // Each row set gets fresh trails; removing them afterwards keeps every account under its five.
  const created: Array<{ owner: TestCredentials; arn: string }> = [];
  afterEach(async () => {
    for (const { owner, arn } of created.splice(0)) {
      await app
        .cloudtrail(owner)
        .send(new DeleteTrailCommand({ Name: arn }))
        .catch(() => undefined);
    }
  });

  /** Fresh trails for each operation, so a delete or an update in one row cannot affect another. */
  async function createTrails(): Promise<Record<Resource, string>> {
    const make = async (owner: TestCredentials, organization = false): Promise<string> => {
      const { TrailARN } = await app.cloudtrail(owner).send(
        new CreateTrailCommand({
          Name: uniqueName('mx'),
          S3BucketName: 'matrix-logs',
          IsMultiRegionTrail: organization,
          IsOrganizationTrail: organization,
        }),
      );
      created.push({ owner, arn: TrailARN! });
      return TrailARN!;
    };
    const fresh: Record<Resource, string> = {
      standaloneTrail: await make(identities.standalone),
      managementTrail: await make(identities.management),
      organizationTrail: await make(identities.management, true),
      memberTrail: await make(identities.member),
      otherOrganizationTrail: await make(identities.otherOrganization),
    };
    for (const role of ['member', 'delegatedAdmin'] as const) {
      await eventually(async () => {
        const { trailList } = await app.cloudtrail(identities[role]).send(new DescribeTrailsCommand({}));
        return trailList?.some((t) => t.TrailARN === fresh.organizationTrail) ? true : undefined;
      });
    }
    return fresh;
  }

  it.each([...READS, ...WRITES])(
    '%s: exactly the documented access for every principal and resource',
    async (operation) => {
      Object.assign(trails, await createTrails());
      const results: string[] = [];
      const wanted: string[] = [];
      for (const role of ROLES) {
        for (const resource of Object.keys(OWNER) as Resource[]) {
          // Owners act last on their own trails, so a DeleteTrail by the owner does not hide other rows.
          if (OWNER[resource] === role && (operation === 'DeleteTrail' || operation === 'UpdateTrail'))
            continue;
          let outcome: string;
          try {
            await app.cloudtrail(identities[role]).send(command(operation, trails[resource]) as never);
            outcome = 'allowed';
          } catch (error) {
            outcome = (error as { name: string }).name;
          }
          results.push(`${role} → ${resource}: ${outcome}`);
          wanted.push(`${role} → ${resource}: ${expected(role, resource, operation)}`);
        }
      }
      expect(results).toEqual(wanted);
      // Members and outsiders changed nothing: the org trail is intact for its owner.
      if (operation !== 'DeleteTrail') {
        const { Trail } = await app
          .cloudtrail(identities.management)
          .send(new GetTrailCommand({ Name: trails.organizationTrail }));
        expect(Trail?.IsOrganizationTrail).toBe(true);
      }
    },
  );

  it('never shows one account’s events to another, and records denials as events', async () => {
    const outsider = identities.standalone;
    await expect(
      app.cloudtrail(outsider).send(new GetTrailCommand({ Name: (await createTrails()).managementTrail })),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    const denial = await eventually(async () => {
      const { Events } = await app.cloudtrail(outsider).send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetTrail' }],
        }),
      );
      return Events?.find((e) => JSON.parse(e.CloudTrailEvent!).errorCode === 'AccessDenied');
    });
    expect(JSON.parse(denial.CloudTrailEvent!).recipientAccountId).toBe(outsider.accountId);
    const { Events } = await app.cloudtrail(outsider).send(new LookupEventsCommand({ MaxResults: 50 }));
    for (const event of Events ?? [])
      expect(JSON.parse(event.CloudTrailEvent!).recipientAccountId).toBe(outsider.accountId);
  });

  it('takes write access away from a delegated administrator the moment it is deregistered', async () => {
    const { organizationTrail } = await createTrails();
    const admin = app.cloudtrail(identities.delegatedAdmin);
    await admin.send(new StopLoggingCommand({ Name: organizationTrail }));
    await app.cloudtrail(identities.management).send(
      new DeregisterOrganizationDelegatedAdminCommand({
        DelegatedAdminAccountId: identities.delegatedAdmin.accountId,
      }),
    );
    await expect(admin.send(new StopLoggingCommand({ Name: organizationTrail }))).rejects.toMatchObject({
      name: 'NotOrganizationMasterAccountException',
    });
    await app.cloudtrail(identities.management).send(
      new RegisterOrganizationDelegatedAdminCommand({
        MemberAccountId: identities.delegatedAdmin.accountId,
      }),
    );
  });
});
