import { createHash, randomBytes } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutBucketPolicyCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { type TestCredentials } from '../support/credentials';
import { given, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';
import { MultipartCalls } from './support/multipart-calls';
import { s3Client, s3Failure } from './support/s3-clients';

const MiB = 1024 * 1024;
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest();

/** Multipart uploads refused: bad digests, unknown uploads, bad part lists, and S3's actions denied. */
describe('S3 protocol: multipart upload refusals', () => {
  let app: TestApp;
  let stranger: TestCredentials;
  let s3: S3Client;
  let theirs: S3Client;
  let calls: MultipartCalls;
  const bucket = uniqueName('parts').toLowerCase();

  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline' });
    const owner = await given.account(app);
    stranger = await given.account(app);
    s3 = s3Client(app, owner);
    theirs = s3Client(app, stranger);
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    calls = new MultipartCalls(bucket, s3);
  });

  afterAll(async () => {
    s3.destroy();
    theirs.destroy();
    await app.close();
  });

  it('refuses a bad Content-MD5, unknown uploads, and bad part lists, keeping the upload', async () => {
    const key = 'refused.bin';
    const uploadId = await calls.start(key);
    const body = randomBytes(5 * MiB);
    expect(
      await s3Failure(
        s3.send(
          new UploadPartCommand({
            Bucket: bucket,
            Key: key,
            UploadId: uploadId,
            PartNumber: 1,
            Body: body,
            ContentMD5: md5(Buffer.from('other')).toString('base64'),
          }),
        ),
      ),
    ).toEqual({ code: 'BadDigest', status: 400 });
    const one = await calls.upload(key, uploadId, 1, randomBytes(1024));
    const two = await calls.upload(key, uploadId, 2, randomBytes(1024));
    const unknown = '0'.repeat(32);
    for (const call of [
      calls.upload(key, unknown, 1, body),
      calls.upload('other.bin', uploadId, 1, Buffer.from('x')),
      calls.complete(key, unknown, [{ PartNumber: 1, ETag: one }]),
      s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: 'not-an-id' })),
      s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: unknown })),
    ])
      expect(await s3Failure(call)).toEqual({ code: 'NoSuchUpload', status: 404 });
    expect(await s3Failure(calls.complete(key, uploadId, [{ PartNumber: 1, ETag: two }]))).toEqual({
      code: 'InvalidPart',
      status: 400,
    });
    expect(await s3Failure(calls.complete(key, uploadId, [{ PartNumber: 3, ETag: one }]))).toEqual({
      code: 'InvalidPart',
      status: 400,
    });
    expect(
      await s3Failure(
        calls.complete(key, uploadId, [
          { PartNumber: 2, ETag: two },
          { PartNumber: 1, ETag: one },
        ]),
      ),
    ).toEqual({ code: 'InvalidPartOrder', status: 400 });
    expect(
      await s3Failure(
        calls.complete(key, uploadId, [
          { PartNumber: 1, ETag: one },
          { PartNumber: 2, ETag: two },
        ]),
      ),
    ).toEqual({ code: 'EntityTooSmall', status: 400 });
    expect(await s3Failure(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })))).toMatchObject({
      status: 404,
    });
    const parts = await s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
    expect(parts.Parts?.map((part) => part.ETag)).toEqual([one, two]);
    await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
  });

  it("authorizes with S3's actions through the bucket policy", async () => {
    const key = 'shared/theirs.bin';
    expect(await s3Failure(calls.start(key, theirs))).toEqual({ code: 'AccessDenied', status: 403 });
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: stranger.accountId },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${bucket}/shared/*`,
        },
      ],
    };
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
    const uploadId = await calls.start(key, theirs);
    const etag = await calls.upload(key, uploadId, 1, Buffer.from('theirs'), theirs);
    for (const call of [
      theirs.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId })),
      theirs.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })),
      theirs.send(new ListMultipartUploadsCommand({ Bucket: bucket })),
    ])
      expect(await s3Failure(call)).toEqual({ code: 'AccessDenied', status: 403 });
    await calls.complete(key, uploadId, [{ PartNumber: 1, ETag: etag }], theirs);
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentLength).toBe(6);
  });
});
