import { presignUrl, signRequest } from '@app/sigv4';
import request from 'supertest';
import { given } from '../support/given';
import { signHeaders } from '../support/signed-request';
import { OPERATOR, TestApp } from '../support/test-app';

describe('SigV4 edge cases (replay, tampering, scope, presigned URLs)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const path = '/v1/account/regions';
  const headersAt = (now: Date, overrides: Partial<Parameters<typeof signRequest>[0]> = {}) =>
    signRequest({
      method: 'GET',
      url: `${app.url}${path}`,
      accessKeyId: OPERATOR.accessKeyId,
      secretAccessKey: OPERATOR.secretAccessKey,
      region: 'us-east-1',
      service: 'trailplane',
      now,
      ...overrides,
    });
  const send = (headers: Record<string, string>, target = path) => {
    let test = request(app.url).get(target);
    for (const [name, value] of Object.entries(headers)) if (name !== 'host') test = test.set(name, value);
    return test;
  };
  const code = (response: request.Response): string => response.body.error?.code;

  it('accepts a captured request replayed within the 15-minute window and refuses it past either edge', async () => {
    // Each request is dated from its own send time, so a slow machine cannot move it across an edge.
    const at = (offsetMs: number) => headersAt(new Date(Date.now() + offsetMs));
    expect((await send(at(-15 * 60_000 + 5_000))).status).toBe(200);
    expect(code(await send(at(-15 * 60_000 - 1_000)))).toBe('InvalidSignatureException');
    expect((await send(at(15 * 60_000 - 5_000))).status).toBe(200);
    // X-Amz-Date has whole seconds and the request takes time to arrive: 5 s past is past whatever both.
    expect(code(await send(at(15 * 60_000 + 5_000)))).toBe('InvalidSignatureException');
  });

  it('refuses a request whose signed header was omitted or altered, and ignores unsigned extras', async () => {
    const signed = await signHeaders(app.url, OPERATOR, 'GET', path, undefined, {
      headers: { 'x-trailplane-tag': 'a' },
    });
    const { 'x-trailplane-tag': _omitted, ...withoutTag } = signed;
    expect(code(await send(withoutTag))).toBe('InvalidSignatureException');
    expect(code(await send({ ...signed, 'x-trailplane-tag': 'b' }))).toBe('InvalidSignatureException');
    expect((await send({ ...signed, 'x-unsigned-extra': 'anything' })).status).toBe(200);
  });

  it('refuses a credential scope with the wrong service, an unknown Region, or a date that is not the request’s', async () => {
    expect(code(await send(headersAt(new Date(), { service: 'cloudtrail' })))).toBe(
      'InvalidSignatureException',
    );
    expect(code(await send(headersAt(new Date(), { region: 'zz-nowhere-9' })))).toBe(
      'InvalidSignatureException',
    );
    const good = headersAt(new Date());
    const otherDay = good.authorization.replace(
      /Credential=([^/]+)\/(\d{8})/,
      (_m, key: string, day: string) => {
        const shifted = new Date(Date.UTC(+day.slice(0, 4), +day.slice(4, 6) - 1, +day.slice(6, 8) - 1));
        return `Credential=${key}/${shifted.toISOString().slice(0, 10).replace(/-/g, '')}`;
      },
    );
    expect(code(await send({ ...good, authorization: otherDay }))).toBe('IncompleteSignatureException');
  });

  it('does not let a double-encoded path reuse the signature of the plain path', async () => {
    const signed = headersAt(new Date());
    const response = await send(signed, '/v1/account/%2572egions');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('accepts a presigned GET URL until it expires, then answers RequestExpired', async () => {
    const signedAt = new Date(Date.now() - 60_000);
    const valid = presignUrl({
      url: `${app.url}${path}`,
      accessKeyId: OPERATOR.accessKeyId,
      secretAccessKey: OPERATOR.secretAccessKey,
      region: 'us-east-1',
      service: 'trailplane',
      now: signedAt,
      expiresInSeconds: 120,
    });
    expect((await fetch(valid)).status).toBe(200);
    const expired = presignUrl({
      url: `${app.url}${path}`,
      accessKeyId: OPERATOR.accessKeyId,
      secretAccessKey: OPERATOR.secretAccessKey,
      region: 'us-east-1',
      service: 'trailplane',
      now: signedAt,
      expiresInSeconds: 59,
    });
    const response = await fetch(expired);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('RequestExpired');
  });

  it('answers a NUL in a presigned credential as an unknown key or Region, without failing requests authenticated with it', async () => {
    const presigned = (accessKeyId: string, region: string) =>
      presignUrl({
        url: `${app.url}${path}`,
        accessKeyId,
        secretAccessKey: OPERATOR.secretAccessKey,
        region,
        service: 'trailplane',
        now: new Date(),
        expiresInSeconds: 60,
      });
    // Sent together, so that their credentials are looked up in one query.
    const [badKey, badRegion, valid] = await Promise.all([
      fetch(presigned('AKIA\u0000NULKEY', 'us-east-1')),
      fetch(presigned(OPERATOR.accessKeyId, 'us-east-\u00001')),
      send(headersAt(new Date())),
    ]);
    expect(badKey.status).toBe(403);
    expect(((await badKey.json()) as { error: { code: string } }).error.code).toBe(
      'UnrecognizedClientException',
    );
    expect(badRegion.status).toBe(403);
    expect(valid.status).toBe(200);
  });

  it('refuses a presigned URL for a write (the body is not signed)', async () => {
    const account = await given.account(app);
    const url = presignUrl({
      method: 'PUT',
      url: `${app.url}/v1/account/regions/af-south-1`,
      accessKeyId: account.accessKeyId,
      secretAccessKey: account.secretAccessKey,
      region: 'us-east-1',
      service: 'trailplane',
      now: new Date(),
    });
    const response = await fetch(url, { method: 'PUT' });
    expect(response.status).toBe(403);
    const regions = await app.rest(account).get(path);
    expect(
      regions.body.regions.find((r: { regionName: string }) => r.regionName === 'af-south-1').regionOptStatus,
    ).toBe('DISABLED');
  });
});
