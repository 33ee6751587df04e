import { createHash, randomBytes } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { Client } from 'pg';
import { type TestCredentials } from '../support/credentials';
import { given, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';
import { MultipartCalls } from './support/multipart-calls';
import { s3Client, s3Failure } from './support/s3-clients';
import { signedChunkedPut } from './support/signed-upload';

const MiB = 1024 * 1024;
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest();

/** Multipart uploads through `@aws-sdk/client-s3` commands: the calls and their traces. */
describe('S3 protocol: multipart uploads', () => {
  let app: TestApp;
  let owner: TestCredentials;
  let s3: S3Client;
  let db: Client;
  let calls: MultipartCalls;
  const bucket = uniqueName('parts').toLowerCase();

  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline' });
    owner = await given.account(app);
    s3 = s3Client(app, owner);
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    calls = new MultipartCalls(bucket, s3);
  });

  afterAll(async () => {
    s3.destroy();
    await db.end();
    await app.close();
  });

  const storedParts = async () =>
    Number((await db.query('SELECT count(*) AS n FROM storage_multipart_parts')).rows[0].n);
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
    const lastTag = await calls.upload(key, uploadId, 3, last);

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
    expect((await calls.uploads('big/')).map((u) => [u.Key, u.UploadId])).toEqual([[key, uploadId]]);

    const done = await calls.complete(key, uploadId, [
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
    expect(await calls.uploads('big/')).toEqual([]);
    expect(await storedParts()).toBe(0);
  });

  it('AbortMultipartUpload leaves nothing: no upload, no part, no object', async () => {
    const key = 'aborted.bin';
    const uploadId = await calls.start(key);
    await calls.upload(key, uploadId, 1, randomBytes(5 * MiB));
    await calls.upload(key, uploadId, 2, randomBytes(10));
    expect(await storedParts()).toBe(2);
    await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
    expect(await storedParts()).toBe(0);
    expect(await calls.uploads(key)).toEqual([]);
    expect(await s3Failure(calls.upload(key, uploadId, 3, Buffer.from('late')))).toEqual({
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
    const ids = [await calls.start('list/a'), await calls.start('list/a'), await calls.start('list/b')];
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

  it("PutObject takes bodies beyond the other transports' 256 KB limit, as UploadPart does", async () => {
    const body = Buffer.alloc(3 * MiB, 7);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'large.bin', Body: body }));
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'large.bin' }))).ContentLength).toBe(
      body.length,
    );
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
