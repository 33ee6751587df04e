import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type PublicKeyRecord, validityOverlaps } from '@app/integrity';
import { type MemoryObjectStore } from './memory-object-store';

/** A trail as DescribeTrails lists it. */
export interface FakeTrail {
  readonly arn: string;
  readonly name: string;
  readonly homeRegion: string;
  readonly bucket: string;
  readonly keyPrefix: string | null;
  readonly isOrganizationTrail: boolean;
}

/** What the fake serves; tests swap `store` and `publicKeys` between runs. */
export interface FakeWorld {
  store: MemoryObjectStore;
  trails: readonly FakeTrail[];
  /** Each Region's ListPublicKeys keys. */
  publicKeys: ReadonlyMap<string, readonly PublicKeyRecord[]>;
  organizationId: string | null;
}

export interface FakeAwsEndpoint {
  readonly url: string;
  /** One line per request: `<service or S3 verb> <what>`. */
  readonly calls: string[];
  close(): Promise<void>;
}

/**
 * A test fixture standing in for Trailplane: exactly the calls `aws cloudtrail validate-logs`
 * makes (delivery.md §6.1), without signature checks. CloudTrail and Organizations over AWS JSON
 * 1.1 (`POST /`, X-Amz-Target), S3 path-style: GetBucketLocation, ListObjects v1, GetObject.
 */
export async function startFakeAwsEndpoint(
  world: FakeWorld,
  options: { pageSize: number },
): Promise<FakeAwsEndpoint> {
  const calls: string[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const target = request.headers['x-amz-target'];
      if (typeof target === 'string') return answerJson(world, calls, target, request, body, response);
      return answerS3(world, calls, options.pageSize, request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answerJson(
  world: FakeWorld,
  calls: string[],
  target: string,
  request: IncomingMessage,
  body: string,
  response: ServerResponse,
): void {
  const operation = target.slice(target.lastIndexOf('.') + 1);
  const region = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(request.headers.authorization ?? '')?.[1] ?? '';
  calls.push(`${operation} ${region} ${body}`);
  const reply = (status: number, payload: unknown): void => {
    response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(JSON.stringify(payload));
  };
  switch (operation) {
    case 'DescribeTrails':
      return reply(200, {
        trailList: world.trails.map((trail) => ({
          Name: trail.name,
          S3BucketName: trail.bucket,
          ...(trail.keyPrefix ? { S3KeyPrefix: trail.keyPrefix } : {}),
          TrailARN: trail.arn,
          HomeRegion: trail.homeRegion,
          IsMultiRegionTrail: true,
          IsOrganizationTrail: trail.isOrganizationTrail,
          LogFileValidationEnabled: true,
        })),
      });
    case 'ListPublicKeys': {
      const input = JSON.parse(body || '{}') as { StartTime?: number; EndTime?: number };
      const now = Date.now();
      const range = {
        start: new Date((input.StartTime ?? now / 1000) * 1000),
        end: new Date((input.EndTime ?? now / 1000) * 1000),
      };
      const keys = (world.publicKeys.get(region) ?? []).filter((key) => validityOverlaps(key, range));
      return reply(200, {
        PublicKeyList: keys.map((key) => ({
          Value: key.publicKeyDer.toString('base64'),
          ValidityStartTime: key.validityStartTime.getTime() / 1000,
          ValidityEndTime: key.validityEndTime.getTime() / 1000,
          Fingerprint: key.fingerprint,
        })),
      });
    }
    case 'DescribeOrganization':
      return world.organizationId
        ? reply(200, { Organization: { Id: world.organizationId, FeatureSet: 'ALL' } })
        : reply(400, { __type: 'AWSOrganizationsNotInUseException', Message: 'Not in an organization.' });
    default:
      return reply(400, { __type: 'UnknownOperationException', Message: operation });
  }
}

function answerS3(
  world: FakeWorld,
  calls: string[],
  pageSize: number,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const url = new URL(request.url ?? '/', 'http://fake');
  const [, bucket = '', ...rest] = url.pathname.split('/');
  const key = decodeURIComponent(rest.join('/'));
  const region = world.store.bucketRegion(bucket);
  const xml = (status: number, text: string): void => {
    response.writeHead(status, { 'content-type': 'application/xml' });
    response.end(`<?xml version="1.0" encoding="UTF-8"?>\n${text}`);
  };
  if (region === undefined) return xml(404, s3Error('NoSuchBucket', 'The specified bucket does not exist.'));
  if (request.method === 'GET' && key === '' && url.searchParams.has('location')) {
    calls.push(`GetBucketLocation ${bucket}`);
    // us-east-1 is an empty LocationConstraint, as S3 answers it.
    const location = region === 'us-east-1' ? '' : region;
    return xml(
      200,
      `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${location}</LocationConstraint>`,
    );
  }
  if (request.method === 'GET' && key === '') {
    const prefix = url.searchParams.get('prefix') ?? '';
    const marker = url.searchParams.get('marker') ?? '';
    calls.push(
      `ListObjects ${bucket} prefix=${prefix} marker=${marker} encoding-type=${url.searchParams.get('encoding-type')}`,
    );
    return xml(200, listBucketResult(world.store, bucket, prefix, marker, pageSize));
  }
  if (request.method === 'GET') {
    calls.push(`GetObject ${bucket}/${key}`);
    return void world.store.get(bucket, key).then((found) => {
      if (!found) return xml(404, s3Error('NoSuchKey', 'The specified key does not exist.'));
      const metadata = Object.fromEntries(
        Object.entries(found.metadata).map(([name, value]) => [`x-amz-meta-${name}`, value]),
      );
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': found.body.length,
        etag: '"0"',
        'last-modified': new Date(0).toUTCString(),
        ...metadata,
      });
      response.end(found.body);
    });
  }
  return xml(405, s3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.'));
}

/** ListObjects v1 with encoding-type=url: keys percent-encoded (botocore decodes them with unquote_plus). */
function listBucketResult(
  store: MemoryObjectStore,
  bucket: string,
  prefix: string,
  marker: string,
  pageSize: number,
): string {
  const keys = store.keys(bucket, prefix, marker);
  const page = keys.slice(0, pageSize);
  const truncated = keys.length > page.length;
  const contents = page
    .map(
      (key) =>
        `<Contents><Key>${encodeURIComponent(key)}</Key><Size>0</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    )
    .join('');
  const nextMarker = truncated ? `<NextMarker>${encodeURIComponent(page[page.length - 1])}</NextMarker>` : '';
  return (
    `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucket}</Name>` +
    `<Prefix>${encodeURIComponent(prefix)}</Prefix><Marker>${encodeURIComponent(marker)}</Marker>` +
    `<MaxKeys>${pageSize}</MaxKeys><EncodingType>url</EncodingType><IsTruncated>${truncated}</IsTruncated>` +
    `${nextMarker}${contents}</ListBucketResult>`
  );
}

function s3Error(code: string, message: string): string {
  return `<Error><Code>${code}</Code><Message>${message}</Message><RequestId>fake</RequestId></Error>`;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
