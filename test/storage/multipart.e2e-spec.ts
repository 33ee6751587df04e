import { createHash, randomBytes } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutBucketPolicyCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { Client } from 'pg';
import { type TestCredentials } from '../support/credentials';
import { given, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';
import { s3Client, s3Failure } from './support/s3-clients';
import { signedChunkedPut } from './support/signed-upload';

const MiB = 1024 * 1024;
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest();

/** Multipart uploads through `@aws-sdk/client-s3` commands: the calls, their refusals, their traces. */
describe('S3 protocol: multipart uploads', () => {
  let app: TestApp;
  let owner: TestCredentials;
  let stranger: TestCredentials;
  let s3: S3Client;
  let theirs: S3Client;
  let db: Client;
  const bucket = uniqueName('parts').toLowerCase();

  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline' });
    owner = await given.account(app);
    stranger = await given.account(app);
    s3 = s3Client(app, owner);
    theirs = s3Client(app, stranger);
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  afterAll(async () => {
    s3.destroy();
    theirs.destroy();
    await db.end();
    await app.close();
  });

  const start = async (key: string, client = s3) =>
    (await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }))).UploadId!;
  const upload = async (key: string, uploadId: string, partNumber: number, body: Buffer, client = s3) =>
    (
      await client.send(
        new UploadPartCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          PartNumber: partNumber,
          Body: body,
        }),
      )
    ).ETag!;
  const complete = (
    key: string,
    uploadId: string,
    parts: { PartNumber: number; ETag: string }[],
    client = s3,
  ) =>
    client.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
  const storedParts = async () =>
    Number((await db.query('SELECT count(*) AS n FROM storage_multipart_parts')).rows[0].n);
  const uploadsOf = async (key: string) =>
    (await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: key }))).Uploads ?? [];

  it('uploads in parts (signed, aws-chunked, Content-MD5), lists them, completes into one object', async () => {
    const key = 'big/file.bin';
    const created = await s3.send(
      new CreateMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        ContentType: 'text/csv',
        Metadata: { origin: 'parts' },
      }),
    );
    const uploadId = created.UploadId!;
    expect(created).toMatchObject({ Bucket: bucket, Key: key });
    const first = randomBytes(5 * MiB);
    const second = randomBytes(5 * MiB + 7);
    const last = randomBytes(1000);
    const firstTag = await s3.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        PartNumber: 1,
        Body: first,
        ContentMD5: md5(first).toString('base64'),
      }),
    );
    expect(firstTag.ETag).toBe(`"${md5(first).toString('hex')}"`);
    const chunked = await signedChunkedPut(
      app.url,
      owner,
      `/${bucket}/${key}?partNumber=2&uploadId=${uploadId}`,
      [second.subarray(0, 3 * MiB), second.subarray(3 * MiB)],
    );
    expect(chunked.status).toBe(200);
    expect(chunked.headers.etag).toBe(`"${md5(second).toString('hex')}"`);
    const lastTag = await upload(key, uploadId, 3, last);

    const page1 = await s3.send(
      new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MaxParts: 2 }),
    );
    expect(page1.Parts?.map((part) => [part.PartNumber, part.Size])).toEqual([
      [1, first.length],
      [2, second.length],
    ]);
    expect(page1).toMatchObject({ IsTruncated: true, NextPartNumberMarker: '2' });
    const page2 = await s3.send(
      new ListPartsCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        PartNumberMarker: page1.NextPartNumberMarker,
      }),
    );
    expect(page2.Parts?.map((part) => [part.PartNumber, part.ETag])).toEqual([[3, lastTag]]);
    expect(page2.IsTruncated).toBe(false);
    expect((await uploadsOf('big/')).map((u) => [u.Key, u.UploadId])).toEqual([[key, uploadId]]);

    const done = await complete(key, uploadId, [
      { PartNumber: 1, ETag: firstTag.ETag! },
      { PartNumber: 2, ETag: chunked.headers.etag },
      { PartNumber: 3, ETag: lastTag },
    ]);
    const digests = Buffer.concat([first, second, last].map(md5));
    expect(done.ETag).toBe(`"${createHash('md5').update(digests).digest('hex')}-3"`);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    expect(bytes.equals(Buffer.concat([first, second, last]))).toBe(true);
    expect(got).toMatchObject({ ETag: done.ETag, ContentType: 'text/csv', Metadata: { origin: 'parts' } });
    expect(
      await s3Failure(s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId }))),
    ).toEqual({
      code: 'NoSuchUpload',
      status: 404,
    });
    expect(await uploadsOf('big/')).toEqual([]);
    expect(await storedParts()).toBe(0);
  });

  it('refuses a bad Content-MD5, unknown uploads, and bad part lists, keeping the upload', async () => {
    const key = 'refused.bin';
    const uploadId = await start(key);
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
    const one = await upload(key, uploadId, 1, randomBytes(1024));
    const two = await upload(key, uploadId, 2, randomBytes(1024));
    const unknown = '0'.repeat(32);
    for (const call of [
      upload(key, unknown, 1, body),
      upload('other.bin', uploadId, 1, Buffer.from('x')),
      complete(key, unknown, [{ PartNumber: 1, ETag: one }]),
      s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: 'not-an-id' })),
      s3.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: unknown })),
    ])
      expect(await s3Failure(call)).toEqual({ code: 'NoSuchUpload', status: 404 });
    expect(await s3Failure(complete(key, uploadId, [{ PartNumber: 1, ETag: two }]))).toEqual({
      code: 'InvalidPart',
      status: 400,
    });
    expect(await s3Failure(complete(key, uploadId, [{ PartNumber: 3, ETag: one }]))).toEqual({
      code: 'InvalidPart',
      status: 400,
    });
    expect(
      await s3Failure(
        complete(key, uploadId, [
          { PartNumber: 2, ETag: two },
          { PartNumber: 1, ETag: one },
        ]),
      ),
    ).toEqual({ code: 'InvalidPartOrder', status: 400 });
    expect(
      await s3Failure(
        complete(key, uploadId, [
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

  it('AbortMultipartUpload leaves nothing: no upload, no part, no object', async () => {
    const key = 'aborted.bin';
    const uploadId = await start(key);
    await upload(key, uploadId, 1, randomBytes(5 * MiB));
    await upload(key, uploadId, 2, randomBytes(10));
    expect(await storedParts()).toBe(2);
    await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
    expect(await storedParts()).toBe(0);
    expect(await uploadsOf(key)).toEqual([]);
    expect(await s3Failure(upload(key, uploadId, 3, Buffer.from('late')))).toEqual({
      code: 'NoSuchUpload',
      status: 404,
    });
    expect(
      await s3Failure(
        s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })),
      ),
    ).toEqual({ code: 'NoSuchUpload', status: 404 });
    expect(await s3Failure(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })))).toMatchObject({
      status: 404,
    });
  });

  it('ListMultipartUploads pages by key and upload id, and rolls keys up by delimiter', async () => {
    const ids = [await start('list/a'), await start('list/a'), await start('list/b')];
    const seen: string[] = [];
    let markers: { KeyMarker?: string; UploadIdMarker?: string } = {};
    for (;;) {
      const page = await s3.send(
        new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'list/', MaxUploads: 2, ...markers }),
      );
      seen.push(...(page.Uploads ?? []).map((u) => `${u.Key} ${u.UploadId}`));
      if (!page.IsTruncated) break;
      markers = { KeyMarker: page.NextKeyMarker, UploadIdMarker: page.NextUploadIdMarker };
    }
    expect(seen).toEqual([`list/a ${ids[0]}`, `list/a ${ids[1]}`, `list/b ${ids[2]}`]);
    const grouped = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Delimiter: '/' }));
    expect(grouped.CommonPrefixes?.map((common) => common.Prefix)).toEqual(['list/']);
    expect(grouped.Uploads ?? []).toEqual([]);
    for (const [index, id] of ids.entries())
      await s3.send(
        new AbortMultipartUploadCommand({
          Bucket: bucket,
          Key: index < 2 ? 'list/a' : 'list/b',
          UploadId: id,
        }),
      );
  });

  it("authorizes with S3's actions through the bucket policy", async () => {
    const key = 'shared/theirs.bin';
    expect(await s3Failure(start(key, theirs))).toEqual({ code: 'AccessDenied', status: 403 });
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
    const uploadId = await start(key, theirs);
    const etag = await upload(key, uploadId, 1, Buffer.from('theirs'), theirs);
    for (const call of [
      theirs.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId })),
      theirs.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })),
      theirs.send(new ListMultipartUploadsCommand({ Bucket: bucket })),
    ])
      expect(await s3Failure(call)).toEqual({ code: 'AccessDenied', status: 403 });
    await complete(key, uploadId, [{ PartNumber: 1, ETag: etag }], theirs);
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentLength).toBe(6);
  });

  it('records the calls as data events, never looked up', async () => {
    const { rows } = await db.query<{ event_name: string }>(
      `SELECT DISTINCT event_name FROM events WHERE event_source = 's3.amazonaws.com' AND NOT management`,
    );
    const recorded = rows.map((row) => row.event_name);
    for (const name of [
      'CreateMultipartUpload',
      'UploadPart',
      'CompleteMultipartUpload',
      'AbortMultipartUpload',
      'ListParts',
      'ListMultipartUploads',
    ])
      expect(recorded).toContain(name);
    const { Events } = await app.cloudtrail(owner).send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 's3.amazonaws.com' }],
      }),
    );
    expect(Events?.map((event) => event.EventName)).not.toContain('UploadPart');
  });
});
