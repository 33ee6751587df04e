import {
  CreateBucketCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { type TestCredentials } from '../support/credentials';
import { given, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';
import { s3Client, s3Failure } from './support/s3-clients';

/**
 * The read side of the S3 protocol as `aws cloudtrail validate-logs` and SDK users use it
 * (delivery.md §6.1): HeadBucket, GetBucketLocation, ListObjects v1 and v2, GetObject, HeadObject.
 */
describe('S3 protocol: reading buckets and objects', () => {
  let app: TestApp;
  let s3: S3Client;
  let owner: TestCredentials;
  const bucket = uniqueName('logs').toLowerCase();
  const euBucket = uniqueName('eu-logs').toLowerCase();

  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline' });
    owner = await given.account(app);
    s3 = s3Client(app, owner);
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3Client(app, owner, 'eu-west-1').send(
      new CreateBucketCommand({
        Bucket: euBucket,
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      }),
    );
    for (const key of ['AWSLogs/a/1.json.gz', 'AWSLogs/a/2.json.gz', 'AWSLogs/b/1.json.gz', 'top.txt'])
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `content of ${key}` }));
  });

  afterAll(async () => {
    s3.destroy();
    await app.close();
  });

  it('HeadBucket, GetBucketLocation and ListBuckets know the bucket and its Region', async () => {
    const head = await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    expect(head.BucketRegion).toBe('us-east-1');
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: bucket }))).LocationConstraint).toBe(
      undefined,
    );
    expect((await s3.send(new GetBucketLocationCommand({ Bucket: euBucket }))).LocationConstraint).toBe(
      'eu-west-1',
    );
    const { Buckets } = await s3.send(new ListBucketsCommand({}));
    expect(Buckets?.map((b) => b.Name).sort()).toEqual([bucket, euBucket].sort());
    expect(await s3Failure(s3.send(new HeadBucketCommand({ Bucket: 'no-such-bucket-here' })))).toEqual({
      code: 'NotFound',
      status: 404,
    });
    expect(await s3Failure(s3.send(new GetBucketLocationCommand({ Bucket: 'no-such-bucket-here' })))).toEqual(
      {
        code: 'NoSuchBucket',
        status: 404,
      },
    );
  });

  it('ListObjects v1 pages with prefix, delimiter, marker and encoding-type=url', async () => {
    const first = await s3.send(
      new ListObjectsCommand({ Bucket: bucket, Prefix: 'AWSLogs/', MaxKeys: 2, EncodingType: 'url' }),
    );
    expect(first.Contents?.map((o) => o.Key)).toEqual(['AWSLogs/a/1.json.gz', 'AWSLogs/a/2.json.gz']);
    expect(first.IsTruncated).toBe(true);
    const rest = await s3.send(
      new ListObjectsCommand({ Bucket: bucket, Prefix: 'AWSLogs/', Marker: 'AWSLogs/a/2.json.gz' }),
    );
    expect(rest.Contents?.map((o) => o.Key)).toEqual(['AWSLogs/b/1.json.gz']);
    expect(rest.IsTruncated).toBe(false);
    const folders = await s3.send(new ListObjectsCommand({ Bucket: bucket, Delimiter: '/' }));
    expect(folders.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['AWSLogs/']);
    expect(folders.Contents?.map((o) => o.Key)).toEqual(['top.txt']);
  });

  it('ListObjectsV2 pages with continuation tokens', async () => {
    const first = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 3 }));
    expect(first.KeyCount).toBe(3);
    const next = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: first.NextContinuationToken }),
    );
    expect(next.Contents?.map((o) => o.Key)).toEqual(['top.txt']);
  });

  it('GetObject answers the bytes, whole or a range; HeadObject the headers', async () => {
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'top.txt' }));
    expect(await got.Body?.transformToString()).toBe('content of top.txt');
    const range = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'top.txt', Range: 'bytes=0-6' }));
    expect(await range.Body?.transformToString()).toBe('content');
    expect(range.ContentRange).toBe('bytes 0-6/18');
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'top.txt' }));
    expect(head.ContentLength).toBe(18);
    expect(head.ETag).toBe(got.ETag);
    expect(await s3Failure(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'nope' })))).toEqual({
      code: 'NoSuchKey',
      status: 404,
    });
    expect(await s3Failure(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'nope' })))).toEqual({
      code: 'NotFound',
      status: 404,
    });
    expect(
      await s3Failure(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'top.txt', Range: 'bytes=100-' }))),
    ).toEqual({ code: 'InvalidRange', status: 416 });
  });

  it('records bucket calls as management events; object calls are data events, never looked up', async () => {
    const { Events } = await app.cloudtrail(owner).send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 's3.amazonaws.com' }],
      }),
    );
    const names = new Set(Events?.map((event) => event.EventName));
    expect(names).toContain('CreateBucket');
    for (const data of ['PutObject', 'GetObject', 'HeadObject', 'ListObjects'])
      expect(names).not.toContain(data);
  });
});
