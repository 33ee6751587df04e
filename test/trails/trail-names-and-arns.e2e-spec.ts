import { given } from '../support/given';
import { TestApp } from '../support/test-app';
import { BUCKET, converged, snapshot, trailArn, trailName } from './support/trail-world';
import { failure, statusOn, TRANSPORTS, trailsApi, type TrailsApi } from './support/trails-api';

/**
 * Names and ARNs (cloudtrail.md §3.1): the naming rules, name uniqueness per Region (a multi-Region
 * trail holding its name everywhere), ARN syntax, and where names and ARNs resolve. After every
 * refusal the caller's trails read back unchanged.
 */
let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.close());

describe.each(TRANSPORTS)('trail names and ARNs through %s', (transport) => {
  async function world(region = 'eu-west-1'): Promise<{ api: TrailsApi; accountId: string; name: string }> {
    const account = await given.account(app);
    const api = trailsApi(app, transport, account, region);
    const name = trailName();
    await api.createTrail({ name, s3BucketName: BUCKET, tagsList: [{ key: 'k', value: 'v' }] });
    return { api, accountId: account.accountId, name };
  }

  describe('InvalidTrailNameException', () => {
    const invalidNames: Array<[string, string, RegExp]> = [
      ['shorter than 3 characters', 'ab', /too short/],
      ['longer than 128 characters', `a${'b'.repeat(128)}`, /too long/],
      ['starting with a separator', '-trail', /starts with a letter or number/],
      ['ending with a separator', 'trail_', /ends with a letter or number/],
      ['with a character outside letters, digits . _ -', 'my$trail', /can only contain/],
      ['with a space', 'my trail', /can only contain/],
      ['with two adjacent separators', 'my--trail', /adjacent/],
      ['with two different adjacent separators', 'my-_trail', /adjacent/],
      ['shaped like an IPv4 address', '192.168.5.4', /IP address/],
    ];

    it('CreateTrail refuses a name breaking each rule, with the rule in the message, and creates nothing', async () => {
      const { api } = await world();
      const before = await snapshot(api);
      for (const [rule, bad, message] of invalidNames) {
        const error = await failure(api.createTrail({ name: bad, s3BucketName: BUCKET }));
        expect([rule, error.code, error.status]).toEqual([rule, 'InvalidTrailNameException', 400]);
        expect(error.message).toMatch(message);
      }
      expect(await snapshot(api)).toEqual(before);
    });

    it('accepts names at the limits: 3 and 128 characters, dots, underscores, digits first', async () => {
      const { api } = await world();
      for (const name of ['a1b', `x${'y'.repeat(126)}z`, '1st.trail_name-v2', '192.168.5']) {
        expect((await api.createTrail({ name, s3BucketName: BUCKET })).name).toBe(name);
      }
    });

    it('every operation that takes a name refuses a malformed one the same way', async () => {
      const { api } = await world();
      const before = await snapshot(api);
      const calls: Array<[string, () => Promise<unknown>]> = [
        ['GetTrail', () => api.getTrail('a')],
        ['UpdateTrail', () => api.updateTrail('my--trail', { s3KeyPrefix: 'x' })],
        ['DeleteTrail', () => api.deleteTrail('-trail')],
        ['StartLogging', () => api.startLogging('bad$name')],
        ['StopLogging', () => api.stopLogging('bad$name')],
        ['GetTrailStatus', () => api.getTrailStatus('10.0.0.1')],
        [
          'PutEventSelectors',
          () => api.putEventSelectors('ab', { eventSelectors: [{ readWriteType: 'All' }] }),
        ],
        ['GetEventSelectors', () => api.getEventSelectors('ab')],
        ['PutInsightSelectors', () => api.putInsightSelectors('ab', [])],
        ['GetInsightSelectors', () => api.getInsightSelectors('ab')],
        ['DescribeTrails', () => api.describeTrails({ trailNameList: ['trail_'] })],
      ];
      for (const [operation, call] of calls) {
        expect([operation, await failure(call())]).toEqual([
          operation,
          expect.objectContaining({ code: 'InvalidTrailNameException', status: 400 }),
        ]);
      }
      expect(await snapshot(api)).toEqual(before);
    });
  });

  describe('TrailAlreadyExistsException', () => {
    it('refuses a second trail with the same name in the same Region', async () => {
      const { api, accountId, name } = await world();
      const before = await snapshot(api);
      const error = await failure(api.createTrail({ name, s3BucketName: 'other-bucket' }));
      expect(error).toMatchObject({
        code: 'TrailAlreadyExistsException',
        status: statusOn(transport, { aws: 400, rest: 409 }),
      });
      expect(error.message).toBe(`Trail ${name} already exists for customer: ${accountId}`);
      expect(await snapshot(api)).toEqual(before);
    });

    it('lets another Region, or another account, use the same name for a single-Region trail', async () => {
      const { api, name } = await world();
      await api.inRegion('us-east-1').createTrail({ name, s3BucketName: BUCKET });
      const other = trailsApi(app, transport, await given.account(app), 'eu-west-1');
      await other.createTrail({ name, s3BucketName: BUCKET });
      expect((await api.inRegion('us-east-1').getTrail(name)).homeRegion).toBe('us-east-1');
    });

    it('a multi-Region trail holds its name in every Region: no single- or multi-Region namesake anywhere', async () => {
      const account = await given.account(app);
      const home = trailsApi(app, transport, account, 'us-east-1');
      const name = trailName('mr');
      await home.createTrail({ name, s3BucketName: BUCKET, isMultiRegionTrail: true });
      await converged(app, account, 'us-east-1', name);

      const elsewhere = home.inRegion('eu-west-1');
      const before = await snapshot(elsewhere);
      for (const attempt of [
        () => elsewhere.createTrail({ name, s3BucketName: BUCKET }),
        () => elsewhere.createTrail({ name, s3BucketName: BUCKET, isMultiRegionTrail: true }),
        () => home.createTrail({ name, s3BucketName: BUCKET }),
      ]) {
        expect(await failure(attempt())).toMatchObject({
          code: 'TrailAlreadyExistsException',
          status: statusOn(transport, { aws: 400, rest: 409 }),
        });
      }
      expect(await snapshot(elsewhere)).toEqual(before);
      expect(await home.describeTrails({ includeShadowTrails: false })).toHaveLength(1);
    });

    it('a multi-Region trail cannot be created while a single-Region namesake exists in another Region', async () => {
      const account = await given.account(app);
      const euWest = trailsApi(app, transport, account, 'eu-west-1');
      const name = trailName();
      await euWest.createTrail({ name, s3BucketName: BUCKET });

      const usEast = euWest.inRegion('us-east-1');
      const before = await snapshot(usEast);
      expect(
        await failure(usEast.createTrail({ name, s3BucketName: BUCKET, isMultiRegionTrail: true })),
      ).toMatchObject({
        code: 'TrailAlreadyExistsException',
        status: statusOn(transport, { aws: 400, rest: 409 }),
      });
      expect(await snapshot(usEast)).toEqual(before);
    });

    it('UpdateTrail cannot convert a trail to multi-Region onto a name another Region uses', async () => {
      const account = await given.account(app);
      const euWest = trailsApi(app, transport, account, 'eu-west-1');
      const usEast = euWest.inRegion('us-east-1');
      const name = trailName();
      await euWest.createTrail({ name, s3BucketName: BUCKET });
      await usEast.createTrail({ name, s3BucketName: BUCKET });

      const before = [await snapshot(usEast), await snapshot(euWest)];
      expect(await failure(usEast.updateTrail(name, { isMultiRegionTrail: true }))).toMatchObject({
        code: 'TrailAlreadyExistsException',
        status: statusOn(transport, { aws: 400, rest: 409 }),
      });
      expect([await snapshot(usEast), await snapshot(euWest)]).toEqual(before);
      expect((await usEast.getTrail(name)).isMultiRegionTrail).toBe(false);
    });
  });

  describe('CloudTrailARNInvalidException', () => {
    const malformedArns: Array<[string, string]> = [
      ['a short account id', 'arn:aws:cloudtrail:eu-west-1:1234:trail/my-trail'],
      ['another service', 'arn:aws:s3:eu-west-1:123456789012:trail/my-trail'],
      ['another partition', 'arn:aws-cn:cloudtrail:eu-west-1:123456789012:trail/my-trail'],
      ['no Region', 'arn:aws:cloudtrail::123456789012:trail/my-trail'],
      ['a bad Region', 'arn:aws:cloudtrail:Mars:123456789012:trail/my-trail'],
      ['another resource type', 'arn:aws:cloudtrail:eu-west-1:123456789012:eventdatastore/x'],
      ['an invalid trail name', 'arn:aws:cloudtrail:eu-west-1:123456789012:trail/my--trail'],
      ['too few parts', 'arn:aws:cloudtrail:eu-west-1'],
    ];

    it('refuses each malformed ARN wherever a trail is named, and nothing changes', async () => {
      const { api } = await world();
      const before = await snapshot(api);
      for (const [problem, bad] of malformedArns) {
        const calls: Array<[string, () => Promise<unknown>]> = [
          ['GetTrail', () => api.getTrail(bad)],
          ['UpdateTrail', () => api.updateTrail(bad, { s3KeyPrefix: 'x' })],
          ['DeleteTrail', () => api.deleteTrail(bad)],
          ['GetTrailStatus', () => api.getTrailStatus(bad)],
          ['StartLogging', () => api.startLogging(bad)],
          ['DescribeTrails', () => api.describeTrails({ trailNameList: [bad] })],
          ['GetEventSelectors', () => api.getEventSelectors(bad)],
          ['AddTags', () => api.addTags(bad, [{ key: 'a', value: 'b' }])],
          ['ListTags', () => api.listTags([bad])],
        ];
        for (const [operation, call] of calls) {
          const error = await failure(call());
          expect([problem, operation, error.code, error.status]).toEqual([
            problem,
            operation,
            'CloudTrailARNInvalidException',
            400,
          ]);
        }
      }
      expect(await snapshot(api)).toEqual(before);
    });

    it('tag operations refuse the ARN of a trail in another Region, even the caller’s own', async () => {
      const { api, accountId, name } = await world();
      const arn = trailArn(accountId, 'eu-west-1', name);
      const elsewhere = api.inRegion('us-east-1');
      const before = await snapshot(api);
      for (const call of [
        () => elsewhere.addTags(arn, [{ key: 'a', value: 'b' }]),
        () => elsewhere.removeTags(arn, ['k']),
        () => elsewhere.listTags([arn]),
      ]) {
        const error = await failure(call());
        expect(error).toMatchObject({ code: 'CloudTrailARNInvalidException', status: 400 });
        expect(error.message).toBe(
          'Region in ARN is wrong, you can only access resources in region us-east-1.',
        );
      }
      expect(await snapshot(api)).toEqual(before);
    });

    it('tag operations refuse a bare name: they take ARNs only', async () => {
      const { api, name } = await world();
      expect(await failure(api.addTags(name, [{ key: 'a', value: 'b' }]))).toMatchObject({
        code: 'CloudTrailARNInvalidException',
        status: 400,
      });
    });
  });

  describe('TrailNotFoundException', () => {
    it('a name resolves only in its home Region, reported with the ARN the name would have there', async () => {
      const { api, accountId, name } = await world();
      const elsewhere = api.inRegion('us-east-1');
      for (const call of [
        () => elsewhere.getTrail(name),
        () => elsewhere.updateTrail(name, { s3KeyPrefix: 'x' }),
        () => elsewhere.deleteTrail(name),
        () => elsewhere.startLogging(name),
        () => elsewhere.getTrailStatus(name),
        () => elsewhere.getEventSelectors(name),
      ]) {
        expect(await failure(call())).toEqual({
          code: 'TrailNotFoundException',
          status: statusOn(transport, { aws: 400, rest: 404 }),
          message: `Unknown trail: ${trailArn(accountId, 'us-east-1', name)} for the user: ${accountId}`,
        });
      }
      expect(await elsewhere.describeTrails({ trailNameList: [name] })).toEqual([]);
    });

    it('a single-Region trail is not found by its ARN from another Region', async () => {
      const { api, accountId, name } = await world();
      const arn = trailArn(accountId, 'eu-west-1', name);
      expect(await failure(api.inRegion('us-east-1').getTrail(arn))).toMatchObject({
        code: 'TrailNotFoundException',
        status: statusOn(transport, { aws: 400, rest: 404 }),
      });
    });

    it('a well-formed ARN that names no trail is not found, and nothing changes', async () => {
      const { api, accountId } = await world();
      const unknown = trailArn(accountId, 'eu-west-1', 'no-such-trail');
      const before = await snapshot(api);
      for (const call of [
        () => api.getTrail(unknown),
        () => api.updateTrail(unknown, { s3KeyPrefix: 'x' }),
        () => api.deleteTrail(unknown),
        () => api.startLogging(unknown),
        () => api.stopLogging(unknown),
        () => api.getTrailStatus(unknown),
        () => api.putEventSelectors(unknown, { eventSelectors: [{ readWriteType: 'All' }] }),
        () => api.getEventSelectors(unknown),
        () => api.putInsightSelectors(unknown, []),
        () => api.getInsightSelectors(unknown),
      ]) {
        expect(await failure(call())).toMatchObject({
          code: 'TrailNotFoundException',
          status: statusOn(transport, { aws: 400, rest: 404 }),
        });
      }
      expect(await api.describeTrails({ trailNameList: [unknown] })).toEqual([]);
      expect(await snapshot(api)).toEqual(before);
    });

    it('another account’s trail cannot be read or changed by its ARN, and nothing changes', async () => {
      // Cross-account requests reach a trail only where a resource rule allows (iam.md §5): for an
      // ordinary trail none does, so authorization refuses before the trail layer would look it up.
      const owner = await world();
      const ownerArn = trailArn(owner.accountId, 'eu-west-1', owner.name);
      const stranger = trailsApi(app, transport, await given.account(app), 'eu-west-1');
      const before = await snapshot(owner.api);
      const calls: Array<[string, () => Promise<unknown>]> = [
        ['GetTrail', () => stranger.getTrail(ownerArn)],
        ['UpdateTrail', () => stranger.updateTrail(ownerArn, { s3KeyPrefix: 'x' })],
        ['DeleteTrail', () => stranger.deleteTrail(ownerArn)],
        ['StartLogging', () => stranger.startLogging(ownerArn)],
        ['GetTrailStatus', () => stranger.getTrailStatus(ownerArn)],
        [
          'PutEventSelectors',
          () => stranger.putEventSelectors(ownerArn, { eventSelectors: [{ readWriteType: 'All' }] }),
        ],
        ['GetEventSelectors', () => stranger.getEventSelectors(ownerArn)],
        ['PutInsightSelectors', () => stranger.putInsightSelectors(ownerArn, [])],
        ['AddTags', () => stranger.addTags(ownerArn, [{ key: 'a', value: 'b' }])],
        ['RemoveTags', () => stranger.removeTags(ownerArn, ['k'])],
        ['ListTags', () => stranger.listTags([ownerArn])],
        ['DescribeTrails', () => stranger.describeTrails({ trailNameList: [ownerArn] })],
      ];
      for (const [operation, call] of calls) {
        const error = await failure(call());
        expect([operation, error.code, error.status]).toEqual([operation, 'AccessDeniedException', 403]);
        expect(error.message).toContain(`cloudtrail:${operation} on resource: ${ownerArn}`);
      }
      expect(await snapshot(owner.api)).toEqual(before);
    });

    it('a shadow is found by its ARN in a non-home Region but not by its name', async () => {
      const account = await given.account(app);
      const home = trailsApi(app, transport, account, 'us-east-1');
      const name = trailName('mr');
      const { trailArn: arn } = await home.createTrail({
        name,
        s3BucketName: BUCKET,
        isMultiRegionTrail: true,
      });
      await converged(app, account, 'us-east-1', name);

      const shadowRegion = home.inRegion('ap-southeast-2');
      expect(await shadowRegion.getTrail(arn)).toMatchObject({
        name,
        trailArn: arn,
        homeRegion: 'us-east-1',
      });
      expect(await failure(shadowRegion.getTrail(name))).toMatchObject({
        code: 'TrailNotFoundException',
        status: statusOn(transport, { aws: 400, rest: 404 }),
      });
    });
  });
});
