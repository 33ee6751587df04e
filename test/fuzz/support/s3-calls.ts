import { createHash } from 'node:crypto';
import fc, { type Arbitrary } from 'fast-check';
import { type FuzzCall, type Identity, printable } from './fuzz-call';
import { percentEncode } from './fuzz-calls';
import { type S3Target } from './s3-targets';

export interface S3CallContext {
  /** The owner of the buckets first. */
  readonly identities: readonly Identity[];
  /** Buckets that exist (owned by the first identity) and keys stored in them. */
  readonly buckets: readonly string[];
  readonly keys: readonly string[];
  /** Multipart uploads in progress (of the first key of the first bucket). */
  readonly uploadIds: readonly string[];
}

const RAW_SEGMENTS = ['%', '%ZZ', '%00', '%C0%AF', '%ED%A0%80', '..', '.', ''];
const LISTING_PARAMETERS = [
  'prefix',
  'delimiter',
  'marker',
  'max-keys',
  'encoding-type',
  'continuation-token',
  'start-after',
  'fetch-owner',
  'max-buckets',
  'x-id',
  'versionId',
  'partNumber',
  'max-parts',
  'part-number-marker',
  'max-uploads',
  'key-marker',
  'upload-id-marker',
];
const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/**
 * A path segment on the wire: a real name, random text percent-encoded, or a raw hostile one. Real
 * names are rare for writes: a window of calls with a successful write cannot be checked for the
 * writes of its refusals.
 */
function segment(known: readonly string[], maxLength: number, knownWeight: number): Arbitrary<string> {
  return fc.oneof(
    { weight: knownWeight, arbitrary: fc.constantFrom(...known).map(percentEncode) },
    { weight: 6, arbitrary: fc.string({ maxLength }).map(percentEncode) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength }).map(percentEncode) },
    { weight: 2, arbitrary: fc.constantFrom('a'.repeat(1025), 'k'.repeat(64), 'UPPER', 'a..b') },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  );
}

function objectBody(): Arbitrary<Buffer> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
    fc
      .string()
      .map((text) => Buffer.from(`${text.length.toString(16)};chunk-signature=00\r\n${text}\r\n0\r\n\r\n`)),
    fc
      .string()
      .map((text) =>
        Buffer.from(`${text.length.toString(16)}\r\n${text}\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n`),
      ),
  );
}

function xmlBody(keys: readonly string[]): Arbitrary<Buffer> {
  const key = fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 40 }));
  return fc.oneof(
    fc
      .array(key, { maxLength: 5 })
      .map((names) =>
        Buffer.from(
          `<Delete>${names.map((name) => `<Object><Key>${name}</Key></Object>`).join('')}</Delete>`,
        ),
      ),
    fc
      .constantFrom('', 'us-east-1', 'eu-west-1', 'mars-1')
      .map((region) =>
        Buffer.from(
          `<CreateBucketConfiguration><LocationConstraint>${region}</LocationConstraint></CreateBucketConfiguration>`,
        ),
      ),
    fc
      .array(fc.tuple(fc.oneof(fc.nat({ max: 10_001 }), fc.constant(-1)), fc.string({ maxLength: 34 })), {
        maxLength: 4,
      })
      .map((parts) =>
        Buffer.from(
          `<CompleteMultipartUpload>${parts
            .map(([number, etag]) => `<Part><PartNumber>${number}</PartNumber><ETag>${etag}</ETag></Part>`)
            .join('')}</CompleteMultipartUpload>`,
        ),
      ),
    fc.string({ maxLength: 300 }).map((text) => Buffer.from(text)),
    fc
      .constantFrom('<a>'.repeat(500), '<!DOCTYPE x [<!ENTITY e "e">]><Delete>&e;</Delete>', '<Delete>')
      .map(Buffer.from),
  );
}

function policyBody(buckets: readonly string[]): Arbitrary<Buffer> {
  const statement = fc.record({
    Effect: fc.constantFrom('Allow', 'Deny', 'Maybe'),
    Principal: fc.constantFrom('*', { AWS: '111122223333' }, { Service: 'cloudtrail.amazonaws.com' }, 7),
    Action: fc.constantFrom('s3:GetObject', 's3:*', 'iam:PassRole', ['s3:PutObject']),
    Resource: fc.constantFrom(...buckets.map((b) => `arn:aws:s3:::${b}/*`), 'arn:aws:s3:::other/*', '*'),
  });
  return fc.oneof(
    fc
      .array(statement, { maxLength: 3 })
      .map((Statement) => Buffer.from(JSON.stringify({ Version: '2012-10-17', Statement }))),
    fc.string({ maxLength: 200 }).map((text) => Buffer.from(text)),
  );
}

function headers(body: Buffer): Arbitrary<Record<string, string>> {
  const contentSha256 = fc.oneof(
    { weight: 4, arbitrary: fc.constant(sha256(body)) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'UNSIGNED-PAYLOAD',
        'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
        'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
        sha256(Buffer.from('other')),
        'not-a-hash',
      ),
    },
  );
  return fc.record(
    {
      'x-amz-content-sha256': contentSha256,
      'x-amz-decoded-content-length': fc.oneof(
        fc.nat({ max: 4096 }).map(String),
        fc.constantFrom('-1', '9'.repeat(20), 'x'),
      ),
      'x-amz-trailer': fc.constantFrom(
        'x-amz-checksum-crc32',
        'x-amz-checksum-crc32,x-amz-checksum-sha1',
        'x-evil',
      ),
      'content-encoding': fc.constantFrom('aws-chunked', 'gzip', 'aws-chunked,gzip'),
      'content-md5': fc.oneof(
        fc.constant(createHash('md5').update(body).digest('base64')),
        fc.constantFrom('AAAAAAAAAAAAAAAAAAAAAA==', 'not base64', ''),
      ),
      range: fc.oneof(
        fc.tuple(fc.nat({ max: 5000 }), fc.nat({ max: 5000 })).map(([a, b]) => `bytes=${a}-${b}`),
        fc.constantFrom('bytes=-5', 'bytes=5-', 'bytes=0-1,3-4', 'lines=1-2', 'bytes=x'),
      ),
      'x-amz-checksum-crc32': fc.constantFrom('AAAAAA==', 'x'),
      'x-amz-meta-note': fc.string({ maxLength: 3000 }).map((text) => percentEncode(text)),
      'x-amz-acl': fc.constantFrom('private', 'bucket-owner-full-control', 'nonsense'),
      'x-amz-checksum-mode': fc.constant('ENABLED'),
    },
    { requiredKeys: ['x-amz-content-sha256'] },
  );
}

/** Random and hostile calls of one S3 operation, from valid callers of several accounts. */
export function s3Calls(target: S3Target, context: S3CallContext): Arbitrary<FuzzCall> {
  const knownWeight = target.readOnly ? 6 : 1;
  const bucket = segment(context.buckets, 70, knownWeight);
  const key = fc
    .array(segment(context.keys, 40, 6), { minLength: 1, maxLength: 3 })
    .map((parts) => parts.join('/'));
  // The owner (the first identity) rarely writes, for the same reason; the others are refused.
  const [owner, ...others] = context.identities;
  const identity = fc.oneof(
    { weight: target.readOnly ? 2 : 1, arbitrary: fc.constant(owner) },
    { weight: 4, arbitrary: fc.constantFrom(...others) },
  );
  const path =
    target.level === 'service'
      ? fc.constant('/')
      : target.level === 'bucket'
        ? bucket.map((name) => `/${name}`)
        : fc.tuple(bucket, key).map(([name, object]) => `/${name}/${object}`);
  const body = (() => {
    switch (target.body) {
      case 'object':
        return objectBody();
      case 'xml':
        return xmlBody(context.keys);
      case 'policy':
        return policyBody(context.buckets);
      default:
        return fc.constant(Buffer.alloc(0));
    }
  })();
  const query = fc.dictionary(
    fc.constantFrom(...LISTING_PARAMETERS),
    fc.oneof(fc.string({ maxLength: 20 }), fc.nat().map(String)),
    {
      maxKeys: 3,
    },
  );
  const uploadId = fc.oneof(
    fc.constantFrom(...context.uploadIds, '0'.repeat(32)),
    fc.string({ maxLength: 40 }),
  );
  const upload = target.upload
    ? fc.tuple(uploadId, fc.constantFrom('1', '2', '0', '10001', 'x')).map(([id, part]) => ({
        uploadId: id,
        ...(target.method === 'PUT' ? { partNumber: part } : {}),
      }))
    : fc.constant({});
  return fc.tuple(identity, path, body, query, upload).chain(([identity, wirePath, bytes, extra, named]) =>
    headers(bytes).map((wireHeaders) =>
      printable({
        identity,
        protocol: 's3',
        bodyKind: target.body ?? 'none',
        wire: {
          method: target.method,
          path: wirePath,
          query: { ...extra, ...target.subresource, ...named },
          headers: wireHeaders,
          body: bytes,
          service: 's3',
          region: 'us-east-1',
        },
      }),
    ),
  );
}
