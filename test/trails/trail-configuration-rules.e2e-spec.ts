import {
  type AdvancedEventSelector,
  type CreateTrailInput,
  type EventSelectorInput,
  type InsightSelectorInput,
  type Tag,
} from '@app/trails';
import { given } from '../support/given';
import { TestApp } from '../support/test-app';
import { BUCKET, converged, snapshot, trailArn, trailName } from './support/trail-world';
import { failure, statusOn, TRANSPORTS, trailsApi, type TrailsApi } from './support/trails-api';

/**
 * The rules of a trail's configuration, each refusal with the code the contract names and the
 * caller's trails read back unchanged: destinations and their combinations (cloudtrail.md §2.2,
 * §3.4), the home-Region rule (§3.2), event selectors (§2.10, §3.7), Insights selectors (§2.12,
 * §3.8) and tags (§2.13, §3.9).
 */
let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.close());

// ── Destinations, combinations and the home Region ─────────────────────────────────────────────

const ACCOUNT = '123456789012';
const GROUP = `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:trail-group:*`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/trail-role`;

/** [what is wrong, the settings that are wrong, the code] — each tried on CreateTrail and UpdateTrail. */
const invalidSettings: Array<[string, Partial<CreateTrailInput>, string]> = [
  ['a bucket name that is too short', { s3BucketName: 'ab' }, 'InvalidS3BucketNameException'],
  ['a bucket name with upper-case letters', { s3BucketName: 'Audit-Logs' }, 'InvalidS3BucketNameException'],
  ['a bucket name with an underscore', { s3BucketName: 'audit_logs' }, 'InvalidS3BucketNameException'],
  ['a bucket name ending with a hyphen', { s3BucketName: 'audit-logs-' }, 'InvalidS3BucketNameException'],
  ['a bucket name with adjacent periods', { s3BucketName: 'audit..logs' }, 'InvalidS3BucketNameException'],
  ['a bucket name shaped like an IP address', { s3BucketName: '10.1.2.3' }, 'InvalidS3BucketNameException'],
  ['a bucket name with a reserved prefix', { s3BucketName: 'xn--audit' }, 'InvalidS3BucketNameException'],
  ['an empty bucket name', { s3BucketName: '' }, 'InvalidS3BucketNameException'],
  ['a 201-character S3 key prefix', { s3KeyPrefix: 'p'.repeat(201) }, 'InvalidS3PrefixException'],
  ['an SNS topic name with a space', { snsTopicName: 'my topic' }, 'InvalidSnsTopicNameException'],
  [
    'an SNS topic ARN with a short account',
    { snsTopicName: 'arn:aws:sns:eu-west-1:1234:topic' },
    'InvalidSnsTopicNameException',
  ],
  ['a 257-character SNS topic name', { snsTopicName: 't'.repeat(257) }, 'InvalidSnsTopicNameException'],
  ['a KMS key id that is no UUID', { kmsKeyId: 'not-a-key' }, 'InvalidKmsKeyIdException'],
  [
    'a KMS key ARN with a malformed key',
    { kmsKeyId: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/nope` },
    'InvalidKmsKeyIdException',
  ],
  [
    'a log group ARN without its :* suffix',
    {
      cloudWatchLogsLogGroupArn: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:g`,
      cloudWatchLogsRoleArn: ROLE,
    },
    'InvalidCloudWatchLogsLogGroupArnException',
  ],
  [
    'a log group ARN of another service',
    { cloudWatchLogsLogGroupArn: `arn:aws:sns:eu-west-1:${ACCOUNT}:g`, cloudWatchLogsRoleArn: ROLE },
    'InvalidCloudWatchLogsLogGroupArnException',
  ],
  [
    'a role ARN that names a user',
    { cloudWatchLogsLogGroupArn: GROUP, cloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:user/u` },
    'InvalidCloudWatchLogsRoleArnException',
  ],
  [
    'a role ARN with a Region',
    { cloudWatchLogsLogGroupArn: GROUP, cloudWatchLogsRoleArn: `arn:aws:iam:eu-west-1:${ACCOUNT}:role/r` },
    'InvalidCloudWatchLogsRoleArnException',
  ],
  ['a role without a log group', { cloudWatchLogsRoleArn: ROLE }, 'InvalidParameterCombinationException'],
  [
    'a log group without a role',
    { cloudWatchLogsLogGroupArn: GROUP },
    'InvalidParameterCombinationException',
  ],
  [
    'a multi-Region trail without global service events',
    { isMultiRegionTrail: true, includeGlobalServiceEvents: false },
    'InvalidParameterCombinationException',
  ],
];

describe.each(TRANSPORTS)('trail settings through %s', (transport) => {
  async function world(): Promise<{ api: TrailsApi; name: string }> {
    const api = trailsApi(app, transport, await given.account(app), 'eu-west-1');
    const name = trailName();
    await api.createTrail({ name, s3BucketName: BUCKET, s3KeyPrefix: 'kept', snsTopicName: 'kept-topic' });
    return { api, name };
  }

  it('CreateTrail refuses every invalid destination and combination with its code, creating nothing', async () => {
    const { api } = await world();
    const before = await snapshot(api);
    for (const [problem, settings, code] of invalidSettings) {
      const error = await failure(api.createTrail({ name: trailName(), s3BucketName: BUCKET, ...settings }));
      expect([problem, error.code, error.status]).toEqual([problem, code, 400]);
    }
    expect(await snapshot(api)).toEqual(before);
  });

  it('UpdateTrail refuses every invalid destination and combination with its code, leaving the trail as it was', async () => {
    const { api, name } = await world();
    const before = await snapshot(api);
    for (const [problem, settings, code] of invalidSettings) {
      const error = await failure(api.updateTrail(name, settings));
      expect([problem, error.code, error.status]).toEqual([problem, code, 400]);
    }
    expect(await snapshot(api)).toEqual(before);
  });

  it('reports the first problem in the documented order: bucket, prefix, topic, key, logs, combination', async () => {
    const { api } = await world();
    const all: CreateTrailInput = {
      name: trailName(),
      s3BucketName: 'Bad',
      s3KeyPrefix: 'p'.repeat(201),
      snsTopicName: 'bad topic',
      kmsKeyId: 'bad',
      cloudWatchLogsRoleArn: ROLE,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: false,
    };
    const codes: string[] = [];
    for (const fix of [
      { s3BucketName: BUCKET },
      { s3KeyPrefix: undefined },
      { snsTopicName: undefined },
      { kmsKeyId: undefined },
      { cloudWatchLogsRoleArn: undefined },
    ]) {
      codes.push((await failure(api.createTrail(all))).code);
      Object.assign(all, fix);
    }
    codes.push((await failure(api.createTrail(all))).code);
    expect(codes).toEqual([
      'InvalidS3BucketNameException',
      'InvalidS3PrefixException',
      'InvalidSnsTopicNameException',
      'InvalidKmsKeyIdException',
      'InvalidParameterCombinationException',
      'InvalidParameterCombinationException',
    ]);
  });

  it('UpdateTrail refuses turning global service events off on a multi-Region trail, but not both off at once', async () => {
    const { api, name } = await world();
    await api.updateTrail(name, { isMultiRegionTrail: true });
    const before = await snapshot(api);
    expect(await failure(api.updateTrail(name, { includeGlobalServiceEvents: false }))).toMatchObject({
      code: 'InvalidParameterCombinationException',
      status: 400,
    });
    expect(await snapshot(api)).toEqual(before);

    const single = await api.updateTrail(name, {
      isMultiRegionTrail: false,
      includeGlobalServiceEvents: false,
    });
    expect(single).toMatchObject({ isMultiRegionTrail: false, includeGlobalServiceEvents: false });
  });

  it('UpdateTrail may set only the role when the trail already has a log group… and then keeps both', async () => {
    const { api, name } = await world();
    await api.updateTrail(name, { cloudWatchLogsLogGroupArn: GROUP, cloudWatchLogsRoleArn: ROLE });
    const role = `arn:aws:iam::${ACCOUNT}:role/other-role`;
    expect(await api.updateTrail(name, { cloudWatchLogsRoleArn: role })).toMatchObject({
      cloudWatchLogsLogGroupArn: GROUP,
      cloudWatchLogsRoleArn: role,
    });
    expect(await failure(api.updateTrail(name, { cloudWatchLogsLogGroupArn: '' }))).toMatchObject({
      code: 'InvalidParameterCombinationException',
      status: 400,
    });
  });

  describe('InvalidHomeRegionException', () => {
    it('refuses every change to a shadow of a multi-Region trail, by ARN, from a non-home Region', async () => {
      const account = await given.account(app);
      const home = trailsApi(app, transport, account, 'us-east-1');
      const name = trailName('mr');
      const { trailArn: arn } = await home.createTrail({
        name,
        s3BucketName: BUCKET,
        isMultiRegionTrail: true,
      });
      await converged(app, account, 'us-east-1', name);
      const shadow = home.inRegion('eu-central-1');
      const before = [await snapshot(home), await snapshot(shadow)];

      const calls: Array<[string, () => Promise<unknown>]> = [
        ['UpdateTrail', () => shadow.updateTrail(arn, { s3KeyPrefix: 'x' })],
        ['DeleteTrail', () => shadow.deleteTrail(arn)],
        ['StartLogging', () => shadow.startLogging(arn)],
        ['StopLogging', () => shadow.stopLogging(arn)],
        [
          'PutEventSelectors',
          () => shadow.putEventSelectors(arn, { eventSelectors: [{ readWriteType: 'All' }] }),
        ],
        [
          'PutInsightSelectors',
          () => shadow.putInsightSelectors(arn, [{ insightType: 'ApiCallRateInsight' }]),
        ],
      ];
      for (const [operation, call] of calls) {
        const error = await failure(call());
        expect([operation, error]).toEqual([
          operation,
          expect.objectContaining({ code: 'InvalidHomeRegionException', status: 400 }),
        ]);
        expect(error.message).toContain('us-east-1');
      }
      // Tags address the called Region only: the home ARN is refused as an ARN of another Region.
      expect(await failure(shadow.addTags(arn, [{ key: 'a', value: 'b' }]))).toMatchObject({
        code: 'CloudTrailARNInvalidException',
        status: 400,
      });
      expect([await snapshot(home), await snapshot(shadow)]).toEqual(before);

      // Reads work on the shadow by ARN.
      expect(await shadow.getTrailStatus(arn)).toEqual({ isLogging: false });
      expect((await shadow.getEventSelectors(arn)).trailArn).toBe(arn);
    });
  });
});

// ── Event selectors, Insights selectors and tags ────────────────────────────────────────────────

const s3Object = (count: number, offset = 0): string[] =>
  Array.from({ length: count }, (_, i) => `arn:aws:s3:::bucket-${i + offset}/`);

const management = (readOnly?: 'true' | 'false'): AdvancedEventSelector => ({
  name: 'management',
  fieldSelectors: [
    { field: 'eventCategory', equals: ['Management'] },
    ...(readOnly ? [{ field: 'readOnly', equals: [readOnly] }] : []),
  ],
});

type SelectorRequest = {
  eventSelectors?: EventSelectorInput[];
  advancedEventSelectors?: AdvancedEventSelector[];
};

const invalidEventSelectors: Array<[string, SelectorRequest]> = [
  [
    'both kinds at once',
    { eventSelectors: [{ readWriteType: 'All' }], advancedEventSelectors: [management()] },
  ],
  ['neither kind', {}],
  ['an empty basic list', { eventSelectors: [] }],
  ['six basic selectors', { eventSelectors: Array.from({ length: 6 }, () => ({ readWriteType: 'All' })) }],
  ['a ReadWriteType outside the enum', { eventSelectors: [{ readWriteType: 'read-only' }] }],
  [
    'a data resource type that basic selectors do not support',
    { eventSelectors: [{ dataResources: [{ type: 'AWS::EC2::Instance', values: ['arn:aws:ec2'] }] }] },
  ],
  [
    'a wildcard data resource value',
    { eventSelectors: [{ dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::*'] }] }] },
  ],
  [
    'a data resource without values',
    { eventSelectors: [{ dataResources: [{ type: 'AWS::S3::Object', values: [] }] }] },
  ],
  [
    '251 data resources across selectors',
    {
      eventSelectors: [
        { dataResources: [{ type: 'AWS::S3::Object', values: s3Object(200) }] },
        { dataResources: [{ type: 'AWS::S3::Object', values: s3Object(51, 200) }] },
      ],
    },
  ],
  [
    'a management event source that cannot be excluded',
    { eventSelectors: [{ excludeManagementEventSources: ['s3.amazonaws.com'] }] },
  ],
  ['an empty advanced list', { advancedEventSelectors: [] }],
  [
    'an advanced selector without eventCategory',
    { advancedEventSelectors: [{ fieldSelectors: [{ field: 'readOnly', equals: ['true'] }] }] },
  ],
  [
    'an unknown eventCategory',
    { advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equals: ['Insight'] }] }] },
  ],
  [
    'readOnly with an operator other than Equals',
    {
      advancedEventSelectors: [
        {
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Management'] },
            { field: 'readOnly', startsWith: ['t'] },
          ],
        },
      ],
    },
  ],
  [
    'a Data selector without resources.type',
    { advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equals: ['Data'] }] }] },
  ],
  [
    'a wildcard in an advanced value',
    {
      advancedEventSelectors: [
        {
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'] },
            { field: 'resources.ARN', startsWith: ['arn:aws:s3:::*'] },
          ],
        },
      ],
    },
  ],
  [
    '501 values across advanced selectors',
    {
      advancedEventSelectors: [
        {
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'] },
            { field: 'resources.ARN', startsWith: s3Object(499) },
          ],
        },
      ],
    },
  ],
];

describe.each(TRANSPORTS)('selectors and tags through %s', (transport) => {
  async function world(tags: Tag[] = [{ key: 'team', value: 'a' }]) {
    const account = await given.account(app);
    const api = trailsApi(app, transport, account, 'eu-west-1');
    const name = trailName();
    await api.createTrail({ name, s3BucketName: BUCKET, tagsList: tags });
    await api.putEventSelectors(name, { eventSelectors: [{ readWriteType: 'All' }] });
    return { api, name, arn: trailArn(account.accountId, 'eu-west-1', name) };
  }

  describe('InvalidEventSelectorsException', () => {
    it('PutEventSelectors refuses each invalid request with InvalidEventSelectorsException, changing nothing', async () => {
      const { api, name } = await world();
      const before = await snapshot(api);
      for (const [problem, request] of invalidEventSelectors) {
        const error = await failure(api.putEventSelectors(name, request));
        expect([problem, error.code, error.status]).toEqual([problem, 'InvalidEventSelectorsException', 400]);
      }
      expect(await snapshot(api)).toEqual(before);
    });

    it('accepts the limits: 5 selectors, 250 data resources, 500 advanced values, "all resources" values', async () => {
      const { api, name } = await world();
      await api.putEventSelectors(name, {
        eventSelectors: [
          { dataResources: [{ type: 'AWS::S3::Object', values: s3Object(246) }] },
          { dataResources: [{ type: 'AWS::S3::Object', values: [...s3Object(4, 246), 'arn:aws:s3'] }] },
          { dataResources: [{ type: 'AWS::Lambda::Function', values: ['arn:aws:lambda'] }] },
          { dataResources: [{ type: 'AWS::DynamoDB::Table', values: ['arn:aws:dynamodb'] }] },
          { readWriteType: 'ReadOnly', includeManagementEvents: false },
        ],
      });
      expect((await api.getEventSelectors(name)).eventSelectors).toHaveLength(5);

      await api.putEventSelectors(name, {
        advancedEventSelectors: [
          {
            fieldSelectors: [
              { field: 'eventCategory', equals: ['Data'] },
              { field: 'resources.type', equals: ['AWS::S3::Object'] },
              { field: 'resources.ARN', startsWith: s3Object(498) },
            ],
          },
        ],
      });
      expect((await api.getEventSelectors(name)).advancedEventSelectors).toHaveLength(1);
    });
  });

  describe('InvalidInsightSelectorsException and InsightNotEnabledException', () => {
    it('refuses ApiCallRateInsight while the trail logs only read-only management events', async () => {
      const { api, name } = await world();
      await api.putEventSelectors(name, { eventSelectors: [{ readWriteType: 'ReadOnly' }] });
      const before = await snapshot(api);
      const error = await failure(api.putInsightSelectors(name, [{ insightType: 'ApiCallRateInsight' }]));
      expect(error).toMatchObject({ code: 'InvalidInsightSelectorsException', status: 400 });
      expect(error.message).toContain('write management events');
      expect(await snapshot(api)).toEqual(before);

      // ApiErrorRateInsight needs read or write management events: read-only is enough.
      await api.putInsightSelectors(name, [{ insightType: 'ApiErrorRateInsight' }]);
      expect((await api.getTrail(name)).hasInsightSelectors).toBe(true);
    });

    it('applies the same prerequisite to advanced selectors that log only reads', async () => {
      const { api, name } = await world();
      await api.putEventSelectors(name, { advancedEventSelectors: [management('true')] });
      expect(
        await failure(api.putInsightSelectors(name, [{ insightType: 'ApiCallRateInsight' }])),
      ).toMatchObject({ code: 'InvalidInsightSelectorsException', status: 400 });
    });

    it('refuses invalid Insights selectors with InvalidInsightSelectorsException, changing nothing', async () => {
      const { api, name } = await world();
      const before = await snapshot(api);
      const invalid: Array<[string, InsightSelectorInput[]]> = [
        ['an unknown insight type', [{ insightType: 'ApiLatencyInsight' }]],
        [
          'the same type twice',
          [{ insightType: 'ApiCallRateInsight' }, { insightType: 'ApiCallRateInsight' }],
        ],
        ['an unknown event category', [{ insightType: 'ApiCallRateInsight', eventCategories: ['Network'] }]],
        [
          'Data insights on a trail without data events',
          [{ insightType: 'ApiErrorRateInsight', eventCategories: ['Data'] }],
        ],
      ];
      for (const [problem, selectors] of invalid) {
        const error = await failure(api.putInsightSelectors(name, selectors));
        expect([problem, error.code, error.status]).toEqual([
          problem,
          'InvalidInsightSelectorsException',
          400,
        ]);
      }
      expect(await snapshot(api)).toEqual(before);
    });

    it('GetInsightSelectors answers InsightNotEnabledException for a trail without Insights', async () => {
      const { api, name } = await world();
      const error = await failure(api.getInsightSelectors(name));
      expect(error).toMatchObject({ code: 'InsightNotEnabledException', status: 400 });
      expect(error.message).toContain(`Trail ${name} does not have Insights enabled`);
    });
  });

  describe('tags', () => {
    const fiftyTags = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));

    it('TagsLimitExceededException: CreateTrail with 51 tags creates nothing', async () => {
      const { api } = await world();
      const before = await snapshot(api);
      const tags = [...fiftyTags, { key: 'one-more', value: 'x' }];
      expect(
        await failure(api.createTrail({ name: trailName(), s3BucketName: BUCKET, tagsList: tags })),
      ).toMatchObject({ code: 'TagsLimitExceededException', status: 400 });
      expect(await snapshot(api)).toEqual(before);
    });

    it('TagsLimitExceededException: AddTags may overwrite at 50 but not add a 51st', async () => {
      const { api, arn } = await world(fiftyTags);
      await api.addTags(arn, [{ key: 'k0', value: 'changed' }]);
      const before = await snapshot(api);
      expect(await failure(api.addTags(arn, [{ key: 'k50', value: 'x' }]))).toMatchObject({
        code: 'TagsLimitExceededException',
        status: 400,
      });
      expect(await snapshot(api)).toEqual(before);
      const [{ tagsList }] = await api.listTags([arn]);
      expect(tagsList).toHaveLength(50);
      expect(tagsList[0]).toEqual({ key: 'k0', value: 'changed' });
    });

    it('InvalidTagParameterException: CreateTrail and AddTags refuse each invalid tag list, changing nothing', async () => {
      const { api, arn } = await world();
      const before = await snapshot(api);
      const invalid: Array<[string, Tag[]]> = [
        ['an empty key', [{ key: '', value: 'x' }]],
        ['a 129-character key', [{ key: 'k'.repeat(129), value: 'x' }]],
        ['a 257-character value', [{ key: 'k', value: 'v'.repeat(257) }]],
        ['a key in the reserved aws: namespace', [{ key: 'AWS:owner', value: 'x' }]],
        ['a key with a character AWS tags do not allow', [{ key: 'a*b', value: 'x' }]],
        [
          'the same key twice',
          [
            { key: 'dup', value: 'x' },
            { key: 'dup', value: 'y' },
          ],
        ],
      ];
      for (const [problem, tags] of invalid) {
        const created = await failure(
          api.createTrail({ name: trailName(), s3BucketName: BUCKET, tagsList: tags }),
        );
        const added = await failure(api.addTags(arn, tags));
        expect([problem, created.code, added.code, added.status]).toEqual([
          problem,
          'InvalidTagParameterException',
          'InvalidTagParameterException',
          400,
        ]);
      }
      expect(await snapshot(api)).toEqual(before);
    });

    it('InvalidTagParameterException: RemoveTags refuses an empty key', async () => {
      const { api, arn } = await world();
      const before = await snapshot(api);
      expect(await failure(api.removeTags(arn, ['']))).toMatchObject({
        code: 'InvalidTagParameterException',
        status: 400,
      });
      expect(await snapshot(api)).toEqual(before);
    });

    it('accepts the tag limits: 128-character keys and 256-character values in any script', async () => {
      const { api, arn } = await world();
      const tags = [
        { key: 'k'.repeat(128), value: 'v'.repeat(256) },
        { key: 'équipe', value: 'データ 1' },
      ];
      await api.addTags(arn, tags);
      expect((await api.listTags([arn]))[0].tagsList).toEqual([{ key: 'team', value: 'a' }, ...tags]);
    });

    it('ResourceNotFoundException: tag operations on an unknown trail ARN of the Region change nothing', async () => {
      const { api, arn } = await world();
      const unknown = arn.replace(/trail\/.*$/, 'trail/no-such-trail');
      const before = await snapshot(api);
      for (const call of [
        () => api.addTags(unknown, [{ key: 'a', value: 'b' }]),
        () => api.removeTags(unknown, ['team']),
        () => api.listTags([unknown]),
      ]) {
        const error = await failure(call());
        expect(error).toMatchObject({
          code: 'ResourceNotFoundException',
          status: statusOn(transport, { aws: 400, rest: 404 }),
        });
        expect(error.message).toContain(unknown);
      }
      expect(await snapshot(api)).toEqual(before);
    });

    if (transport === 'aws-sdk') {
      it('InvalidParameterException: ListTags takes at most 20 ARNs (the REST route reads one trail)', async () => {
        const { api, arn } = await world();
        expect(await api.listTags(Array.from({ length: 20 }, () => arn))).toHaveLength(20);
        expect(await failure(api.listTags(Array.from({ length: 21 }, () => arn)))).toMatchObject({
          code: 'InvalidParameterException',
          status: 400,
        });
      });
    }
  });
});
