import { given } from '../support/given';
import { TestApp } from '../support/test-app';
import { BUCKET, converged, createTrails, enableRegion, snapshot, trailName } from './support/trail-world';
import { failure, outcome, statusOn, TRANSPORTS, trailsApi } from './support/trails-api';

/**
 * Five trails per Region per account (cloudtrail.md §3.3, decision 4): a multi-Region trail counts
 * once in every Region the account has enabled; creating or converting to multi-Region fails when
 * any enabled Region is full, naming the first full Region alphabetically. Races for the last slot
 * or for one name — through two API processes sharing the database — have exactly one winner.
 */
let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.close());

describe.each(TRANSPORTS)('the five-trail quota through %s', (transport) => {
  it('counts a multi-Region trail in every Region: 4 in eu-west-1 + 1 multi-Region leaves no room there', async () => {
    const account = await given.account(app);
    const euWest = trailsApi(app, transport, account, 'eu-west-1');
    await createTrails(euWest, 4);
    const multi = trailName('mr');
    await euWest
      .inRegion('us-east-1')
      .createTrail({ name: multi, s3BucketName: BUCKET, isMultiRegionTrail: true });
    await converged(app, account, 'us-east-1', multi);

    const before = await snapshot(euWest);
    const error = await failure(euWest.createTrail({ name: trailName(), s3BucketName: BUCKET }));
    expect(error).toEqual({
      code: 'MaximumNumberOfTrailsExceededException',
      status: statusOn(transport, { aws: 400, rest: 409 }),
      message: `User: ${account.accountId} already has 5 trails in eu-west-1.`,
    });
    expect(await snapshot(euWest)).toEqual(before);
    expect(await euWest.describeTrails({ includeShadowTrails: false })).toHaveLength(4);

    // Other Regions hold only the multi-Region trail: four slots left in each.
    await createTrails(euWest.inRegion('eu-west-2'), 4);
    expect(
      await failure(euWest.inRegion('eu-west-2').createTrail({ name: trailName(), s3BucketName: BUCKET })),
    ).toMatchObject({
      code: 'MaximumNumberOfTrailsExceededException',
      status: statusOn(transport, { aws: 400, rest: 409 }),
    });
  });

  it('refuses a multi-Region trail when any enabled Region is full, naming the first one alphabetically', async () => {
    const account = await given.account(app);
    const api = trailsApi(app, transport, account, 'us-east-1');
    await createTrails(api.inRegion('eu-west-2'), 5);
    await createTrails(api.inRegion('ap-northeast-1'), 5);
    await createTrails(api, 1);

    const before = await snapshot(api);
    const error = await failure(
      api.createTrail({ name: trailName('mr'), s3BucketName: BUCKET, isMultiRegionTrail: true }),
    );
    expect(error).toEqual({
      code: 'MaximumNumberOfTrailsExceededException',
      status: statusOn(transport, { aws: 400, rest: 409 }),
      message: `User: ${account.accountId} already has 5 trails in ap-northeast-1.`,
    });
    expect(await snapshot(api)).toEqual(before);
  });

  it('refuses converting a trail to multi-Region when another Region is full, and leaves it single-Region', async () => {
    const account = await given.account(app);
    const api = trailsApi(app, transport, account, 'us-east-1');
    await createTrails(api.inRegion('sa-east-1'), 5);
    const [name] = await createTrails(api, 1);

    const before = [await snapshot(api), await snapshot(api.inRegion('sa-east-1'))];
    const error = await failure(api.updateTrail(name, { isMultiRegionTrail: true }));
    expect(error).toMatchObject({
      code: 'MaximumNumberOfTrailsExceededException',
      status: statusOn(transport, { aws: 400, rest: 409 }),
    });
    expect(error.message).toContain('sa-east-1');
    expect([await snapshot(api), await snapshot(api.inRegion('sa-east-1'))]).toEqual(before);
  });

  it('counts opt-in Regions only once the account enables them', async () => {
    const account = await given.account(app);
    const api = trailsApi(app, transport, account, 'us-east-1');
    await enableRegion(app, account, 'me-south-1');
    await createTrails(api.inRegion('me-south-1'), 5);
    expect(
      await failure(
        api.createTrail({ name: trailName('mr'), s3BucketName: BUCKET, isMultiRegionTrail: true }),
      ),
    ).toMatchObject({
      code: 'MaximumNumberOfTrailsExceededException',
      status: statusOn(transport, { aws: 400, rest: 409 }),
    });

    // A second account has not enabled me-south-1: its full Regions are none.
    const other = trailsApi(app, transport, await given.account(app), 'us-east-1');
    await other.createTrail({ name: trailName('mr'), s3BucketName: BUCKET, isMultiRegionTrail: true });
  });

  it('frees a slot when a trail is deleted', async () => {
    const account = await given.account(app);
    const api = trailsApi(app, transport, account, 'eu-north-1');
    const [first] = await createTrails(api, 5);
    expect(await failure(api.createTrail({ name: trailName(), s3BucketName: BUCKET }))).toMatchObject({
      code: 'MaximumNumberOfTrailsExceededException',
    });
    await api.deleteTrail(first);
    await api.createTrail({ name: trailName(), s3BucketName: BUCKET });
  });
});

describe('races across two API processes sharing the database', () => {
  let second: TestApp;
  beforeAll(async () => {
    second = await TestApp.start({ databaseUrl: app.databaseUrl });
  });
  afterAll(() => second.close({ keepDatabase: true }));

  it('20 concurrent creators of the last slot in a Region: exactly one wins, 19 get MaximumNumberOfTrailsExceededException', async () => {
    const account = await given.account(app);
    await createTrails(trailsApi(app, 'rest', account, 'ca-central-1'), 4);

    // Half through each process, alternating the AWS SDK and REST.
    const attempts = Array.from({ length: 20 }, (_, i) =>
      outcome(
        trailsApi(
          i % 2 === 0 ? app : second,
          TRANSPORTS[Math.floor(i / 2) % 2],
          account,
          'ca-central-1',
        ).createTrail({ name: trailName('race'), s3BucketName: BUCKET }),
      ),
    );
    const outcomes = await Promise.all(attempts);

    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'MaximumNumberOfTrailsExceededException')).toHaveLength(19);
    const trails = await trailsApi(second, 'aws-sdk', account, 'ca-central-1').describeTrails();
    expect(trails).toHaveLength(5);
  });

  it('a multi-Region creator racing single-Region creators for the last slot of a Region: one winner', async () => {
    const account = await given.account(app);
    await createTrails(trailsApi(app, 'rest', account, 'eu-west-3'), 4);
    const attempts = Array.from({ length: 10 }, (_, i) =>
      outcome(
        trailsApi(
          i % 2 === 0 ? app : second,
          'rest',
          account,
          i === 0 ? 'us-west-2' : 'eu-west-3',
        ).createTrail({
          name: trailName('race'),
          s3BucketName: BUCKET,
          isMultiRegionTrail: i === 0,
        }),
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'MaximumNumberOfTrailsExceededException')).toHaveLength(9);
    const inRegion = await trailsApi(app, 'rest', account, 'eu-west-3').describeTrails();
    expect(inRegion.length).toBeLessThanOrEqual(5);
  });

  it.each([
    ['the same Region', 'eu-west-1', 'eu-west-1', false],
    ['a single-Region and a multi-Region trail in two Regions', 'eu-west-1', 'us-east-1', true],
  ])(
    'two concurrent creators of one name in %s: exactly one wins',
    async (_case, regionA, regionB, multiB) => {
      const account = await given.account(app);
      for (let round = 0; round < 5; round++) {
        const name = trailName('same');
        const outcomes = await Promise.all([
          outcome(trailsApi(app, 'aws-sdk', account, regionA).createTrail({ name, s3BucketName: BUCKET })),
          outcome(
            trailsApi(second, 'rest', account, regionB).createTrail({
              name,
              s3BucketName: BUCKET,
              isMultiRegionTrail: multiB,
            }),
          ),
        ]);
        expect(outcomes.sort()).toEqual(['TrailAlreadyExistsException', 'created']);
      }
    },
  );
});
