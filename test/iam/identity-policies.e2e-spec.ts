import {
  CreateTrailCommand,
  DeleteTrailCommand,
  DescribeTrailsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  ListTrailsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { given, givenIam, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';
import { sdkError } from './support/iam-clients';

const BUCKET = 'audit-logs';

describe('identity policies on every request', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  async function accountWithTrail(region = 'us-east-1') {
    const account = await given.account(app);
    const name = uniqueName('trail');
    const created = await app
      .cloudtrail(account, region)
      .send(new CreateTrailCommand({ Name: name, S3BucketName: BUCKET }));
    return { account, name, arn: created.TrailARN! };
  }

  it('lets a user with AWSCloudTrail_ReadOnlyAccess describe, get and list, but not create: AccessDeniedException, nothing written', async () => {
    const { account, name, arn } = await accountWithTrail();
    const reader = await givenIam.user(app, account, { managedPolicies: ['AWSCloudTrail_ReadOnlyAccess'] });
    const cloudtrail = app.cloudtrail(reader);

    expect((await cloudtrail.send(new GetTrailCommand({ Name: name }))).Trail?.TrailARN).toBe(arn);
    expect((await cloudtrail.send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.TrailARN)).toEqual([
      arn,
    ]);
    expect((await cloudtrail.send(new ListTrailsCommand({}))).Trails?.map((t) => t.TrailARN)).toEqual([arn]);
    expect((await cloudtrail.send(new GetTrailStatusCommand({ Name: arn }))).IsLogging).toBe(false);
    expect(
      (await cloudtrail.send(new ListTagsCommand({ ResourceIdList: [arn] }))).ResourceTagList,
    ).toHaveLength(1);

    const denied = await sdkError(
      cloudtrail.send(new CreateTrailCommand({ Name: 'not-allowed', S3BucketName: BUCKET })),
    );
    expect(denied).toEqual({
      name: 'AccessDeniedException',
      message:
        `User: ${reader.arn} is not authorized to perform: cloudtrail:CreateTrail on resource: ` +
        `arn:aws:cloudtrail:us-east-1:${account.accountId}:trail/not-allowed because no identity-based policy allows the cloudtrail:CreateTrail action`,
    });
    expect(await sdkError(cloudtrail.send(new StartLoggingCommand({ Name: name })))).toMatchObject({
      name: 'AccessDeniedException',
    });
    const trails = await app.cloudtrail(account).send(new DescribeTrailsCommand({}));
    expect(trails.trailList?.map((t) => t.Name)).toEqual([name]);
    expect((await app.cloudtrail(account).send(new GetTrailStatusCommand({ Name: name }))).IsLogging).toBe(
      false,
    );
  });

  it('denies a user without policies everything, over REST too, with the AWS message', async () => {
    const { account, name } = await accountWithTrail();
    const nobody = await givenIam.user(app, account);

    const response = await app.rest(nobody).get(`/v1/trails/${name}`);
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({
      code: 'AccessDeniedException',
      message: `User: ${nobody.arn} is not authorized to perform: cloudtrail:GetTrail on resource: arn:aws:cloudtrail:us-east-1:${account.accountId}:trail/${name} because no identity-based policy allows the cloudtrail:GetTrail action`,
    });
  });

  it('lets an explicit deny on cloudtrail:StopLogging beat AdministratorAccess', async () => {
    const { account, name } = await accountWithTrail();
    const admin = await givenIam.user(app, account, {
      managedPolicies: ['AdministratorAccess'],
      inlinePolicies: {
        KeepLogging: {
          Version: '2012-10-17',
          Statement: [{ Sid: 'NoStop', Effect: 'Deny', Action: 'cloudtrail:StopLogging', Resource: '*' }],
        },
      },
    });
    const cloudtrail = app.cloudtrail(admin);
    await cloudtrail.send(new StartLoggingCommand({ Name: name }));

    const denied = await sdkError(cloudtrail.send(new StopLoggingCommand({ Name: name })));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toMatch(
      /cloudtrail:StopLogging .* with an explicit deny in an identity-based policy$/,
    );
    expect((await cloudtrail.send(new GetTrailStatusCommand({ Name: name }))).IsLogging).toBe(true);
  });

  it('confines a user to one Region with an aws:RequestedRegion condition', async () => {
    const account = await given.account(app);
    const regional = await givenIam.user(app, account, {
      inlinePolicies: {
        EuWestOnly: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'cloudtrail:*',
              Resource: '*',
              Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
            },
          ],
        },
      },
    });

    const inEuWest = await app
      .cloudtrail(regional, 'eu-west-1')
      .send(new CreateTrailCommand({ Name: uniqueName('eu'), S3BucketName: BUCKET }));
    expect(inEuWest.TrailARN).toContain(':eu-west-1:');
    expect(
      await sdkError(
        app
          .cloudtrail(regional, 'us-east-1')
          .send(new CreateTrailCommand({ Name: uniqueName('us'), S3BucketName: BUCKET })),
      ),
    ).toMatchObject({ name: 'AccessDeniedException' });
    expect(
      await sdkError(app.cloudtrail(regional, 'us-west-2').send(new ListTrailsCommand({}))),
    ).toMatchObject({ name: 'AccessDeniedException' });
  });

  it('conditions CreateTrail on the tags it sets (aws:RequestTag, aws:TagKeys)', async () => {
    const account = await given.account(app);
    const tagger = await givenIam.user(app, account, {
      inlinePolicies: {
        TaggedOnly: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'cloudtrail:CreateTrail',
              Resource: '*',
              Condition: {
                StringEquals: { 'aws:RequestTag/team': 'blue' },
                'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] },
              },
            },
          ],
        },
      },
    });
    const cloudtrail = app.cloudtrail(tagger);
    await cloudtrail.send(
      new CreateTrailCommand({
        Name: uniqueName('tagged'),
        S3BucketName: BUCKET,
        TagsList: [{ Key: 'team', Value: 'blue' }],
      }),
    );
    for (const TagsList of [
      [],
      [{ Key: 'team', Value: 'red' }],
      [
        { Key: 'team', Value: 'blue' },
        { Key: 'owner', Value: 'x' },
      ],
    ]) {
      expect(
        await sdkError(
          cloudtrail.send(
            new CreateTrailCommand({ Name: uniqueName('untagged'), S3BucketName: BUCKET, TagsList }),
          ),
        ),
      ).toMatchObject({ name: 'AccessDeniedException' });
    }
  });

  it('conditions access on the trail’s own tags (aws:ResourceTag)', async () => {
    const account = await given.account(app);
    const root = app.cloudtrail(account);
    const prod = uniqueName('prod');
    const dev = uniqueName('dev');
    await root.send(
      new CreateTrailCommand({ Name: prod, S3BucketName: BUCKET, TagsList: [{ Key: 'env', Value: 'prod' }] }),
    );
    await root.send(
      new CreateTrailCommand({ Name: dev, S3BucketName: BUCKET, TagsList: [{ Key: 'env', Value: 'dev' }] }),
    );
    const operator = await givenIam.user(app, account, {
      inlinePolicies: {
        ProdTrails: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'cloudtrail:*Logging',
              Resource: '*',
              Condition: { StringEquals: { 'aws:ResourceTag/env': 'prod' } },
            },
          ],
        },
      },
    });
    await app.cloudtrail(operator).send(new StartLoggingCommand({ Name: prod }));
    expect(
      await sdkError(app.cloudtrail(operator).send(new StartLoggingCommand({ Name: dev }))),
    ).toMatchObject({
      name: 'AccessDeniedException',
    });
    expect((await root.send(new GetTrailStatusCommand({ Name: prod }))).IsLogging).toBe(true);
    expect((await root.send(new GetTrailStatusCommand({ Name: dev }))).IsLogging).toBe(false);
  });

  it('scopes a grant to the resources it names, with policy variables', async () => {
    const account = await given.account(app);
    const userName = uniqueName('owner');
    const owner = await givenIam.user(app, account, {
      userName,
      inlinePolicies: {
        OwnTrails: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['cloudtrail:CreateTrail', 'cloudtrail:GetTrail', 'cloudtrail:DeleteTrail'],
              Resource: 'arn:aws:cloudtrail:*:${aws:PrincipalAccount}:trail/${aws:username}-*',
            },
          ],
        },
      },
    });
    const cloudtrail = app.cloudtrail(owner);
    await cloudtrail.send(new CreateTrailCommand({ Name: `${userName}-audit`, S3BucketName: BUCKET }));
    expect((await cloudtrail.send(new GetTrailCommand({ Name: `${userName}-audit` }))).Trail?.Name).toBe(
      `${userName}-audit`,
    );
    expect(
      await sdkError(cloudtrail.send(new CreateTrailCommand({ Name: 'someone-else', S3BucketName: BUCKET }))),
    ).toMatchObject({ name: 'AccessDeniedException' });
    await cloudtrail.send(new DeleteTrailCommand({ Name: `${userName}-audit` }));
  });

  it('refuses cross-account reads of an ordinary trail with AccessDeniedException, even to an administrator or root', async () => {
    const { arn } = await accountWithTrail();
    const other = await given.account(app);
    const admin = await givenIam.user(app, other, { managedPolicies: ['AdministratorAccess'] });

    for (const credentials of [other, admin]) {
      const cloudtrail = app.cloudtrail(credentials);
      const denied = await sdkError(cloudtrail.send(new GetTrailCommand({ Name: arn })));
      expect(denied.name).toBe('AccessDeniedException');
      expect(denied.message).toContain(
        'because no resource-based policy allows the cloudtrail:GetTrail action',
      );
      expect(await sdkError(cloudtrail.send(new DeleteTrailCommand({ Name: arn })))).toMatchObject({
        name: 'AccessDeniedException',
      });
    }
  });

  it('applies a policy change on the next request (the account’s authorization generation moves)', async () => {
    const { account, name } = await accountWithTrail();
    const user = await givenIam.user(app, account);
    const cloudtrail = app.cloudtrail(user);
    expect(await sdkError(cloudtrail.send(new GetTrailCommand({ Name: name })))).toMatchObject({
      name: 'AccessDeniedException',
    });

    const root = app.rest(account);
    await root.post(`/v1/iam/users/${user.userName}/attached-policies`, {
      policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    expect((await cloudtrail.send(new GetTrailCommand({ Name: name }))).Trail?.Name).toBe(name);

    await root.delete(
      `/v1/iam/users/${user.userName}/attached-policies?policyArn=${encodeURIComponent('arn:aws:iam::aws:policy/ReadOnlyAccess')}`,
    );
    expect(await sdkError(cloudtrail.send(new GetTrailCommand({ Name: name })))).toMatchObject({
      name: 'AccessDeniedException',
    });
  });

  it('applies a change made through one API replica on the next request to another (versioned keys, no messages)', async () => {
    const { account, name } = await accountWithTrail();
    const user = await givenIam.user(app, account, { managedPolicies: ['AWSCloudTrail_ReadOnlyAccess'] });
    const replica = await TestApp.start({ databaseUrl: app.databaseUrl });
    try {
      expect((await replica.cloudtrail(user).send(new GetTrailCommand({ Name: name }))).Trail?.Name).toBe(
        name,
      );
      const put = await app.rest(account).put(`/v1/iam/users/${user.userName}/policies/NoReads`, {
        policyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: 'cloudtrail:Get*', Resource: '*' }],
        },
      });
      expect(put.status).toBe(204);
      expect(
        await sdkError(replica.cloudtrail(user).send(new GetTrailCommand({ Name: name }))),
      ).toMatchObject({
        name: 'AccessDeniedException',
      });
    } finally {
      await replica.close({ keepDatabase: true });
    }
  });

  it('keeps the root user allowed everything in its own account', async () => {
    const { account, name } = await accountWithTrail();
    const cloudtrail = app.cloudtrail(account);
    await cloudtrail.send(new StartLoggingCommand({ Name: name }));
    await cloudtrail.send(new StopLoggingCommand({ Name: name }));
    await cloudtrail.send(new DeleteTrailCommand({ Name: name }));
  });
});
