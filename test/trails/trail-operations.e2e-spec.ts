import { given } from '../support/given';
import { TestApp } from '../support/test-app';
import { BUCKET, trailArn, trailName } from './support/trail-world';
import { failure, statusOn, TRANSPORTS, trailsApi } from './support/trails-api';

/** Every CloudTrail trail operation, its defaults and its read-back, through the AWS SDK and REST. */
let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.close());

describe.each(TRANSPORTS)('trail operations through %s', (transport) => {
  async function world(region = 'eu-west-1') {
    const account = await given.account(app);
    return { account, api: trailsApi(app, transport, account, region) };
  }

  it('CreateTrail applies the documented defaults; GetTrail, DescribeTrails and ListTrails read it back', async () => {
    const { account, api } = await world();
    const name = trailName();
    const arn = trailArn(account.accountId, 'eu-west-1', name);

    const created = await api.createTrail({ name, s3BucketName: BUCKET });
    expect(created).toMatchObject({
      name,
      trailArn: arn,
      s3BucketName: BUCKET,
      includeGlobalServiceEvents: true,
      isMultiRegionTrail: false,
      logFileValidationEnabled: false,
      isOrganizationTrail: false,
    });
    expect(created).not.toHaveProperty('s3KeyPrefix');
    expect(created).not.toHaveProperty('snsTopicArn');
    expect(created).not.toHaveProperty('kmsKeyId');

    const expected = {
      ...created,
      homeRegion: 'eu-west-1',
      hasCustomEventSelectors: false,
      hasInsightSelectors: false,
    };
    expect(await api.getTrail(name)).toEqual(expected);
    expect(await api.getTrail(arn)).toEqual(expected);
    expect(await api.describeTrails()).toEqual([expected]);
    expect(await api.describeTrails({ trailNameList: [name] })).toEqual([expected]);
    expect(await api.describeTrails({ trailNameList: [arn, name] })).toEqual([expected]);
    expect(await api.describeTrails({ trailNameList: ['no-such-trail'] })).toEqual([]);
    expect(await api.listTrails()).toEqual({ trails: [{ trailArn: arn, name, homeRegion: 'eu-west-1' }] });
    expect(await api.getTrailStatus(name)).toEqual({ isLogging: false });
    expect(await api.getEventSelectors(name)).toEqual({
      trailArn: arn,
      eventSelectors: [
        {
          readWriteType: 'All',
          includeManagementEvents: true,
          dataResources: [],
          excludeManagementEventSources: [],
        },
      ],
    });
    expect(await failure(api.getInsightSelectors(name))).toMatchObject({
      code: 'InsightNotEnabledException',
      status: 400,
    });

    // Another Region of the same account does not see a single-Region trail.
    expect(await api.inRegion('us-east-1').describeTrails()).toEqual([]);
    expect(await api.inRegion('us-east-1').listTrails()).toEqual({ trails: [] });
  });

  it('CreateTrail stores every destination, normalised to ARNs, and the tags it was given', async () => {
    const { account, api } = await world();
    const id = account.accountId;
    const name = trailName();
    const created = await api.createTrail({
      name,
      s3BucketName: BUCKET,
      s3KeyPrefix: 'prefix/of/logs',
      snsTopicName: 'trail-topic',
      includeGlobalServiceEvents: false,
      enableLogFileValidation: true,
      cloudWatchLogsLogGroupArn: `arn:aws:logs:eu-west-1:${id}:log-group:trail-group:*`,
      cloudWatchLogsRoleArn: `arn:aws:iam::${id}:role/service/trail-role`,
      kmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      tagsList: [{ key: 'team', value: 'audit' }, { key: 'flag' }],
    });
    const expected = {
      name,
      trailArn: trailArn(id, 'eu-west-1', name),
      s3BucketName: BUCKET,
      s3KeyPrefix: 'prefix/of/logs',
      snsTopicArn: `arn:aws:sns:eu-west-1:${id}:trail-topic`,
      includeGlobalServiceEvents: false,
      isMultiRegionTrail: false,
      logFileValidationEnabled: true,
      cloudWatchLogsLogGroupArn: `arn:aws:logs:eu-west-1:${id}:log-group:trail-group:*`,
      cloudWatchLogsRoleArn: `arn:aws:iam::${id}:role/service/trail-role`,
      kmsKeyId: `arn:aws:kms:eu-west-1:${id}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      isOrganizationTrail: false,
    };
    expect(created).toEqual(expect.objectContaining(expected));
    expect(await api.getTrail(name)).toEqual({
      ...expected,
      homeRegion: 'eu-west-1',
      hasCustomEventSelectors: false,
      hasInsightSelectors: false,
    });
    expect(await api.listTags([expected.trailArn])).toEqual([
      { resourceId: expected.trailArn, tagsList: [{ key: 'team', value: 'audit' }, { key: 'flag' }] },
    ]);
  });

  it('UpdateTrail changes only the fields it is given, and an empty string clears a destination', async () => {
    const { account, api } = await world();
    const name = trailName();
    await api.createTrail({ name, s3BucketName: BUCKET, s3KeyPrefix: 'old', snsTopicName: 'topic' });

    const updated = await api.updateTrail(name, { s3KeyPrefix: 'new', enableLogFileValidation: true });
    expect(updated).toMatchObject({
      s3BucketName: BUCKET,
      s3KeyPrefix: 'new',
      snsTopicArn: `arn:aws:sns:eu-west-1:${account.accountId}:topic`,
      logFileValidationEnabled: true,
      includeGlobalServiceEvents: true,
    });

    const arn = trailArn(account.accountId, 'eu-west-1', name);
    const cleared = await api.updateTrail(arn, { snsTopicName: '', s3BucketName: 'other-bucket' });
    expect(cleared).not.toHaveProperty('snsTopicArn');
    expect(await api.getTrail(name)).toMatchObject({ s3BucketName: 'other-bucket', s3KeyPrefix: 'new' });
    expect(await api.getTrail(name)).not.toHaveProperty('snsTopicArn');
  });

  it('UpdateTrail couples global service events to multi-Region as the user guide says', async () => {
    const { api } = await world();
    const name = trailName();
    await api.createTrail({ name, s3BucketName: BUCKET, includeGlobalServiceEvents: false });

    const multi = await api.updateTrail(name, { isMultiRegionTrail: true });
    expect(multi).toMatchObject({ isMultiRegionTrail: true, includeGlobalServiceEvents: true });
    const single = await api.updateTrail(name, { isMultiRegionTrail: false });
    expect(single).toMatchObject({ isMultiRegionTrail: false, includeGlobalServiceEvents: false });
    const both = await api.updateTrail(name, { includeGlobalServiceEvents: true });
    expect(both).toMatchObject({ isMultiRegionTrail: false, includeGlobalServiceEvents: true });
  });

  it('StartLogging and StopLogging switch logging, with their times in GetTrailStatus; repeats are no-ops', async () => {
    const { api } = await world();
    const name = trailName();
    await api.createTrail({ name, s3BucketName: BUCKET });

    const before = Date.now();
    await api.startLogging(name);
    const started = await api.getTrailStatus(name);
    expect(started.isLogging).toBe(true);
    expect(started.startLoggingTime!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await api.startLogging(name);
    expect(await api.getTrailStatus(name)).toEqual(started);

    await api.stopLogging(name);
    const stopped = await api.getTrailStatus(name);
    expect(stopped.isLogging).toBe(false);
    expect(stopped.startLoggingTime).toEqual(started.startLoggingTime);
    expect(stopped.stopLoggingTime!.getTime()).toBeGreaterThanOrEqual(started.startLoggingTime!.getTime());
  });

  it('PutEventSelectors stores basic or advanced selectors, each kind replacing the other', async () => {
    const { account, api } = await world();
    const name = trailName();
    const arn = trailArn(account.accountId, 'eu-west-1', name);
    await api.createTrail({ name, s3BucketName: BUCKET });

    const basic = await api.putEventSelectors(name, {
      eventSelectors: [
        {
          readWriteType: 'WriteOnly',
          dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::bucket-a/'] }],
          excludeManagementEventSources: ['kms.amazonaws.com'],
        },
      ],
    });
    const expectedBasic = {
      trailArn: arn,
      eventSelectors: [
        {
          readWriteType: 'WriteOnly',
          includeManagementEvents: true,
          dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::bucket-a/'] }],
          excludeManagementEventSources: ['kms.amazonaws.com'],
        },
      ],
    };
    expect(basic).toEqual(expectedBasic);
    expect(await api.getEventSelectors(arn)).toEqual(expectedBasic);
    expect((await api.getTrail(name)).hasCustomEventSelectors).toBe(true);

    const advancedEventSelectors = [
      {
        name: 'writes',
        fieldSelectors: [
          { field: 'eventCategory', equals: ['Management'] },
          { field: 'readOnly', equals: ['false'] },
        ],
      },
    ];
    const advanced = await api.putEventSelectors(name, { advancedEventSelectors });
    expect(advanced).toEqual({ trailArn: arn, advancedEventSelectors });
    expect(await api.getEventSelectors(name)).toEqual({ trailArn: arn, advancedEventSelectors });
    expect((await api.getTrail(name)).hasCustomEventSelectors).toBe(true);
  });

  it('PutInsightSelectors turns Insights on, GetInsightSelectors reads them, an empty list turns them off', async () => {
    const { account, api } = await world();
    const name = trailName();
    const arn = trailArn(account.accountId, 'eu-west-1', name);
    await api.createTrail({ name, s3BucketName: BUCKET });

    const insightSelectors = [
      { insightType: 'ApiCallRateInsight' },
      { insightType: 'ApiErrorRateInsight', eventCategories: ['Management'] },
    ];
    expect(await api.putInsightSelectors(name, insightSelectors)).toEqual({
      trailArn: arn,
      insightSelectors,
    });
    expect(await api.getInsightSelectors(arn)).toEqual({ trailArn: arn, insightSelectors });
    expect((await api.getTrail(name)).hasInsightSelectors).toBe(true);

    expect(await api.putInsightSelectors(name, [])).toEqual({ trailArn: arn, insightSelectors: [] });
    expect((await api.getTrail(name)).hasInsightSelectors).toBe(false);
    expect(await failure(api.getInsightSelectors(name))).toMatchObject({
      code: 'InsightNotEnabledException',
      status: 400,
    });
  });

  it('AddTags overwrites and appends, RemoveTags removes by key, ListTags reads several trails', async () => {
    const { account, api } = await world();
    const [a, b] = [trailName(), trailName()];
    const arnA = trailArn(account.accountId, 'eu-west-1', a);
    const arnB = trailArn(account.accountId, 'eu-west-1', b);
    await api.createTrail({ name: a, s3BucketName: BUCKET, tagsList: [{ key: 'team', value: 'a' }] });
    await api.createTrail({ name: b, s3BucketName: BUCKET });

    await api.addTags(arnA, [
      { key: 'team', value: 'b' },
      { key: 'env', value: 'prod' },
      { key: 'empty', value: '' },
    ]);
    await api.addTags(arnB, [{ key: 'owner', value: 'x' }]);
    expect(await api.listTags([arnA, arnB])).toEqual([
      {
        resourceId: arnA,
        tagsList: [
          { key: 'team', value: 'b' },
          { key: 'env', value: 'prod' },
          { key: 'empty', value: '' },
        ],
      },
      { resourceId: arnB, tagsList: [{ key: 'owner', value: 'x' }] },
    ]);

    await api.removeTags(arnA, ['env', 'not-there']);
    expect(await api.listTags([arnA])).toEqual([
      {
        resourceId: arnA,
        tagsList: [
          { key: 'team', value: 'b' },
          { key: 'empty', value: '' },
        ],
      },
    ]);
  });

  it('DeleteTrail removes the trail by name or ARN and frees its name', async () => {
    const { account, api } = await world();
    const [a, b] = [trailName(), trailName()];
    await api.createTrail({ name: a, s3BucketName: BUCKET });
    await api.createTrail({ name: b, s3BucketName: BUCKET });

    await api.deleteTrail(a);
    await api.deleteTrail(trailArn(account.accountId, 'eu-west-1', b));
    expect(await api.describeTrails()).toEqual([]);
    expect(await failure(api.getTrail(a))).toMatchObject({
      code: 'TrailNotFoundException',
      status: statusOn(transport, { aws: 400, rest: 404 }),
    });
    expect(await failure(api.deleteTrail(a))).toMatchObject({
      code: 'TrailNotFoundException',
      status: statusOn(transport, { aws: 400, rest: 404 }),
    });

    const again = await api.createTrail({ name: a, s3BucketName: BUCKET });
    expect(again.trailArn).toBe(trailArn(account.accountId, 'eu-west-1', a));
  });

  it('ListTrails refuses a NextToken it did not issue with InvalidTokenException', async () => {
    const { api } = await world();
    expect(await failure(api.listTrails('not-a-token'))).toMatchObject({
      code: 'InvalidTokenException',
      status: 400,
    });
  });
});
