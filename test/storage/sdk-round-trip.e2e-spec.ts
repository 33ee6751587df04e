import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { isDomainError, restStatusOf } from '@app/platform';
import { deriveSigningKey, parseSignedRequest, verifySignature } from '@app/sigv4';
import {
  claimedChecksum,
  CreateBucketUseCase,
  decodeObjectPayload,
  DeleteObjectsUseCase,
  GetBucketLocationUseCase,
  GetObjectUseCase,
  HeadObjectUseCase,
  ListObjectsUseCase,
  ListObjectsV2UseCase,
  objectAnswerHeaders,
  objectHeaderFields,
  parseCreateBucketConfiguration,
  parseMaxKeys,
  PutObjectUseCase,
  renderDeleteResult,
  renderErrorDocument,
  renderListObjectsV1,
  renderListObjectsV2,
  renderLocationConstraint,
  streamingSigningContext,
} from '@app/storage';
import { bucketName, callerIn, StorageWorld } from './support/storage-world';

const SECRET = 'round-trip-secret-key-for-tests-only-0001';

/**
 * The public API of @app/storage composed into the smallest S3 transport that @aws-sdk/client-s3
 * (default settings, path style) accepts: proof that the core is enough to wire, not the real
 * transport (no authorization, no recording, one account).
 */
describe('@app/storage behind a minimal S3 transport, driven by @aws-sdk/client-s3', () => {
  let world: StorageWorld;
  let owner: string;
  let server: Server;
  let client: S3Client;

  async function route(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?', 2);
    const signed = { method: req.method ?? '', rawPath, rawQuery, headers: req.headersDistinct, body };
    const parsed = parseSignedRequest(signed, { expectedServices: ['s3'] });
    verifySignature(signed, parsed, SECRET, { now: new Date(), s3: true });
    const ctx = callerIn(owner, parsed.region);
    const headers = req.headers as Record<string, string | undefined>;
    const query = new URLSearchParams(rawQuery);
    const [bucket, ...rest] = rawPath.slice(1).split('/').map(decodeURIComponent);
    const key = rest.join('/');
    const xml = (document: string): void =>
      void res.writeHead(200, { 'content-type': 'application/xml' }).end(document);

    if (key === '' && req.method === 'PUT') {
      const { locationConstraint } = parseCreateBucketConfiguration(body);
      await world.get(CreateBucketUseCase).execute(ctx, { bucket, locationConstraint });
      return void res.writeHead(200, { location: `/${bucket}` }).end();
    }
    if (key === '' && req.method === 'GET' && query.has('location')) {
      return xml(
        renderLocationConstraint((await world.get(GetBucketLocationUseCase).execute(ctx, { bucket })).region),
      );
    }
    if (key === '' && req.method === 'POST' && query.has('delete')) {
      const result = await world.get(DeleteObjectsUseCase).execute(ctx, {
        bucket,
        body,
        contentMd5: headers['content-md5'],
        checksum: claimedChecksum(headers),
      });
      return xml(renderDeleteResult(result));
    }
    const listing = {
      bucket,
      prefix: query.get('prefix') ?? undefined,
      delimiter: query.get('delimiter') ?? undefined,
      maxKeys: parseMaxKeys(query.get('max-keys') ?? undefined),
      encodingType: query.get('encoding-type') ?? undefined,
    };
    if (key === '' && query.get('list-type') === '2') {
      const input = { ...listing, continuationToken: query.get('continuation-token') ?? undefined };
      return xml(renderListObjectsV2(await world.get(ListObjectsV2UseCase).execute(ctx, input)));
    }
    if (key === '') {
      const input = { ...listing, marker: query.get('marker') ?? undefined };
      return xml(renderListObjectsV1(await world.get(ListObjectsUseCase).execute(ctx, input)));
    }
    if (req.method === 'PUT') {
      const payload = decodeObjectPayload({
        body,
        contentSha256: headers['x-amz-content-sha256'],
        decodedContentLength: headers['x-amz-decoded-content-length'],
        trailer: headers['x-amz-trailer'],
        signing: streamingSigningContext(
          parsed,
          deriveSigningKey(SECRET, parsed.scopeDate, parsed.region, 's3'),
        ),
      });
      const stored = await world.get(PutObjectUseCase).execute(ctx, {
        ...objectHeaderFields(headers),
        bucket,
        key,
        content: payload.bytes,
        checksum: claimedChecksum(headers, payload.trailingChecksum),
      });
      return void res.writeHead(200, { etag: stored.etag }).end();
    }
    const checksumMode = headers['x-amz-checksum-mode'] === 'ENABLED';
    if (req.method === 'HEAD') {
      const answer = await world.get(HeadObjectUseCase).execute(ctx, { bucket, key, range: headers.range });
      return void res
        .writeHead(answer.range ? 206 : 200, objectAnswerHeaders({ ...answer, checksumMode }))
        .end();
    }
    const answer = await world.get(GetObjectUseCase).execute(ctx, { bucket, key, range: headers.range });
    res.writeHead(answer.range ? 206 : 200, objectAnswerHeaders({ ...answer, checksumMode }));
    Readable.from(answer.body).pipe(res);
  }

  beforeAll(async () => {
    world = await StorageWorld.start();
    owner = await world.account();
    server = createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (part: Buffer) => parts.push(part));
      req.on('end', () => {
        route(req, Buffer.concat(parts), res).catch((error: unknown) => {
          if (!isDomainError(error)) throw error;
          res.writeHead(restStatusOf(error.code), { 'content-type': 'application/xml' });
          res.end(req.method === 'HEAD' ? undefined : renderErrorDocument(error, req.url ?? '/', 'req-1'));
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new S3Client({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'eu-west-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIAROUNDTRIP0000001', secretAccessKey: SECRET },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
    await world.close();
  });

  it('creates a bucket, writes objects both ways the SDK sends them, reads, lists and deletes them', async () => {
    const Bucket = bucketName('sdk');
    await client.send(
      new CreateBucketCommand({ Bucket, CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }),
    );
    expect((await client.send(new GetBucketLocationCommand({ Bucket }))).LocationConstraint).toBe(
      'eu-west-1',
    );

    const key = 'AWSLogs/111122223333/a b+c%/é.json.gz';
    await client.send(
      new PutObjectCommand({
        Bucket,
        Key: key,
        Body: Buffer.from('buffered'),
        Metadata: { signature: 'ab12' },
      }),
    );
    const streamed = Buffer.alloc(200_000, 's');
    await client.send(
      new PutObjectCommand({
        Bucket,
        Key: 'streamed.bin',
        Body: Readable.from([streamed]),
        ContentLength: streamed.length,
      }),
    );

    const got = await client.send(new GetObjectCommand({ Bucket, Key: key }));
    expect(await got.Body?.transformToString()).toBe('buffered');
    expect(got.Metadata).toEqual({ signature: 'ab12' });
    const ranged = await client.send(
      new GetObjectCommand({ Bucket, Key: 'streamed.bin', Range: 'bytes=-10', ChecksumMode: 'ENABLED' }),
    );
    expect(ranged.ContentRange).toBe('bytes 199990-199999/200000');
    expect(Buffer.from(await ranged.Body!.transformToByteArray())).toEqual(Buffer.alloc(10, 's'));
    expect((await client.send(new HeadObjectCommand({ Bucket, Key: 'streamed.bin' }))).ContentLength).toBe(
      200_000,
    );

    const v2 = await client.send(new ListObjectsV2Command({ Bucket, MaxKeys: 1 }));
    expect(v2.Contents?.map((c) => c.Key)).toEqual(['AWSLogs/111122223333/a b+c%/é.json.gz']);
    const next = await client.send(
      new ListObjectsV2Command({ Bucket, ContinuationToken: v2.NextContinuationToken }),
    );
    expect(next.Contents?.map((c) => c.Key)).toEqual(['streamed.bin']);
    const v1 = await client.send(new ListObjectsCommand({ Bucket, Delimiter: '/', EncodingType: 'url' }));
    expect(v1.CommonPrefixes).toEqual([{ Prefix: 'AWSLogs/' }]);

    const deleted = await client.send(
      new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: key }, { Key: 'streamed.bin' }] } }),
    );
    expect(deleted.Deleted?.map((d) => d.Key)).toEqual([key, 'streamed.bin']);
    const missing = await client
      .send(new GetObjectCommand({ Bucket, Key: key }))
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(S3ServiceException);
    expect(missing).toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
  });
});
