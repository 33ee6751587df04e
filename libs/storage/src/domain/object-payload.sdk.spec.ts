import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  deriveSigningKey,
  parseSignedRequest,
  verifySignature,
  type IncomingSignedRequest,
} from '@app/sigv4';
import { checksumClaimFromHeaders, verifyChecksum } from './checksums';
import { streamingSigningContext } from './chunk-signature';
import { decodeObjectPayload } from './object-payload';

const SECRET = 'sdk-capture-secret-key-for-tests-only-0001';

interface Captured {
  readonly signed: IncomingSignedRequest;
  readonly headers: IncomingHttpHeaders;
}

/** What @aws-sdk/client-s3 (default settings, path style) puts on the wire, captured by a tiny server. */
describe('decodeObjectPayload on bodies sent by @aws-sdk/client-s3', () => {
  const captured: Captured[] = [];
  let server: Server;
  let client: S3Client;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (part: Buffer) => parts.push(part));
      req.on('end', () => {
        const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?', 2);
        captured.push({
          signed: {
            method: req.method ?? '',
            rawPath,
            rawQuery,
            headers: req.headersDistinct,
            body: Buffer.concat(parts),
          },
          headers: req.headers,
        });
        res.writeHead(200, { etag: '"0"' }).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new S3Client({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'eu-west-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIASDKCAPTURE000001', secretAccessKey: SECRET },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Verifies the captured request's signature with S3's rules, then decodes its body. */
  function decode({ signed, headers }: Captured) {
    const parsed = parseSignedRequest(signed, { expectedServices: ['s3'] });
    verifySignature(signed, parsed, SECRET, { now: parsed.requestTime, s3: true });
    return decodeObjectPayload({
      body: signed.body,
      contentSha256: headers['x-amz-content-sha256'] as string,
      decodedContentLength: headers['x-amz-decoded-content-length'] as string | undefined,
      trailer: headers['x-amz-trailer'] as string | undefined,
      signing: streamingSigningContext(
        parsed,
        deriveSigningKey(SECRET, parsed.scopeDate, parsed.region, 's3'),
      ),
    });
  }

  it('decodes a streamed body: aws-chunked, STREAMING-UNSIGNED-PAYLOAD-TRAILER, trailing CRC32', async () => {
    const pieces = [Buffer.alloc(70_000, 'x'), Buffer.from('middle piece/é/%_'), Buffer.alloc(10_000, 'z')];
    const content = Buffer.concat(pieces);
    await client.send(
      new PutObjectCommand({
        Bucket: 'bucket',
        Key: 'dir/a b%.txt',
        Body: Readable.from(pieces),
        ContentLength: content.length,
      }),
    );
    const request = captured.at(-1)!;
    expect(request.headers['x-amz-content-sha256']).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER');
    expect(request.headers['content-encoding']).toBe('aws-chunked');

    const decoded = decode(request);
    expect(decoded.bytes.equals(content)).toBe(true);
    expect(decoded.trailingChecksum?.algorithm).toBe('CRC32');
    expect(() => verifyChecksum(decoded.trailingChecksum!, decoded.bytes)).not.toThrow();
  });

  it('decodes a buffered body: signed SHA-256 payload with a CRC32 header', async () => {
    const content = Buffer.from('{"Records":[]}');
    await client.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'AWSLogs/x.json', Body: content }));
    const request = captured.at(-1)!;
    expect(request.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);

    const decoded = decode(request);
    expect(decoded.bytes.equals(content)).toBe(true);
    const claim = checksumClaimFromHeaders(request.headers as Record<string, string>);
    expect(claim?.algorithm).toBe('CRC32');
    expect(() => verifyChecksum(claim!, decoded.bytes)).not.toThrow();
  });

  it('notices a streamed body changed in transit through its trailing checksum', async () => {
    await client.send(
      new PutObjectCommand({
        Bucket: 'bucket',
        Key: 'k',
        Body: Readable.from([Buffer.from('original')]),
        ContentLength: 8,
      }),
    );
    const request = captured.at(-1)!;
    const body = Buffer.from(request.signed.body);
    body[body.indexOf('original')] = 'O'.charCodeAt(0);
    const decoded = decode({ ...request, signed: { ...request.signed, body } });
    expect(() => verifyChecksum(decoded.trailingChecksum!, decoded.bytes)).toThrow(
      expect.objectContaining({ code: 'BadDigest' }),
    );
  });
});
