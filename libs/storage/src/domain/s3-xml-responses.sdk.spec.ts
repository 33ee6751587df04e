import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import {
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  renderDeleteResult,
  renderErrorDocument,
  renderListBuckets,
  renderListObjectsV1,
  renderListObjectsV2,
  renderLocationConstraint,
} from './s3-xml-responses';
import { NoSuchKeyError } from './storage.errors';

const MODIFIED = new Date('2026-01-02T03:04:05.000Z');
const TRICKY_KEY = 'dir/a b+c%&<é>\u{1F600}.txt';

/** Each answer as @aws-sdk/client-s3 parses it: the documents must read back as S3's would. */
describe('S3 XML answers read by @aws-sdk/client-s3', () => {
  let answer: { status: number; body: string } = { status: 200, body: '' };
  let server: Server;
  let client: S3Client;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () =>
        res.writeHead(answer.status, { 'content-type': 'application/xml' }).end(answer.body),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new S3Client({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIASDKCAPTURE000001', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('ListBuckets', async () => {
    answer = {
      status: 200,
      body: renderListBuckets({
        ownerAccountId: '111122223333',
        buckets: [{ name: 'logs', ownerAccountId: '111122223333', region: 'eu-west-1', createdAt: MODIFIED }],
      }),
    };
    const output = await client.send(new ListBucketsCommand({}));
    expect(output.Buckets).toEqual([{ Name: 'logs', CreationDate: MODIFIED, BucketRegion: 'eu-west-1' }]);
    expect(output.Owner?.ID).toBe('111122223333');
  });

  it('GetBucketLocation', async () => {
    answer = { status: 200, body: renderLocationConstraint('eu-west-1') };
    expect((await client.send(new GetBucketLocationCommand({ Bucket: 'logs' }))).LocationConstraint).toBe(
      'eu-west-1',
    );
  });

  it('ListObjects (v1) with a tricky key, raw and url-encoded', async () => {
    const result = {
      bucket: 'logs',
      prefix: 'dir/',
      delimiter: '/',
      marker: '',
      maxKeys: 1000,
      isTruncated: true,
      nextMarker: TRICKY_KEY,
      contents: [
        { key: TRICKY_KEY, size: 5, etag: '"5d41402abc4b2a76b9719d911017c592"', lastModified: MODIFIED },
      ],
      commonPrefixes: ['dir/sub dir/'],
      ownerAccountId: '111122223333',
    };
    answer = { status: 200, body: renderListObjectsV1(result) };
    const raw = await client.send(new ListObjectsCommand({ Bucket: 'logs' }));
    expect(raw.Contents?.[0]).toMatchObject({
      Key: TRICKY_KEY,
      Size: 5,
      ETag: '"5d41402abc4b2a76b9719d911017c592"',
    });
    expect(raw.CommonPrefixes).toEqual([{ Prefix: 'dir/sub dir/' }]);
    expect(raw).toMatchObject({ IsTruncated: true, NextMarker: TRICKY_KEY });

    answer = { status: 200, body: renderListObjectsV1({ ...result, encodingType: 'url' }) };
    const encoded = await client.send(new ListObjectsCommand({ Bucket: 'logs', EncodingType: 'url' }));
    expect(decodeURIComponent(encoded.Contents![0].Key!)).toBe(TRICKY_KEY);
    expect(encoded.EncodingType).toBe('url');
  });

  it('ListObjectsV2', async () => {
    answer = {
      status: 200,
      body: renderListObjectsV2({
        bucket: 'logs',
        prefix: '',
        maxKeys: 1,
        keyCount: 1,
        isTruncated: true,
        nextContinuationToken: 'token.mac',
        contents: [
          { key: TRICKY_KEY, size: 0, etag: '"d41d8cd98f00b204e9800998ecf8427e"', lastModified: MODIFIED },
        ],
        commonPrefixes: [],
      }),
    };
    const output = await client.send(new ListObjectsV2Command({ Bucket: 'logs', MaxKeys: 1 }));
    expect(output).toMatchObject({ KeyCount: 1, IsTruncated: true, NextContinuationToken: 'token.mac' });
    expect(output.Contents?.[0]).toMatchObject({
      Key: TRICKY_KEY,
      LastModified: MODIFIED,
      StorageClass: 'STANDARD',
    });
  });

  it('DeleteObjects', async () => {
    answer = {
      status: 200,
      body: renderDeleteResult({
        quiet: false,
        deleted: [{ key: TRICKY_KEY }],
        errors: [{ key: 'x', code: 'InvalidArgument', message: 'no' }],
      }),
    };
    const output = await client.send(
      new DeleteObjectsCommand({ Bucket: 'logs', Delete: { Objects: [{ Key: TRICKY_KEY }] } }),
    );
    expect(output.Deleted).toEqual([{ Key: TRICKY_KEY }]);
    expect(output.Errors).toEqual([{ Key: 'x', Code: 'InvalidArgument', Message: 'no' }]);
  });

  it('an error document, read as the SDK error named by its code', async () => {
    answer = { status: 404, body: renderErrorDocument(new NoSuchKeyError('k'), '/logs/k', 'req-42') };
    const error = await client
      .send(new GetObjectCommand({ Bucket: 'logs', Key: 'k' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).toMatchObject({ name: 'NoSuchKey', message: 'The specified key does not exist.' });
    expect((error as S3ServiceException).$metadata.httpStatusCode).toBe(404);
  });
});
