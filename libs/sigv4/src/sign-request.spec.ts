import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { parseSignedRequest } from './parse-signed-request';
import { presignUrl, signRequest } from './sign-request';
import { type IncomingSignedRequest } from './signed-request';
import { verifySignature } from './verify-signature';

const CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
  region: 'us-east-1',
  service: 'cloudtrail',
  now: new Date('2026-03-01T10:00:00.123Z'),
};
const TOKEN = 'FwoGZXIvYXdzEXAMPLE//token+with/odd=chars';

function smithy(sessionToken?: string, applyChecksum = false): SignatureV4 {
  return new SignatureV4({
    service: CREDENTIALS.service,
    region: CREDENTIALS.region,
    credentials: {
      accessKeyId: CREDENTIALS.accessKeyId,
      secretAccessKey: CREDENTIALS.secretAccessKey,
      sessionToken,
    },
    sha256: Sha256,
    applyChecksum,
  });
}

/** What the server receives for `url` sent with `headers` and `body`. */
function incoming(
  method: string,
  url: string,
  headers: Record<string, string>,
  body = '',
): IncomingSignedRequest {
  const parsed = new URL(url);
  return {
    method,
    rawPath: parsed.pathname,
    rawQuery: parsed.search.slice(1),
    headers: Object.fromEntries(
      Object.entries({ host: parsed.host, ...headers }).map(([k, v]) => [k.toLowerCase(), v]),
    ),
    body: Buffer.from(body),
  };
}

const JSON_HEADERS = {
  'Content-Type': 'application/x-amz-json-1.1',
  'X-Amz-Target': 'CloudTrail_20131101.ListTrails',
};

interface SigningCase {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

describe(signRequest.name, () => {
  it.each<SigningCase>([
    {
      name: 'a JSON-protocol POST',
      method: 'POST',
      path: '/',
      query: {},
      headers: JSON_HEADERS,
      body: '{"NextToken":"x"}',
    },
    {
      name: 'a GET with a query',
      method: 'GET',
      path: '/v1/trails',
      query: { maxResults: '5', name: 'a b+c' },
      headers: {},
      body: undefined,
    },
    {
      name: 'a path with escapes',
      method: 'GET',
      path: '/v1/trails/arn%3Aaws%3Acloudtrail%3Aus-east-1%3A1%3Atrail%2Ft',
      query: {},
      headers: {},
      body: undefined,
    },
  ])('signs $name exactly as @smithy/signature-v4', async ({ method, path, query, headers, body }) => {
    const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
    const url = `http://127.0.0.1:3000${path}${search ? `?${search}` : ''}`;
    for (const sessionToken of [undefined, TOKEN]) {
      const expected = await smithy(sessionToken).sign(
        {
          method,
          protocol: 'http:',
          hostname: '127.0.0.1',
          port: 3000,
          path,
          query,
          headers: { host: '127.0.0.1:3000', ...headers },
          body,
        } as Parameters<SignatureV4['sign']>[0],
        { signingDate: CREDENTIALS.now },
      );

      const sut = signRequest({ ...CREDENTIALS, sessionToken, method, url, headers, body });

      expect(sut.authorization).toBe(expected.headers.authorization);
      expect(sut['x-amz-date']).toBe('20260301T100000Z');
      expect(sut['x-amz-security-token']).toBe(sessionToken);
    }
  });

  it('adds and signs x-amz-content-sha256 on request, as smithy with applyChecksum', async () => {
    const body = '{"Name":"t"}';
    const expected = await smithy(undefined, true).sign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: '127.0.0.1',
        port: 3000,
        path: '/',
        query: {},
        headers: { host: '127.0.0.1:3000', ...JSON_HEADERS },
        body,
      } as Parameters<SignatureV4['sign']>[0],
      { signingDate: CREDENTIALS.now },
    );

    const sut = signRequest({
      ...CREDENTIALS,
      method: 'POST',
      url: 'http://127.0.0.1:3000/',
      headers: JSON_HEADERS,
      body,
      signPayloadHash: true,
    });

    expect(sut.authorization).toBe(expected.headers.authorization);
    expect(sut['x-amz-content-sha256']).toBe(expected.headers['x-amz-content-sha256']);
  });

  it('produces headers the verifier accepts', () => {
    const url = 'http://127.0.0.1:3000/v1/trails/my%20trail?include=all&x=%2F';
    const body = JSON.stringify({ isMultiRegionTrail: true });
    const headers = { 'Content-Type': 'application/json' };

    const sut = signRequest({ ...CREDENTIALS, sessionToken: TOKEN, method: 'PATCH', url, headers, body });

    const request = incoming('PATCH', url, { ...headers, ...sut }, body);
    const parsed = parseSignedRequest(request, { expectedServices: ['cloudtrail'] });
    expect(parsed.securityToken).toBe(TOKEN);
    expect(() =>
      verifySignature(request, parsed, CREDENTIALS.secretAccessKey, { now: CREDENTIALS.now }),
    ).not.toThrow();
  });
});

describe(presignUrl.name, () => {
  it('presigns exactly as @smithy/signature-v4', async () => {
    for (const sessionToken of [undefined, TOKEN]) {
      const expected = await smithy(sessionToken).presign(
        {
          method: 'GET',
          protocol: 'http:',
          hostname: '127.0.0.1',
          port: 3000,
          path: '/v1/trails',
          query: { maxResults: '5', name: 'a b' },
          headers: { host: '127.0.0.1:3000' },
        },
        { signingDate: CREDENTIALS.now, expiresIn: 900 },
      );

      const sut = new URL(
        presignUrl({
          ...CREDENTIALS,
          sessionToken,
          url: 'http://127.0.0.1:3000/v1/trails?maxResults=5&name=a%20b',
          expiresInSeconds: 900,
        }),
      );

      expect(Object.fromEntries(sut.searchParams)).toEqual({ ...expected.query });
    }
  });

  it('produces a URL the verifier accepts until it expires', () => {
    const url = presignUrl({ ...CREDENTIALS, sessionToken: TOKEN, url: 'http://127.0.0.1:3000/v1/trails' });
    const request = incoming('GET', url, {});
    const parsed = parseSignedRequest(request);

    expect(parsed.expiresAt).toEqual(new Date('2026-03-01T11:00:00Z'));
    expect(() =>
      verifySignature(request, parsed, CREDENTIALS.secretAccessKey, { now: parsed.expiresAt as Date }),
    ).not.toThrow();
  });

  it.each([0, 604_801, 1.5])('refuses an expiry of %p seconds', (expiresInSeconds) => {
    expect(() => presignUrl({ ...CREDENTIALS, url: 'http://127.0.0.1:3000/', expiresInSeconds })).toThrow(
      RangeError,
    );
  });
});
