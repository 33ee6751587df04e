import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { type TestCredentials } from '../support/credentials';
import { given, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';
import { s3Client, s3Failure } from './support/s3-clients';

/** S3 presigned URLs made by `@aws-sdk/s3-request-presigner`, used by a client holding no credentials. */
describe('S3 presigned URLs', () => {
  let app: TestApp;
  let owner: TestCredentials;
  let s3: S3Client;
  const bucket = uniqueName('presigned').toLowerCase();

  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline' });
    owner = await given.account(app);
    s3 = s3Client(app, owner);
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  afterAll(async () => {
    s3.destroy();
    await app.close();
  });

  const exists = async (key: string) =>
    (await s3Failure(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })))).code;

  it('uploads with a presigned PUT (the payload is unsigned, as S3 allows) and reads it back with a presigned GET', async () => {
    const key = 'shared/upload report.json';
    const put = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: 'application/json' }),
      { expiresIn: 300 },
    );
    const uploaded = await fetch(put, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"ok":true}',
    });
    expect(uploaded.status).toBe(200);
    expect(uploaded.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);

    const get = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), {
      expiresIn: 300,
    });
    const read = await fetch(get);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('application/json');
    expect(await read.text()).toBe('{"ok":true}');
  });

  it('accepts a presigned upload whose content-type was not signed, and presigned multipart parts', async () => {
    const key = 'parts/large.bin';
    const plain = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'plain.txt' }));
    expect((await fetch(plain, { method: 'PUT', body: 'text, typed by fetch' })).status).toBe(200);

    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
    const part = Buffer.alloc(5 * 1024 * 1024, 7);
    const etags: string[] = [];
    for (const [index, body] of [part, Buffer.from('tail')].entries()) {
      const url = await getSignedUrl(
        s3,
        new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: index + 1 }),
      );
      const response = await fetch(url, { method: 'PUT', body });
      expect(response.status).toBe(200);
      etags.push(response.headers.get('etag')!);
    }
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, index) => ({ ETag, PartNumber: index + 1 })) },
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    expect(head.ContentLength).toBe(part.length + 4);
    expect(head.ETag).toMatch(/-2"$/);
  });

  it('deletes with a presigned DELETE', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'doomed', Body: 'x' }));
    const url = await getSignedUrl(s3, new DeleteObjectCommand({ Bucket: bucket, Key: 'doomed' }));
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(204);
    expect(await exists('doomed')).toBe('NotFound');
  });

  it('refuses a presigned PUT once expired, or used for another key or method, and writes nothing', async () => {
    const expired = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'late' }), {
      expiresIn: 1,
      signingDate: new Date(Date.now() - 60_000),
    });
    const late = await fetch(expired, { method: 'PUT', body: 'late' });
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('<Code>AccessDenied</Code>');

    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'meant' }));
    const otherKey = await fetch(url.replace('/meant?', '/other?'), { method: 'PUT', body: 'x' });
    expect(otherKey.status).toBe(403);
    expect(await otherKey.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    const otherMethod = await fetch(url, { method: 'DELETE' });
    expect(otherMethod.status).toBe(403);

    expect(await exists('late')).toBe('NotFound');
    expect(await exists('other')).toBe('NotFound');
    expect(await exists('meant')).toBe('NotFound');
  });

  it('refuses a presigned PUT by another account, whatever it signed', async () => {
    const stranger = await given.account(app);
    const theirs = s3Client(app, stranger);
    const url = await getSignedUrl(theirs, new PutObjectCommand({ Bucket: bucket, Key: 'intruder' }));
    theirs.destroy();
    const response = await fetch(url, { method: 'PUT', body: 'x' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code>');
    expect(await exists('intruder')).toBe('NotFound');
  });
});
