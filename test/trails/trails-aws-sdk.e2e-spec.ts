import {
  AddTagsCommand,
  CreateTrailCommand,
  DeleteTrailCommand,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetInsightSelectorsCommand,
  GetTrailCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  ListTrailsCommand,
  PutEventSelectorsCommand,
  PutInsightSelectorsCommand,
  RemoveTagsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
  UpdateTrailCommand,
} from '@aws-sdk/client-cloudtrail';
import { given, uniqueName } from '../support/given';
import { eventually, TestApp } from '../support/test-app';

describe('CloudTrail trails through @aws-sdk/client-cloudtrail', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('creates a trail with the documented defaults and reads it back every way', async () => {
    const account = await given.account(app);
    const client = app.cloudtrail(account, 'eu-west-1');
    const name = uniqueName('t');

    const created = await client.send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));
    const arn = `arn:aws:cloudtrail:eu-west-1:${account.accountId}:trail/${name}`;
    expect(created).toMatchObject({
      Name: name,
      S3BucketName: 'audit-logs',
      IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: false,
      LogFileValidationEnabled: false,
      IsOrganizationTrail: false,
      TrailARN: arn,
    });

    const { Trail } = await client.send(new GetTrailCommand({ Name: name }));
    expect(Trail).toMatchObject({
      TrailARN: arn,
      HomeRegion: 'eu-west-1',
      HasCustomEventSelectors: false,
      HasInsightSelectors: false,
    });
    expect((await client.send(new GetTrailCommand({ Name: arn }))).Trail?.Name).toBe(name);

    const status = await client.send(new GetTrailStatusCommand({ Name: name }));
    expect(status.IsLogging).toBe(false);

    const selectors = await client.send(new GetEventSelectorsCommand({ TrailName: name }));
    expect(selectors.EventSelectors).toEqual([
      {
        ReadWriteType: 'All',
        IncludeManagementEvents: true,
        DataResources: [],
        ExcludeManagementEventSources: [],
      },
    ]);

    const listed = await client.send(new ListTrailsCommand({}));
    expect(listed.Trails).toEqual([{ TrailARN: arn, Name: name, HomeRegion: 'eu-west-1' }]);
  });

  it('starts and stops logging, with times in GetTrailStatus and the deprecated members AWS still sends', async () => {
    const account = await given.account(app);
    const client = app.cloudtrail(account);
    const name = uniqueName('t');
    await client.send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));
    const status = async () => {
      const { $metadata: _metadata, ...members } = await client.send(
        new GetTrailStatusCommand({ Name: name }),
      );
      return members;
    };
    // Unset, the six deprecated string members are empty strings, as the live service sends them.
    const unset = {
      LatestDeliveryAttemptTime: '',
      LatestNotificationAttemptTime: '',
      LatestNotificationAttemptSucceeded: '',
      LatestDeliveryAttemptSucceeded: '',
      TimeLoggingStarted: '',
      TimeLoggingStopped: '',
    };
    expect(await status()).toEqual({ IsLogging: false, ...unset });

    await client.send(new StartLoggingCommand({ Name: name }));
    const started = await status();
    const startedAt = started.StartLoggingTime!;
    expect(started).toEqual({
      IsLogging: true,
      StartLoggingTime: expect.any(Date) as Date,
      ...unset,
      // ISO-8601 in whole seconds: "2015-09-01T00:54:02Z".
      TimeLoggingStarted: `${startedAt.toISOString().slice(0, 19)}Z`,
    });
    await client.send(new StopLoggingCommand({ Name: name }));
    const stopped = await status();
    const stoppedAt = stopped.StopLoggingTime!;
    expect(stopped).toEqual({
      IsLogging: false,
      StartLoggingTime: startedAt,
      StopLoggingTime: expect.any(Date) as Date,
      ...unset,
      TimeLoggingStarted: `${startedAt.toISOString().slice(0, 19)}Z`,
      TimeLoggingStopped: `${stoppedAt.toISOString().slice(0, 19)}Z`,
    });
    expect(stopped.TimeLoggingStopped).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    await expect(client.send(new GetTrailStatusCommand({ Name: 'no-such-trail' }))).rejects.toMatchObject({
      name: 'TrailNotFoundException',
      message: `Unknown trail: arn:aws:cloudtrail:us-east-1:${account.accountId}:trail/no-such-trail for the user: ${account.accountId}`,
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('updates partially, manages selectors and tags, and deletes', async () => {
    const account = await given.account(app);
    const client = app.cloudtrail(account);
    const name = uniqueName('t');
    const { TrailARN } = await client.send(
      new CreateTrailCommand({
        Name: name,
        S3BucketName: 'audit-logs',
        TagsList: [{ Key: 'team', Value: 'a' }],
      }),
    );

    const updated = await client.send(
      new UpdateTrailCommand({ Name: name, S3KeyPrefix: 'p', EnableLogFileValidation: true }),
    );
    expect(updated).toMatchObject({
      S3BucketName: 'audit-logs',
      S3KeyPrefix: 'p',
      LogFileValidationEnabled: true,
    });

    await client.send(
      new PutEventSelectorsCommand({
        TrailName: name,
        EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }],
      }),
    );
    expect((await client.send(new GetTrailCommand({ Name: name }))).Trail?.HasCustomEventSelectors).toBe(
      true,
    );

    await expect(client.send(new GetInsightSelectorsCommand({ TrailName: name }))).rejects.toMatchObject({
      name: 'InsightNotEnabledException',
    });
    const insights = await client.send(
      new PutInsightSelectorsCommand({
        TrailName: name,
        InsightSelectors: [{ InsightType: 'ApiCallRateInsight' }],
      }),
    );
    expect(insights.InsightSelectors).toEqual([{ InsightType: 'ApiCallRateInsight' }]);

    await client.send(
      new AddTagsCommand({
        ResourceId: TrailARN,
        TagsList: [
          { Key: 'team', Value: 'b' },
          { Key: 'env', Value: 'prod' },
        ],
      }),
    );
    await client.send(new RemoveTagsCommand({ ResourceId: TrailARN, TagsList: [{ Key: 'env' }] }));
    const tags = await client.send(new ListTagsCommand({ ResourceIdList: [TrailARN as string] }));
    expect(tags.ResourceTagList).toEqual([{ ResourceId: TrailARN, TagsList: [{ Key: 'team', Value: 'b' }] }]);

    await client.send(new DeleteTrailCommand({ Name: name }));
    await expect(client.send(new GetTrailCommand({ Name: name }))).rejects.toMatchObject({
      name: 'TrailNotFoundException',
    });
  });

  it('replicates a multi-Region trail into every enabled Region as a shadow with the home ARN', async () => {
    const account = await given.account(app);
    const home = app.cloudtrail(account, 'us-east-1');
    const name = uniqueName('mr');
    const { TrailARN } = await home.send(
      new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs', IsMultiRegionTrail: true }),
    );

    const elsewhere = app.cloudtrail(account, 'eu-west-1');
    const shadow = await eventually(async () => {
      const { trailList } = await elsewhere.send(new DescribeTrailsCommand({}));
      return trailList?.find((t) => t.TrailARN === TrailARN);
    });
    expect(shadow).toMatchObject({ HomeRegion: 'us-east-1', IsMultiRegionTrail: true, Name: name });

    const homeOnly = await elsewhere.send(new DescribeTrailsCommand({ includeShadowTrails: false }));
    expect(homeOnly.trailList).toEqual([]);

    await expect(elsewhere.send(new GetTrailStatusCommand({ Name: name }))).rejects.toMatchObject({
      name: 'TrailNotFoundException',
    });
    expect((await elsewhere.send(new GetTrailStatusCommand({ Name: TrailARN }))).IsLogging).toBe(false);
    await expect(elsewhere.send(new StartLoggingCommand({ Name: TrailARN }))).rejects.toMatchObject({
      name: 'InvalidHomeRegionException',
    });
  });
});
