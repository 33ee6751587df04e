import { given } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import {
  BUCKET,
  converged,
  disableRegion,
  enableRegion,
  enabledRegions,
  launchRegion,
  propagation,
  trailName,
  visibleArns,
} from './support/trail-world';
import { failure, statusOn, TRANSPORTS, trailsApi, type TrailsApi } from './support/trails-api';

/**
 * Multi-Region replication through the job queue (real BullMQ, a worker in this process): a
 * multi-Region trail exists as a replica in every Region its owner has enabled, follows every
 * change, and reaches Regions launched or enabled later without any further call.
 */
let app: TestApp;
beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.close());

async function multiRegionWorld(transport: (typeof TRANSPORTS)[number], homeRegion = 'us-east-1') {
  const account = await given.account(app);
  const home = trailsApi(app, transport, account, homeRegion);
  const name = trailName('mr');
  const created = await home.createTrail({
    name,
    s3BucketName: BUCKET,
    s3KeyPrefix: 'v1',
    isMultiRegionTrail: true,
  });
  return { account, home, name, arn: created.trailArn };
}

describe.each(TRANSPORTS)('multi-Region replication through %s', (transport) => {
  it('puts a replica in every enabled Region: DescribeTrails there shows it with the home ARN and Region', async () => {
    const { account, home, name, arn } = await multiRegionWorld(transport);
    const status = await converged(app, account, 'us-east-1', name);
    const regions = await enabledRegions(app, account);
    expect(status).toMatchObject({
      trailArn: arn,
      desired: regions.length,
      applied: regions.length,
      pending: 0,
      failed: 0,
      pendingRegions: [],
    });
    expect(status.regions.map((r) => r.region)).toEqual(regions);

    for (const region of regions.filter((r) => r !== 'us-east-1')) {
      const shadow = home.inRegion(region);
      expect([region, await shadow.describeTrails()]).toEqual([
        region,
        [
          expect.objectContaining({
            name,
            trailArn: arn,
            homeRegion: 'us-east-1',
            isMultiRegionTrail: true,
            s3KeyPrefix: 'v1',
          }),
        ],
      ]);
    }
  });

  it('hides the shadow with includeShadowTrails=false and resolves it by ARN only', async () => {
    const { account, home, name, arn } = await multiRegionWorld(transport);
    await converged(app, account, 'us-east-1', name);
    const shadow = home.inRegion('eu-west-1');

    expect(await shadow.describeTrails({ includeShadowTrails: false })).toEqual([]);
    expect(await shadow.describeTrails({ trailNameList: [arn], includeShadowTrails: false })).toEqual([]);
    expect((await shadow.describeTrails({ trailNameList: [arn] })).map((t) => t.trailArn)).toEqual([arn]);
    expect(await shadow.describeTrails({ trailNameList: [name] })).toEqual([]);
    expect(await home.describeTrails({ includeShadowTrails: false })).toHaveLength(1);

    expect(await failure(shadow.getTrailStatus(name))).toMatchObject({
      code: 'TrailNotFoundException',
      status: statusOn(transport, { aws: 400, rest: 404 }),
    });
    await home.startLogging(name);
    expect((await shadow.getTrailStatus(arn)).isLogging).toBe(true);
    expect((await shadow.getEventSelectors(arn)).trailArn).toBe(arn);
    expect(await shadow.listTrails()).toEqual({ trails: [{ trailArn: arn, name, homeRegion: 'us-east-1' }] });
  });

  it('propagates an update: the new S3 prefix is seen from a shadow Region, and the status converges', async () => {
    const { account, home, name, arn } = await multiRegionWorld(transport);
    const first = await converged(app, account, 'us-east-1', name);

    await home.updateTrail(name, { s3KeyPrefix: 'v2' });
    const second = await converged(app, account, 'us-east-1', name);
    expect(second.generation).toBeGreaterThan(first.generation);
    expect(second.observedGeneration).toBe(second.generation);
    expect((await home.inRegion('ap-south-1').getTrail(arn)).s3KeyPrefix).toBe('v2');

    // The status is readable by ARN from any Region holding a replica.
    expect((await propagation(app, account, 'ap-south-1', arn)).generation).toBe(second.generation);
  });

  it('turning multi-Region off removes the shadows; turning it on brings them back', async () => {
    const { account, home, name, arn } = await multiRegionWorld(transport);
    await converged(app, account, 'us-east-1', name);
    const shadow = home.inRegion('eu-central-1');
    expect(await visibleArns(shadow)).toEqual([arn]);

    await home.updateTrail(name, { isMultiRegionTrail: false });
    const single = await converged(app, account, 'us-east-1', name);
    expect(single).toMatchObject({ desired: 1, applied: 1, pending: 0 });
    expect(single.regions.map((r) => r.region)).toEqual(['us-east-1']);
    expect(await visibleArns(shadow)).toEqual([]);
    expect(await failure(shadow.getTrail(arn))).toMatchObject({ code: 'TrailNotFoundException' });

    await home.updateTrail(name, { isMultiRegionTrail: true });
    const multi = await converged(app, account, 'us-east-1', name);
    expect(multi.applied).toBe((await enabledRegions(app, account)).length);
    expect(await visibleArns(shadow)).toEqual([arn]);
  });

  it('changes in quick succession, while replicas are still being reconciled, all succeed and converge', async () => {
    // Regression: the pass a single-Region change runs in its request deadlocked with the queued
    // pass still removing the shadows of an earlier multi-Region generation (InternalFailure).
    const account = await given.account(app);
    const home = trailsApi(app, transport, account, 'us-east-1');
    const names = [trailName('q'), trailName('q'), trailName('q'), trailName('q')];
    await Promise.all(
      names.map(async (name) => {
        await home.createTrail({ name, s3BucketName: BUCKET, isMultiRegionTrail: true });
        for (let round = 0; round < 4; round++) {
          await home.updateTrail(name, { isMultiRegionTrail: false });
          await home.updateTrail(name, { s3KeyPrefix: `round-${round}` });
          await home.updateTrail(name, { isMultiRegionTrail: true });
        }
        await home.updateTrail(name, { isMultiRegionTrail: false });
        await home.startLogging(name);
      }),
    );
    for (const name of names) {
      expect(await converged(app, account, 'us-east-1', name)).toMatchObject({
        desired: 1,
        applied: 1,
        pending: 0,
        failed: 0,
      });
    }
    expect(await visibleArns(home.inRegion('eu-west-1'))).toEqual([]);
  });

  it('deleting the trail removes every replica', async () => {
    const { account, home, name, arn } = await multiRegionWorld(transport);
    await converged(app, account, 'us-east-1', name);
    await home.deleteTrail(name);
    for (const region of ['us-east-1', 'eu-west-1', 'ap-northeast-3']) {
      expect(await visibleArns(home.inRegion(region))).toEqual([]);
    }
    expect(await failure(home.inRegion('eu-west-1').getTrail(arn))).toMatchObject({
      code: 'TrailNotFoundException',
    });
    const response = await app.rest(account).get(`/v1/trails/${encodeURIComponent(arn)}/propagation`);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('TrailNotFoundException');
  });

  it('an opt-in Region the account enables gets the replica; disabling it removes the replica', async () => {
    const { account, home, name, arn } = await multiRegionWorld(transport);
    const before = await converged(app, account, 'us-east-1', name);
    expect(before.regions.map((r) => r.region)).not.toContain('eu-south-1');

    await enableRegion(app, account, 'eu-south-1');
    const optIn = home.inRegion('eu-south-1');
    await eventually(async () => ((await visibleArns(optIn)).includes(arn) ? true : undefined));
    expect((await optIn.getTrail(arn)).homeRegion).toBe('us-east-1');
    const enabled = await converged(app, account, 'us-east-1', name);
    expect(enabled.applied).toBe(before.applied + 1);

    await disableRegion(app, account, 'eu-south-1');
    const disabled = await eventually(async () => {
      const status = await propagation(app, account, 'us-east-1', name);
      return status.applied === before.applied && status.pending === 0 ? status : undefined;
    });
    expect(disabled.regions.map((r) => r.region)).not.toContain('eu-south-1');
  });
});

describe('new-Region auto-copy', () => {
  async function worldWithTrails(api: (account: Awaited<ReturnType<typeof given.account>>) => TrailsApi) {
    const account = await given.account(app);
    const home = api(account);
    const name = trailName('mr');
    const { trailArn: arn } = await home.createTrail({
      name,
      s3BucketName: BUCKET,
      isMultiRegionTrail: true,
    });
    const single = await home.createTrail({ name: trailName('sr'), s3BucketName: BUCKET });
    await converged(app, account, home.region, name);
    return { account, home, name, arn, singleArn: single.trailArn };
  }

  it('a Region launched after a multi-Region trail exists gets its replica with no further call', async () => {
    const sdk = await worldWithTrails((account) => trailsApi(app, 'aws-sdk', account, 'us-east-1'));
    const rest = await worldWithTrails((account) => trailsApi(app, 'rest', account, 'eu-west-1'));

    const region = await launchRegion(app, false);
    for (const { home, arn, singleArn } of [sdk, rest]) {
      const launched = home.inRegion(region);
      const shadow = await eventually(async () =>
        (await launched.describeTrails()).find((t) => t.trailArn === arn),
      );
      expect(shadow).toMatchObject({ trailArn: arn, homeRegion: home.region, isMultiRegionTrail: true });
      expect(await visibleArns(launched)).not.toContain(singleArn);
      expect((await launched.getTrailStatus(arn)).isLogging).toBe(false);
    }
    const status = await converged(app, sdk.account, 'us-east-1', sdk.name);
    expect(status.regions.map((r) => r.region)).toContain(region);
    expect(status.desired).toBe((await enabledRegions(app, sdk.account)).length);
  });

  it('an opt-in Region launched later reaches only the accounts that enable it', async () => {
    const enabler = await worldWithTrails((account) => trailsApi(app, 'rest', account, 'us-east-1'));
    const bystander = await worldWithTrails((account) => trailsApi(app, 'aws-sdk', account, 'us-east-1'));
    const region = await launchRegion(app, true);

    await enableRegion(app, enabler.account, region);
    const launched = enabler.home.inRegion(region);
    await eventually(async () => ((await visibleArns(launched)).includes(enabler.arn) ? true : undefined));
    expect(
      (await converged(app, enabler.account, 'us-east-1', enabler.name)).regions.map((r) => r.region),
    ).toContain(region);
    expect(
      (await converged(app, bystander.account, 'us-east-1', bystander.name)).regions.map((r) => r.region),
    ).not.toContain(region);
  });
});

/**
 * The same replication through the embedded, in-process queue (no Redis): the API runs the
 * reconciler jobs itself, off the request path, through the same handlers as BullMQ workers.
 */
describe('replication through the embedded in-process queue', () => {
  let inline: TestApp;
  beforeAll(async () => {
    inline = await TestApp.start({ jobs: 'inline' });
  });
  afterAll(() => inline.close());

  it('replicates, follows changes, copies into a launched Region and deletes', async () => {
    const account = await given.account(inline);
    const home = trailsApi(inline, 'aws-sdk', account, 'eu-west-1');
    const name = trailName('mr');
    const { trailArn: arn } = await home.createTrail({
      name,
      s3BucketName: BUCKET,
      isMultiRegionTrail: true,
    });

    await inline.jobsIdle();
    const regions = await enabledRegions(inline, account);
    const status = await propagation(inline, account, 'eu-west-1', name);
    expect(status).toMatchObject({ desired: regions.length, applied: regions.length, pending: 0 });
    expect(status.observedGeneration).toBe(status.generation);
    expect(await home.inRegion('us-west-1').describeTrails()).toEqual([
      expect.objectContaining({ trailArn: arn, homeRegion: 'eu-west-1' }),
    ]);

    await home.updateTrail(name, { s3KeyPrefix: 'inline' });
    await inline.jobsIdle();
    const updated = await propagation(inline, account, 'eu-west-1', name);
    expect(updated).toMatchObject({ pending: 0, observedGeneration: updated.generation });
    expect((await home.inRegion('us-west-1').getTrail(arn)).s3KeyPrefix).toBe('inline');

    const region = await launchRegion(inline, false);
    await inline.jobsIdle();
    expect(await visibleArns(home.inRegion(region))).toEqual([arn]);
    expect((await propagation(inline, account, 'eu-west-1', name)).pendingRegions).toEqual([]);

    await home.updateTrail(name, { isMultiRegionTrail: false });
    await inline.jobsIdle();
    expect(await visibleArns(home.inRegion(region))).toEqual([]);
    expect((await propagation(inline, account, 'eu-west-1', name)).desired).toBe(1);

    await home.deleteTrail(name);
    await inline.jobsIdle();
    expect(await visibleArns(home)).toEqual([]);
  });
});
