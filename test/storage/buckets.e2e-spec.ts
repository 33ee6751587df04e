import {
  BucketDirectory,
  BuiltInObjectStore,
  CreateBucketUseCase,
  DeleteBucketPolicyUseCase,
  DeleteBucketUseCase,
  DeleteObjectUseCase,
  GetBucketLocationUseCase,
  GetBucketPolicyUseCase,
  HeadBucketUseCase,
  ListBucketsUseCase,
  PutBucketPolicyUseCase,
} from '@app/storage';
import { bucketName, callerIn, codeOf, StorageWorld } from './support/storage-world';

function cloudTrailPolicy(bucket: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::${bucket}/AWSLogs/*`,
      },
    ],
  });
}

describe('object store buckets', () => {
  let world: StorageWorld;
  let owner: string;
  let other: string;

  beforeAll(async () => {
    world = await StorageWorld.start();
    [owner, other] = await Promise.all([world.account(), world.account()]);
  });

  afterAll(() => world.close());

  const create = (account: string, bucket: string, region = 'us-east-1', locationConstraint?: string) =>
    world.get(CreateBucketUseCase).execute(callerIn(account, region), { bucket, locationConstraint });

  describe(CreateBucketUseCase.name, () => {
    it('creates a bucket owned by the caller, in us-east-1 without a constraint', async () => {
      const bucket = bucketName();
      await create(owner, bucket);
      expect(await world.get(HeadBucketUseCase).execute(callerIn(other), { bucket })).toMatchObject({
        name: bucket,
        ownerAccountId: owner,
        region: 'us-east-1',
      });
      expect(await world.get(GetBucketLocationUseCase).execute(callerIn(owner), { bucket })).toEqual({
        region: 'us-east-1',
      });
    });

    it('puts the bucket in the Region its LocationConstraint names, when signed for that Region', async () => {
      const bucket = bucketName();
      await create(owner, bucket, 'eu-west-1', 'eu-west-1');
      expect(await world.get(GetBucketLocationUseCase).execute(callerIn(owner), { bucket })).toEqual({
        region: 'eu-west-1',
      });
    });

    it('refuses a constraint for another Region and stores nothing', async () => {
      const bucket = bucketName();
      expect(await codeOf(create(owner, bucket, 'us-west-2', 'eu-west-1'))).toBe(
        'IllegalLocationConstraintException',
      );
      expect(await codeOf(world.get(HeadBucketUseCase).execute(callerIn(owner), { bucket }))).toBe(
        'NoSuchBucket',
      );
    });

    it('answers BucketAlreadyOwnedByYou to the owner and BucketAlreadyExists to anyone else', async () => {
      const bucket = bucketName();
      await create(owner, bucket);
      expect(await codeOf(create(owner, bucket))).toBe('BucketAlreadyOwnedByYou');
      expect(await codeOf(create(other, bucket))).toBe('BucketAlreadyExists');
    });

    it('lets exactly one of two racing creators have the name', async () => {
      const bucket = bucketName();
      const outcomes = await Promise.all([codeOf(create(owner, bucket)), codeOf(create(other, bucket))]);
      expect(outcomes.sort()).toEqual(['BucketAlreadyExists', 'resolved']);
    });

    it('refuses a name S3 refuses with InvalidBucketName', async () => {
      expect(await codeOf(create(owner, 'Not_A_Bucket'))).toBe('InvalidBucketName');
      expect(await codeOf(create(owner, '192.168.0.1'))).toBe('InvalidBucketName');
    });
  });

  describe(ListBucketsUseCase.name, () => {
    it("lists only the caller's buckets, by name, filtered and paged", async () => {
      const account = await world.account();
      const names = ['list-c', 'list-a', 'list-b', 'other-x'].map((label) => bucketName(label));
      for (const name of names) await create(account, name);
      await create(account, bucketName('list-eu'), 'eu-west-1', 'eu-west-1');
      await create(other, bucketName('list-z'));
      const sut = world.get(ListBucketsUseCase);

      const all = await sut.execute(callerIn(account), {});
      expect(all.buckets.map((b) => b.name)).toEqual([...all.buckets.map((b) => b.name)].sort());
      expect(all.buckets).toHaveLength(5);
      expect(all.continuationToken).toBeUndefined();

      const filtered = await sut.execute(callerIn(account), { prefix: 'list-', bucketRegion: 'us-east-1' });
      expect(filtered.buckets.map((b) => b.name)).toEqual(names.filter((n) => n.startsWith('list-')).sort());

      const first = await sut.execute(callerIn(account), { maxBuckets: 3 });
      expect(first.buckets).toHaveLength(3);
      const rest = await sut.execute(callerIn(account), {
        maxBuckets: 3,
        continuationToken: first.continuationToken,
      });
      expect([...first.buckets, ...rest.buckets].map((b) => b.name)).toEqual(all.buckets.map((b) => b.name));
      expect(rest.continuationToken).toBeUndefined();
    });

    it('refuses a continuation token that was altered or issued to another account', async () => {
      const account = await world.account();
      for (const label of ['t1', 't2']) await create(account, bucketName(label));
      const sut = world.get(ListBucketsUseCase);
      const { continuationToken } = await sut.execute(callerIn(account), { maxBuckets: 1 });
      expect(await codeOf(sut.execute(callerIn(other), { continuationToken }))).toBe('InvalidArgument');
      expect(
        await codeOf(sut.execute(callerIn(account), { continuationToken: `${continuationToken}x` })),
      ).toBe('InvalidArgument');
      expect(await codeOf(sut.execute(callerIn(account), { maxBuckets: 0 }))).toBe('InvalidArgument');
    });
  });

  describe(DeleteBucketUseCase.name, () => {
    it('refuses a bucket with objects, then deletes it once empty', async () => {
      const bucket = bucketName();
      await create(owner, bucket);
      await world.get(BuiltInObjectStore).putObject(bucket, 'a/b', Buffer.from('x'));
      const sut = world.get(DeleteBucketUseCase);

      expect(await codeOf(sut.execute(callerIn(owner), { bucket }))).toBe('BucketNotEmpty');
      await world.get(DeleteObjectUseCase).execute(callerIn(owner), { bucket, key: 'a/b' });
      await sut.execute(callerIn(owner), { bucket });
      expect(await codeOf(world.get(HeadBucketUseCase).execute(callerIn(owner), { bucket }))).toBe(
        'NoSuchBucket',
      );
      expect(await codeOf(sut.execute(callerIn(owner), { bucket }))).toBe('NoSuchBucket');
    });

    it('never leaves an object in a deleted bucket when a put races the delete', async () => {
      const store = world.get(BuiltInObjectStore);
      for (let round = 0; round < 8; round++) {
        const bucket = bucketName('race');
        await create(owner, bucket);
        const [put, del] = await Promise.all([
          codeOf(store.putObject(bucket, 'k', Buffer.from('x'))),
          codeOf(world.get(DeleteBucketUseCase).execute(callerIn(owner), { bucket })),
        ]);
        const [{ count }] = await world.dataSource.query<Array<{ count: string }>>(
          `SELECT count(*) FROM storage_objects WHERE bucket = $1`,
          [bucket],
        );
        if (del === 'resolved') expect([put, count]).toEqual(['NoSuchBucket', '0']);
        else expect([put, del, count]).toEqual(['resolved', 'BucketNotEmpty', '1']);
      }
    });
  });

  describe('bucket policies', () => {
    it('stores a valid policy as sent and versions each change for the authorizer', async () => {
      const bucket = bucketName();
      await create(owner, bucket);
      const directory = world.get(BucketDirectory);
      expect(await directory.accessFacts(bucket)).toEqual({
        bucket: expect.objectContaining({ name: bucket, ownerAccountId: owner }),
      });
      expect(await codeOf(world.get(GetBucketPolicyUseCase).execute(callerIn(owner), { bucket }))).toBe(
        'NoSuchBucketPolicy',
      );

      const policy = cloudTrailPolicy(bucket);
      await world.get(PutBucketPolicyUseCase).execute(callerIn(owner), { bucket, policy });
      expect(await world.get(GetBucketPolicyUseCase).execute(callerIn(owner), { bucket })).toEqual({
        policy,
      });
      const first = (await directory.accessFacts(bucket))?.policy;
      expect(first?.document).toBe(policy);

      await world.get(PutBucketPolicyUseCase).execute(callerIn(owner), { bucket, policy });
      const second = (await directory.accessFacts(bucket))?.policy;
      expect(BigInt(second!.version)).toBeGreaterThan(BigInt(first!.version));

      await world.get(DeleteBucketPolicyUseCase).execute(callerIn(owner), { bucket });
      await world.get(DeleteBucketPolicyUseCase).execute(callerIn(owner), { bucket });
      expect((await directory.accessFacts(bucket))?.policy).toBeUndefined();
    });

    it('refuses a malformed policy and keeps the previous one', async () => {
      const bucket = bucketName();
      await create(owner, bucket);
      const policy = cloudTrailPolicy(bucket);
      await world.get(PutBucketPolicyUseCase).execute(callerIn(owner), { bucket, policy });
      const put = (text: string) =>
        world.get(PutBucketPolicyUseCase).execute(callerIn(owner), { bucket, policy: text });
      expect(await codeOf(put('{'))).toBe('MalformedPolicy');
      expect(await codeOf(put(cloudTrailPolicy('another-bucket')))).toBe('MalformedPolicy');
      expect(await world.get(GetBucketPolicyUseCase).execute(callerIn(owner), { bucket })).toEqual({
        policy,
      });
    });

    it('answers NoSuchBucket for a missing bucket, and the directory knows nothing of it', async () => {
      const bucket = bucketName('missing');
      expect(
        await codeOf(world.get(PutBucketPolicyUseCase).execute(callerIn(owner), { bucket, policy: '{' })),
      ).toBe('NoSuchBucket');
      expect(await codeOf(world.get(GetBucketPolicyUseCase).execute(callerIn(owner), { bucket }))).toBe(
        'NoSuchBucket',
      );
      expect(await codeOf(world.get(DeleteBucketPolicyUseCase).execute(callerIn(owner), { bucket }))).toBe(
        'NoSuchBucket',
      );
      expect(await world.get(BucketDirectory).accessFacts(bucket)).toBeUndefined();
    });
  });
});
