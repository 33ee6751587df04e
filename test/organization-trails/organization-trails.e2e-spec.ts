import {
  AddTagsCommand,
  CreateTrailCommand,
  DeleteTrailCommand,
  DeregisterOrganizationDelegatedAdminCommand,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListTrailsCommand,
  PutEventSelectorsCommand,
  RegisterOrganizationDelegatedAdminCommand,
  StopLoggingCommand,
  UpdateTrailCommand,
} from '@aws-sdk/client-cloudtrail';
import {
  DeleteOrganizationCommand,
  EnableAWSServiceAccessCommand,
  ListDelegatedAdministratorsCommand,
  RemoveAccountFromOrganizationCommand,
} from '@aws-sdk/client-organizations';
import { type TestCredentials } from '../support/credentials';
import { given, type GivenOrganization, uniqueName } from '../support/given';
import { eventually, OPERATOR, TestApp } from '../support/test-app';
import { enabledRegions, propagation } from '../trails/support/trail-world';

const CLOUDTRAIL = 'cloudtrail.amazonaws.com';

describe('organization trails', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  async function organizationWithCloudTrail(): Promise<GivenOrganization> {
    const org = await given.organization(app);
    await app
      .organizations(org.management)
      .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL }));
    return org;
  }

  async function orgTrail(
    creator: TestCredentials,
    options: { multiRegion?: boolean; region?: string } = {},
  ) {
    const name = uniqueName('org');
    const created = await app.cloudtrail(creator, options.region ?? 'us-east-1').send(
      new CreateTrailCommand({
        Name: name,
        S3BucketName: 'org-audit-logs',
        IsOrganizationTrail: true,
        IsMultiRegionTrail: options.multiRegion ?? true,
      }),
    );
    return { name, arn: created.TrailARN! };
  }

  const visibleTo = async (account: TestCredentials, arn: string, region = 'us-east-1'): Promise<boolean> => {
    const { trailList } = await app.cloudtrail(account, region).send(new DescribeTrailsCommand({}));
    return (trailList ?? []).some((t) => t.TrailARN === arn);
  };
  const eventuallyVisible = (account: TestCredentials, arn: string, region = 'us-east-1') =>
    eventually(async () => ((await visibleTo(account, arn, region)) ? true : undefined));
  const eventuallyGone = (account: TestCredentials, arn: string, region = 'us-east-1') =>
    eventually(async () => ((await visibleTo(account, arn, region)) ? undefined : true));

  it('reaches every member in every enabled Region; members read it by ARN only', async () => {
    const org = await organizationWithCloudTrail();
    const [a, b] = [await given.member(app, org), await given.member(app, org)];
    const trail = await orgTrail(org.management);
    expect(trail.arn).toBe(`arn:aws:cloudtrail:us-east-1:${org.management.accountId}:trail/${trail.name}`);

    for (const member of [a, b]) {
      await eventuallyVisible(member, trail.arn, 'us-east-1');
      await eventuallyVisible(member, trail.arn, 'ap-southeast-2');
    }
    const member = app.cloudtrail(a);
    const { Trail } = await member.send(new GetTrailCommand({ Name: trail.arn }));
    expect(Trail).toMatchObject({ IsOrganizationTrail: true, HomeRegion: 'us-east-1', Name: trail.name });
    await expect(member.send(new GetTrailCommand({ Name: trail.name }))).rejects.toMatchObject({
      name: 'TrailNotFoundException',
    });
    expect((await member.send(new GetTrailStatusCommand({ Name: trail.arn }))).IsLogging).toBe(false);
    expect((await member.send(new GetEventSelectorsCommand({ TrailName: trail.arn }))).TrailARN).toBe(
      trail.arn,
    );
    const listed = await member.send(new ListTrailsCommand({}));
    expect(listed.Trails).toContainEqual({ TrailARN: trail.arn, Name: trail.name, HomeRegion: 'us-east-1' });

    const status = await eventually(async () => {
      const response = await app
        .rest(org.management)
        .get(`/v1/trails/${encodeURIComponent(trail.arn)}/propagation`);
      return response.body.pending === 0 && response.body.observedGeneration === response.body.generation
        ? response.body
        : undefined;
    });
    expect(status.desired).toBe(3 * 17);
    expect(status.applied).toBe(3 * 17);
  });

  it('refuses every change by a member, whatever its policies allow, and leaves the trail unchanged', async () => {
    const org = await organizationWithCloudTrail();
    const member = await given.member(app, org);
    const trail = await orgTrail(org.management);
    await eventuallyVisible(member, trail.arn);
    const client = app.cloudtrail(member);
    const attempts = [
      new DeleteTrailCommand({ Name: trail.arn }),
      new StopLoggingCommand({ Name: trail.arn }),
      new UpdateTrailCommand({ Name: trail.arn, S3KeyPrefix: 'hijacked' }),
      new PutEventSelectorsCommand({ TrailName: trail.arn, EventSelectors: [{ ReadWriteType: 'ReadOnly' }] }),
      new AddTagsCommand({ ResourceId: trail.arn, TagsList: [{ Key: 'owner', Value: 'member' }] }),
    ];
    for (const command of attempts) {
      await expect(client.send(command as never)).rejects.toMatchObject({
        name: 'NotOrganizationMasterAccountException',
      });
    }
    const { Trail } = await app.cloudtrail(org.management).send(new GetTrailCommand({ Name: trail.name }));
    expect(Trail?.S3KeyPrefix).toBeUndefined();
    expect(Trail?.HasCustomEventSelectors).toBe(false);
  });

  it('checks the organization-trail preconditions in order', async () => {
    const loner = await given.account(app);
    await expect(
      app
        .cloudtrail(loner)
        .send(
          new CreateTrailCommand({ Name: uniqueName('o'), S3BucketName: 'logs', IsOrganizationTrail: true }),
        ),
    ).rejects.toMatchObject({ name: 'OrganizationsNotInUseException' });

    const billing = await given.organization(app, { featureSet: 'CONSOLIDATED_BILLING' });
    await expect(
      app
        .cloudtrail(billing.management)
        .send(
          new CreateTrailCommand({ Name: uniqueName('o'), S3BucketName: 'logs', IsOrganizationTrail: true }),
        ),
    ).rejects.toMatchObject({ name: 'OrganizationNotInAllFeaturesModeException' });

    const org = await given.organization(app);
    const member = await given.member(app, org);
    await expect(
      app
        .cloudtrail(org.management)
        .send(
          new CreateTrailCommand({ Name: uniqueName('o'), S3BucketName: 'logs', IsOrganizationTrail: true }),
        ),
    ).rejects.toMatchObject({ name: 'CloudTrailAccessNotEnabledException' });
    await app
      .organizations(org.management)
      .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL }));
    await expect(
      app
        .cloudtrail(member)
        .send(
          new CreateTrailCommand({ Name: uniqueName('o'), S3BucketName: 'logs', IsOrganizationTrail: true }),
        ),
    ).rejects.toMatchObject({ name: 'NotOrganizationMasterAccountException' });
    const { trailList } = await app.cloudtrail(member).send(new DescribeTrailsCommand({}));
    expect(trailList).toEqual([]);
  });

  it('lets a delegated administrator create organization trails owned by the management account, which survive deregistration', async () => {
    const org = await organizationWithCloudTrail();
    const admin = await given.member(app, org);
    const other = await given.member(app, org);
    await app
      .cloudtrail(org.management)
      .send(new RegisterOrganizationDelegatedAdminCommand({ MemberAccountId: admin.accountId }));
    const listed = await app
      .organizations(org.management)
      .send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: CLOUDTRAIL }));
    expect(listed.DelegatedAdministrators?.map((d) => d.Id)).toEqual([admin.accountId]);

    const trail = await orgTrail(admin);
    expect(trail.arn).toContain(`:${org.management.accountId}:trail/`);
    await eventuallyVisible(other, trail.arn);
    await app.cloudtrail(admin).send(new StopLoggingCommand({ Name: trail.arn }));
    await expect(
      app.cloudtrail(admin).send(new UpdateTrailCommand({ Name: trail.arn, IsOrganizationTrail: false })),
    ).rejects.toMatchObject({ name: 'NotOrganizationManagementAccountException' });

    await app
      .cloudtrail(org.management)
      .send(new DeregisterOrganizationDelegatedAdminCommand({ DelegatedAdminAccountId: admin.accountId }));
    expect(
      (await app.cloudtrail(org.management).send(new GetTrailCommand({ Name: trail.name }))).Trail
        ?.IsOrganizationTrail,
    ).toBe(true);
    await expect(
      app.cloudtrail(admin).send(new StopLoggingCommand({ Name: trail.arn })),
    ).rejects.toMatchObject({
      name: 'NotOrganizationMasterAccountException',
    });
  });

  it('enforces the delegated-administrator rules with CloudTrail’s codes', async () => {
    const org = await organizationWithCloudTrail();
    const members = [
      await given.member(app, org),
      await given.member(app, org),
      await given.member(app, org),
      await given.member(app, org),
    ];
    const client = app.cloudtrail(org.management);
    for (const member of members.slice(0, 3)) {
      await client.send(new RegisterOrganizationDelegatedAdminCommand({ MemberAccountId: member.accountId }));
    }
    await expect(
      client.send(new RegisterOrganizationDelegatedAdminCommand({ MemberAccountId: members[3].accountId })),
    ).rejects.toMatchObject({
      name: 'DelegatedAdminAccountLimitExceededException',
    });
    await expect(
      client.send(new RegisterOrganizationDelegatedAdminCommand({ MemberAccountId: members[0].accountId })),
    ).rejects.toMatchObject({
      name: 'AccountRegisteredException',
    });
    await expect(
      client.send(
        new RegisterOrganizationDelegatedAdminCommand({ MemberAccountId: org.management.accountId }),
      ),
    ).rejects.toMatchObject({
      name: 'CannotDelegateManagementAccountException',
    });
    await expect(
      app
        .cloudtrail(members[1])
        .send(new RegisterOrganizationDelegatedAdminCommand({ MemberAccountId: members[3].accountId })),
    ).rejects.toMatchObject({ name: 'NotOrganizationManagementAccountException' });
    const outsider = await given.account(app);
    await expect(
      client.send(
        new DeregisterOrganizationDelegatedAdminCommand({ DelegatedAdminAccountId: outsider.accountId }),
      ),
    ).rejects.toMatchObject({
      name: expect.stringMatching(/AccountNotFoundException|AccountNotRegisteredException/),
    });
    await expect(
      app
        .organizations(org.management)
        .send(new RemoveAccountFromOrganizationCommand({ AccountId: members[0].accountId })),
    ).rejects.toMatchObject({
      name: 'ConstraintViolationException',
      Reason: 'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG',
    });
  });

  it('follows membership: a joining account receives existing trails, a leaving one loses them', async () => {
    const org = await organizationWithCloudTrail();
    const trail = await orgTrail(org.management);
    const joiner = await given.member(app, org);
    await eventuallyVisible(joiner, trail.arn, 'eu-west-1');
    await app
      .organizations(org.management)
      .send(new RemoveAccountFromOrganizationCommand({ AccountId: joiner.accountId }));
    await eventuallyGone(joiner, trail.arn, 'eu-west-1');
    await eventuallyGone(joiner, trail.arn, 'us-east-1');
  });

  it('copies a multi-Region organization trail into a newly launched Region for every member', async () => {
    const org = await organizationWithCloudTrail();
    const member = await given.member(app, org);
    const trail = await orgTrail(org.management);
    await eventuallyVisible(member, trail.arn);
    const region = `xx-${uniqueName('o')
      .replace(/[^a-z]/g, '')
      .slice(0, 10)}-1`;
    expect((await app.rest(OPERATOR).post('/v1/regions', { name: region, optIn: false })).status).toBe(201);
    await eventuallyVisible(member, trail.arn, region);
    await eventuallyVisible(org.management, trail.arn, region);
  });

  it('removes every member copy when IsOrganizationTrail is turned off, and adds them back when on', async () => {
    const org = await organizationWithCloudTrail();
    const member = await given.member(app, org);
    const trail = await orgTrail(org.management);
    await eventuallyVisible(member, trail.arn);
    const management = app.cloudtrail(org.management);
    await management.send(new UpdateTrailCommand({ Name: trail.name, IsOrganizationTrail: false }));
    await eventuallyGone(member, trail.arn);
    expect(await visibleTo(org.management, trail.arn)).toBe(true);
    await management.send(new UpdateTrailCommand({ Name: trail.name, IsOrganizationTrail: true }));
    await eventuallyVisible(member, trail.arn);
  });

  it('lands in a member already holding five trails, which then counts against its quota', async () => {
    const org = await organizationWithCloudTrail();
    const member = await given.member(app, org);
    const client = app.cloudtrail(member, 'eu-west-1');
    for (let i = 0; i < 5; i++)
      await client.send(new CreateTrailCommand({ Name: uniqueName('own'), S3BucketName: 'logs' }));
    const trail = await orgTrail(org.management);
    await eventuallyVisible(member, trail.arn, 'eu-west-1');
    const { trailList } = await client.send(new DescribeTrailsCommand({}));
    expect(trailList).toHaveLength(6);
    await expect(
      client.send(new CreateTrailCommand({ Name: uniqueName('own'), S3BucketName: 'logs' })),
    ).rejects.toMatchObject({
      name: 'MaximumNumberOfTrailsExceededException',
    });
  });

  it('turns organization trails into ordinary trails when the organization is deleted', async () => {
    const org = await organizationWithCloudTrail();
    const trail = await orgTrail(org.management, { multiRegion: false });
    await app.organizations(org.management).send(new DeleteOrganizationCommand({}));
    const { Trail } = await eventually(async () => {
      const found = await app.cloudtrail(org.management).send(new GetTrailCommand({ Name: trail.name }));
      return found.Trail?.IsOrganizationTrail === false ? found : undefined;
    });
    expect(Trail?.TrailARN).toBe(trail.arn);
  });

  it('completes the propagation of the trails it detaches at once, without waiting for the sweep', async () => {
    // Regression: detaching bumped the trail's generation but left it for the sweep (30 s and more)
    // to mark propagated; the propagation status reported it pending meanwhile.
    const org = await organizationWithCloudTrail();
    const member = await given.member(app, org);
    const trail = await orgTrail(org.management, { multiRegion: true });
    await eventuallyVisible(member, trail.arn);
    await app
      .organizations(org.management)
      .send(new RemoveAccountFromOrganizationCommand({ AccountId: member.accountId }));
    await app.organizations(org.management).send(new DeleteOrganizationCommand({}));

    const status = await eventually(async () => {
      const found = await propagation(app, org.management, 'us-east-1', trail.name);
      return found.observedGeneration === found.generation && found.generation > 1 ? found : undefined;
    }, 20_000);
    const regions = await enabledRegions(app, org.management);
    expect(status).toMatchObject({ desired: regions.length, applied: regions.length, pending: 0, failed: 0 });
    expect(await visibleTo(member, trail.arn)).toBe(false);
  });
});
