import { randomBytes } from 'node:crypto';
import { EventRecorder } from '@app/events';
import { type TestCredentials } from '../support/credentials';
import { given } from '../support/given';
import { TestApp } from '../support/test-app';
import { shapeProblems } from './support/protocol-shape';
import { SignedWire, type WireRequest, type WireResponse } from './support/signed-wire';

/**
 * What the fuzz suites found, pinned down: each request here once got a 5xx, an answer outside
 * its protocol's shape, or stopped the event history. Deterministic, whatever the fuzz seed.
 */
let app: TestApp;
let wire: SignedWire;
let caller: TestCredentials;
const TRAIL = 't'.repeat(128);

beforeAll(async () => {
  app = await TestApp.start({ jobs: 'inline' });
  wire = new SignedWire(app.url, 2);
  caller = await given.account(app);
  const created = await app.rest(caller).post('/v1/trails', { name: TRAIL, s3BucketName: 'audit-logs' });
  expect(created.status).toBe(201);
}, 60_000);
afterAll(async () => {
  wire?.close();
  await app?.close();
});

function rest(method: WireRequest['method'], path: string, body?: unknown): WireRequest {
  return {
    method,
    path,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
    service: 'trailplane',
    region: 'us-east-1',
  };
}

async function send(request: WireRequest): Promise<WireResponse> {
  return wire.send(caller, request);
}

function errorOf(response: WireResponse): { code?: string; message?: string } {
  return (JSON.parse(response.text) as { error: { code?: string; message?: string } }).error;
}

describe('the transport', () => {
  it('refuses %00 in a path parameter or query value with ValidationException (was a 500)', async () => {
    for (const request of [
      rest('GET', '/v1/iam/users/%04%00'),
      rest('DELETE', '/v1/iam/users/a%00b/policies/p'),
      { ...rest('GET', '/v1/trails'), query: { nextToken: 'a\u0000b' } },
    ]) {
      const response = await send(request);
      expect(shapeProblems('rest', response)).toEqual([]);
      expect(response.status).toBe(400);
      expect(errorOf(response).code).toBe('ValidationException');
    }
  });

  it('answers a path that is not percent-encoded UTF-8 in the REST shape (was Fastify’s own)', async () => {
    for (const path of ['/v1/trails/%E2%82', '/v1/trails/%FF/tags', '/v1/iam/roles/%ED%A0%80']) {
      const response = await send(rest('GET', path));
      expect(shapeProblems('rest', response)).toEqual([]);
      expect(errorOf(response).code).toBe('ValidationException');
    }
  });

  it('routes a URL-encoded trail ARN longer than 100 characters (was 414 FST_ERR_MAX_PARAM_LENGTH)', async () => {
    const arn = `arn:aws:cloudtrail:us-east-1:${caller.accountId}:trail/${TRAIL}`;
    const response = await send(rest('GET', `/v1/trails/${encodeURIComponent(arn)}/tags`));
    expect(response.status).toBe(200);
    const tooLong = await send(rest('GET', `/v1/trails/${'a'.repeat(2049)}`));
    expect(shapeProblems('rest', tooLong)).toEqual([]);
    expect(errorOf(tooLong).code).toBe('ValidationException');
  });

  it('answers a request line and headers past the size limit in the protocol it speaks, and closes', async () => {
    const huge = '\u0000'.repeat(20_000);
    const query = await send({
      ...rest('GET', '/'),
      service: 'sts',
      query: { Action: 'GetCallerIdentity', X: huge },
    });
    expect(shapeProblems('aws-query', query)).toEqual([]);
    expect(query.status).toBe(431);
    expect(query.text).toContain('<Code>RequestHeaderFieldsTooLargeException</Code>');
    expect(query.headers.connection).toBe('close');
    const restAnswer = await send({ ...rest('GET', '/v1/trails'), query: { nextToken: huge } });
    expect(shapeProblems('rest', restAnswer)).toEqual([]);
    expect(errorOf(restAnswer).code).toBe('RequestHeaderFieldsTooLargeException');
  });
});

describe('REST validation', () => {
  it('treats a JSON null member as not set, as on the AWS protocols (was a 500 in PutEventSelectors)', async () => {
    const response = await send(
      rest('PUT', `/v1/trails/${TRAIL}/event-selectors`, {
        advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equals: null }] }],
      }),
    );
    expect(shapeProblems('rest', response)).toEqual([]);
    expect(response.status).toBe(400);
  });

  it('refuses a list where a list of objects is expected (was a 500 in PutEventSelectors)', async () => {
    const restResponse = await send(
      rest('PUT', `/v1/trails/${TRAIL}/event-selectors`, { advancedEventSelectors: [[]] }),
    );
    expect(shapeProblems('rest', restResponse)).toEqual([]);
    expect(restResponse.status).toBe(400);
  });
});

describe('the event history', () => {
  it('keeps recording after calls whose parameters or error messages PostgreSQL cannot store', async () => {
    const recorder = app.get(EventRecorder);
    // U+0000 in a recorded path parameter.
    expect((await send(rest('GET', '/v1/iam/users/a%00b'))).status).toBe(400);
    // An error message quoting the value, cut at 1024 characters inside a surrogate pair.
    const selectors = {
      eventSelectors: [{ dataResources: [{ type: 'AWS::S3::Object', values: [`x${'😀'.repeat(600)}`] }] }],
    };
    const refused = await send(rest('PUT', `/v1/trails/${TRAIL}/event-selectors`, selectors));
    expect(refused.status).toBe(400);
    expect(errorOf(refused).message?.length).toBeGreaterThan(1024);
    await recorder.flush();
    expect(recorder.depth).toBe(0);
  });

  it('keeps recording after a call naming a resource longer than the lookup index can hold', async () => {
    const recorder = app.get(EventRecorder);
    const trailArnPrefix = `arn:aws:cloudtrail:us-east-1:${caller.accountId}:trail/`;
    const deleted = await send({
      method: 'POST',
      path: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'CloudTrail_20131101.DeleteTrail',
      },
      // Random characters: a repeated one would compress into the index row.
      body: Buffer.from(
        JSON.stringify({ Name: `${trailArnPrefix}${randomBytes(3_000).toString('base64')}` }),
      ),
      service: 'cloudtrail',
      region: 'us-east-1',
    });
    expect(deleted.status).toBe(400);
    await recorder.flush();
    expect(recorder.depth).toBe(0);
  });
});
