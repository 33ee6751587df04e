import {
  CreateTrailCommand,
  DescribeTrailsCommand,
  GetTrailStatusCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
  StopLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { given, uniqueName } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import { givenLogBucket, storedLogFiles } from './support/log-buckets';

/** Log delivery to the built-in store (delivery.md §1–§3), one-second interval. */
describe('log delivery', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { TRAILPLANE_DELIVERY_INTERVAL_SECONDS: '1' } });
  });
  afterAll(() => app.close());

  it('delivers the logging trail’s events as gzip {"Records":[…]} files under AWSLogs/<account>/CloudTrail/<region>/', async () => {
    const account = await given.account(app);
    const cloudtrail = app.cloudtrail(account);
    const bucket = uniqueName('logs').toLowerCase();
    const name = uniqueName('delivering');
    const arn = `arn:aws:cloudtrail:us-east-1:${account.accountId}:trail/${name}`;
    await givenLogBucket(app, account, bucket, [arn], ['audit/AWSLogs/*']);
    await cloudtrail.send(new CreateTrailCommand({ Name: name, S3BucketName: bucket, S3KeyPrefix: 'audit' }));
    await cloudtrail.send(new StartLoggingCommand({ Name: name }));
    for (let i = 0; i < 3; i++) await cloudtrail.send(new DescribeTrailsCommand({}));

    const files = await eventually(async () => {
      const found = await storedLogFiles(app, bucket, 'audit/');
      return found.flatMap((file) => file.records).filter((r) => r.eventName === 'DescribeTrails').length >= 3
        ? found
        : undefined;
    });
    for (const file of files) {
      expect(file.key).toMatch(
        new RegExp(
          `^audit/AWSLogs/${account.accountId}/CloudTrail/us-east-1/\\d{4}/\\d\\d/\\d\\d/${account.accountId}_CloudTrail_us-east-1_\\d{8}T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz$`,
        ),
      );
    }
    const records = files.flatMap((file) => file.records);
    expect(records.filter((r) => r.eventName === 'StartLogging')).toHaveLength(1);
    expect(new Set(records.map((r) => r.eventID)).size).toBe(records.length);
    expect(records.every((r) => r.recipientAccountId === account.accountId)).toBe(true);

    const status = await cloudtrail.send(new GetTrailStatusCommand({ Name: name }));
    expect(status.LatestDeliveryTime).toBeInstanceOf(Date);
    expect(status.LatestDeliveryError).toBeUndefined();
    const listed = await app.rest(account).get(`/v1/trails/${name}/deliveries`);
    expect(listed.status).toBe(200);
    expect((listed.body.deliveries as Array<{ key: string }>).map((d) => d.key).sort()).toEqual(
      files.map((f) => f.key).sort(),
    );
  });

  it('stops delivering on StopLogging, and delivers only what its selectors select', async () => {
    const account = await given.account(app);
    const cloudtrail = app.cloudtrail(account);
    const bucket = uniqueName('sel').toLowerCase();
    const name = uniqueName('writes');
    const arn = `arn:aws:cloudtrail:us-east-1:${account.accountId}:trail/${name}`;
    await givenLogBucket(app, account, bucket, [arn]);
    await cloudtrail.send(new CreateTrailCommand({ Name: name, S3BucketName: bucket }));
    await cloudtrail.send(
      new PutEventSelectorsCommand({
        TrailName: name,
        EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }],
      }),
    );
    await cloudtrail.send(new StartLoggingCommand({ Name: name }));
    await cloudtrail.send(new DescribeTrailsCommand({}));
    await cloudtrail.send(new StopLoggingCommand({ Name: name }));
    await cloudtrail.send(new DescribeTrailsCommand({}));
    const records = await eventually(async () => {
      const found = (await storedLogFiles(app, bucket)).flatMap((file) => file.records);
      return found.some((r) => r.eventName === 'StopLogging') ? found : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const after = (await storedLogFiles(app, bucket)).flatMap((file) => file.records);
    expect(after.map((r) => r.eventName).sort()).toEqual(['StartLogging', 'StopLogging']);
    expect(records.every((r) => r.readOnly === false)).toBe(true);
  });
});
