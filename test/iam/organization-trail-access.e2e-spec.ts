import {
  AddTagsCommand,
  CreateTrailCommand,
  DeleteTrailCommand,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
  UpdateTrailCommand,
} from '@aws-sdk/client-cloudtrail';
import { EnableAWSServiceAccessCommand } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { type TestCredentials } from '../support/credentials';
import { given, givenIam, uniqueName } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import { sdkError, stsClient } from './support/iam-clients';

describe('organization trails and the members that inherit them', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const visibleTo = async (credentials: TestCredentials, arn: string): Promise<true | undefined> => {
    const { trailList } = await app.cloudtrail(credentials).send(new DescribeTrailsCommand({}));
    return (trailList ?? []).some((trail) => trail.TrailARN === arn) ? true : undefined;
  };

  it('lets a member that assumed OrganizationAccountAccessRole read the organization trail but not change it', async () => {
    const org = await given.organization(app);
    await app
      .organizations(org.management)
      .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' }));
    const memberId = await given.createdAccount(app, org);
    const management = app.cloudtrail(org.management);
    const name = uniqueName('org');
    const created = await management.send(
      new CreateTrailCommand({
        Name: name,
        S3BucketName: 'org-logs',
        IsOrganizationTrail: true,
        IsMultiRegionTrail: true,
      }),
    );
    const arn = created.TrailARN!;
    await management.send(new StartLoggingCommand({ Name: name }));

    const session = await givenIam.memberAccessSession(app, org, memberId);
    expect((await stsClient(app, session).send(new GetCallerIdentityCommand({}))).Arn).toMatch(
      new RegExp(`^arn:aws:sts::${memberId}:assumed-role/OrganizationAccountAccessRole/`),
    );
    // The access role carries AdministratorAccess, as AWS attaches it.
    const attached = await app
      .rest(session)
      .get('/v1/iam/roles/OrganizationAccountAccessRole/attached-policies');
    expect(attached.body.attachedPolicies).toEqual([
      { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    ]);

    await eventually(() => visibleTo(session, arn));
    const member = app.cloudtrail(session);
    expect((await member.send(new GetTrailCommand({ Name: arn }))).Trail).toMatchObject({
      TrailARN: arn,
      IsOrganizationTrail: true,
    });
    expect((await member.send(new GetTrailStatusCommand({ Name: arn }))).IsLogging).toBe(true);
    expect((await member.send(new GetEventSelectorsCommand({ TrailName: arn }))).TrailARN).toBe(arn);
    expect((await member.send(new ListTagsCommand({ ResourceIdList: [arn] }))).ResourceTagList).toHaveLength(
      1,
    );

    const writes: Array<[string, () => Promise<unknown>]> = [
      ['StopLogging', () => member.send(new StopLoggingCommand({ Name: arn }))],
      ['DeleteTrail', () => member.send(new DeleteTrailCommand({ Name: arn }))],
      ['UpdateTrail', () => member.send(new UpdateTrailCommand({ Name: arn, S3BucketName: 'elsewhere' }))],
      [
        'AddTags',
        () => member.send(new AddTagsCommand({ ResourceId: arn, TagsList: [{ Key: 'k', Value: 'v' }] })),
      ],
      [
        'PutEventSelectors',
        () =>
          member.send(
            new PutEventSelectorsCommand({ TrailName: arn, EventSelectors: [{ ReadWriteType: 'ReadOnly' }] }),
          ),
      ],
    ];
    for (const [operation, write] of writes) {
      const failure = await sdkError(write());
      expect({ operation, name: failure.name }).toEqual({
        operation,
        name: 'NotOrganizationMasterAccountException',
      });
    }

    const trail = (await management.send(new GetTrailCommand({ Name: name }))).Trail;
    expect(trail).toMatchObject({ S3BucketName: 'org-logs', IsOrganizationTrail: true });
    expect((await management.send(new GetTrailStatusCommand({ Name: name }))).IsLogging).toBe(true);
    expect(
      (await management.send(new ListTagsCommand({ ResourceIdList: [arn] }))).ResourceTagList?.[0].TagsList ??
        [],
    ).toEqual([]);
  });

  it('still needs the member principal’s own permission to read, and never lets another organization in', async () => {
    const org = await given.organization(app);
    await app
      .organizations(org.management)
      .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' }));
    const member = await given.member(app, org);
    const name = uniqueName('org');
    const { TrailARN: arn } = await app
      .cloudtrail(org.management)
      .send(new CreateTrailCommand({ Name: name, S3BucketName: 'org-logs', IsOrganizationTrail: true }));
    await eventually(() => visibleTo(member, arn!));

    const reader = await givenIam.user(app, member, { managedPolicies: ['AWSCloudTrail_ReadOnlyAccess'] });
    const nobody = await givenIam.user(app, member);
    expect((await app.cloudtrail(reader).send(new GetTrailCommand({ Name: arn }))).Trail?.Name).toBe(name);
    const denied = await sdkError(app.cloudtrail(nobody).send(new GetTrailCommand({ Name: arn })));
    expect(denied).toEqual({
      name: 'AccessDeniedException',
      message: `User: ${nobody.arn} is not authorized to perform: cloudtrail:GetTrail on resource: ${arn} because no identity-based policy allows the cloudtrail:GetTrail action`,
    });

    const outsider = await given.account(app);
    expect(await sdkError(app.cloudtrail(outsider).send(new GetTrailCommand({ Name: arn })))).toMatchObject({
      name: 'AccessDeniedException',
    });
    expect(
      await sdkError(app.cloudtrail(outsider).send(new DeleteTrailCommand({ Name: arn }))),
    ).toMatchObject({
      name: 'AccessDeniedException',
    });
  });
});
