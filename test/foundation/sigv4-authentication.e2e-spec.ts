import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import request from 'supertest';
import { given } from '../support/given';
import { signHeaders, signedRequest } from '../support/signed-request';
import { OPERATOR, TestApp } from '../support/test-app';

const run = promisify(execFile);

describe('SigV4 authentication', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const expectAuthError = (response: request.Response, code: string): void => {
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe(code);
  };

  it('refuses an unsigned request with MissingAuthenticationTokenException', async () => {
    expectAuthError(await request(app.url).get('/v1/account/regions'), 'MissingAuthenticationTokenException');
  });

  it('refuses an unknown access key with UnrecognizedClientException', async () => {
    const response = await signedRequest(
      app.url,
      { ...OPERATOR, accessKeyId: 'AKIANOSUCHKEY0000000' },
      'GET',
      '/v1/account/regions',
    );
    expectAuthError(response, 'UnrecognizedClientException');
  });

  it('refuses a wrong secret with InvalidSignatureException', async () => {
    const response = await signedRequest(
      app.url,
      { ...OPERATOR, secretAccessKey: 'wrong-secret-000000000000000000000000000' },
      'GET',
      '/v1/account/regions',
    );
    expectAuthError(response, 'InvalidSignatureException');
    expect(JSON.stringify(response.body)).not.toContain(OPERATOR.secretAccessKey);
  });

  it('refuses a request signed 16 minutes ago, and one 16 minutes in the future', async () => {
    for (const offset of [-16, 16]) {
      const response = await signedRequest(app.url, OPERATOR, 'GET', '/v1/account/regions', undefined, {
        signingDate: new Date(Date.now() + offset * 60_000),
      });
      expectAuthError(response, 'InvalidSignatureException');
      expect(response.body.error.message).toMatch(/Signature (expired|not yet current)/);
    }
  });

  it('accepts a request signed 14 minutes ago', async () => {
    const response = await signedRequest(app.url, OPERATOR, 'GET', '/v1/account/regions', undefined, {
      signingDate: new Date(Date.now() - 14 * 60_000),
    });
    expect(response.status).toBe(200);
  });

  it('refuses a tampered body and writes nothing', async () => {
    const account = await given.account(app);
    const signed = JSON.stringify({ name: 'xx-tamper-1', optIn: false });
    const headers = await signHeaders(app.url, OPERATOR, 'POST', '/v1/regions', signed);
    const tampered = await request(app.url)
      .post('/v1/regions')
      .set(headers)
      .send(JSON.stringify({ name: 'xx-tampered-1', optIn: false }));
    expectAuthError(tampered, 'InvalidSignatureException');
    const catalogue = await app.rest(account).get('/v1/regions');
    expect((catalogue.body.regions as Array<{ name: string }>).map((r) => r.name)).not.toContain(
      'xx-tampered-1',
    );
  });

  it('refuses a credential scoped to an unknown Region or another service', async () => {
    const unknownRegion = await signedRequest(app.url, OPERATOR, 'GET', '/v1/account/regions', undefined, {
      region: 'zz-nowhere-1',
    });
    expectAuthError(unknownRegion, 'InvalidSignatureException');
    const otherService = await signedRequest(app.url, OPERATOR, 'GET', '/v1/account/regions', undefined, {
      service: 's3',
    });
    expectAuthError(otherService, 'InvalidSignatureException');
  });

  it('refuses a malformed Authorization header with IncompleteSignatureException', async () => {
    const response = await request(app.url)
      .get('/v1/account/regions')
      .set('authorization', 'AWS4-HMAC-SHA256 Credential=AKIA/20250101/us-east-1')
      .set('x-amz-date', '20250101T000000Z');
    expectAuthError(response, 'IncompleteSignatureException');
  });

  it('answers authentication failures on the AWS protocols with the live services’ codes and statuses', async () => {
    const malformed = 'AWS4-HMAC-SHA256 Credential=AKIA/20250101/us-east-1';
    const cloudTrail = (authorization?: string) => {
      const call = request(app.url)
        .post('/')
        .set('content-type', 'application/x-amz-json-1.1')
        .set('x-amz-target', 'CloudTrail_20131101.DescribeTrails')
        .set('x-amz-date', '20250101T000000Z');
      return (authorization === undefined ? call : call.set('authorization', authorization)).send('{}');
    };
    const sts = (authorization?: string) => {
      const call = request(app.url)
        .post('/')
        .set('content-type', 'application/x-www-form-urlencoded')
        .set('x-amz-date', '20250101T000000Z');
      return (authorization === undefined ? call : call.set('authorization', authorization)).send(
        'Action=GetCallerIdentity&Version=2011-06-15',
      );
    };
    const jsonAnswer = (response: request.Response) => [
      response.status,
      response.headers['x-amzn-errortype'],
    ];
    const queryAnswer = (response: request.Response) => [
      response.status,
      /<Code>([^<]*)<\/Code>/.exec(response.text)?.[1],
    ];

    expect(jsonAnswer(await cloudTrail())).toEqual([403, 'MissingAuthenticationTokenException']);
    expect(jsonAnswer(await cloudTrail(malformed))).toEqual([403, 'IncompleteSignatureException']);
    expect(queryAnswer(await sts())).toEqual([403, 'MissingAuthenticationToken']);
    // The query protocol's IncompleteSignature is a 400 (AWS Common Errors).
    expect(queryAnswer(await sts(malformed))).toEqual([400, 'IncompleteSignature']);
  });

  it('works with curl --aws-sigv4, as the README shows', async () => {
    const { stdout } = await run('curl', [
      '-sS',
      '--aws-sigv4',
      'aws:amz:us-east-1:trailplane',
      '--user',
      `${OPERATOR.accessKeyId}:${OPERATOR.secretAccessKey}`,
      `${app.url}/v1/account/regions`,
    ]);
    expect(JSON.parse(stdout).regions.length).toBeGreaterThan(10);

    const { stdout: created } = await run('curl', [
      '-sS',
      '--aws-sigv4',
      'aws:amz:us-east-1:trailplane',
      '--user',
      `${OPERATOR.accessKeyId}:${OPERATOR.secretAccessKey}`,
      '-H',
      'content-type: application/json',
      '-d',
      JSON.stringify({ name: 'curl', email: `curl-${Date.now()}@example.com` }),
      `${app.url}/v1/accounts`,
    ]);
    expect(JSON.parse(created).accountId).toMatch(/^\d{12}$/);
  });
});
