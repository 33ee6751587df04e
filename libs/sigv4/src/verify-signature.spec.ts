import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { DomainError } from '@app/platform/errors';
import { formatAmzDate } from './amz-date';
import {
  canonicalQueryString,
  canonicalRequest,
  credentialScope,
  parseQuery,
  sha256Hex,
  stringToSign,
} from './canonical';
import { parseSignedRequest } from './parse-signed-request';
import { type IncomingSignedRequest } from './signed-request';
import { deriveSigningKey, hmacSha256, SigningKeyCache } from './signing-key';
import { SIGNATURE_MISMATCH_MESSAGE } from './sigv4.errors';
import { verifySignature, type VerifyOptions } from './verify-signature';

const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
const SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLE//token+with/odd=chars';
const SIGNED_AT = new Date('2026-03-01T10:00:00Z');
const HOST = '127.0.0.1:3000';

interface SmithyRequest {
  readonly method: string;
  /** The path as the SDK sends it (labels already percent-encoded). */
  readonly path: string;
  readonly query?: Record<string, string | string[]>;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

interface SmithyOptions {
  readonly signingDate?: Date;
  readonly sessionToken?: string;
  readonly service?: string;
  readonly applyChecksum?: boolean;
}

function smithySigner(options: SmithyOptions): SignatureV4 {
  return new SignatureV4({
    service: options.service ?? 'cloudtrail',
    region: 'eu-west-1',
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET, sessionToken: options.sessionToken },
    sha256: Sha256,
    applyChecksum: options.applyChecksum ?? false,
  });
}

function smithyHttpRequest(request: SmithyRequest): Parameters<SignatureV4['sign']>[0] {
  return {
    method: request.method,
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 3000,
    path: request.path,
    query: request.query ?? {},
    headers: { host: HOST, ...request.headers },
    body: request.body,
  };
}

/** The request as it arrives at the server after `@smithy/signature-v4` signed it. */
function received(
  signed: { path: string; query?: Record<string, unknown>; headers: Record<string, string>; method: string },
  body = '',
): IncomingSignedRequest {
  // The query is written as the SDK's HTTP handlers write it: encodeURIComponent plus !'()*.
  const escape = (value: string): string =>
    encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const rawQuery = Object.entries(signed.query ?? {})
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => `${escape(name)}=${escape(String(v))}`),
    )
    .join('&');
  return {
    method: signed.method,
    rawPath: signed.path,
    rawQuery,
    headers: Object.fromEntries(
      Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]),
    ),
    body: Buffer.from(body),
  };
}

async function smithySign(
  request: SmithyRequest,
  options: SmithyOptions = {},
): Promise<IncomingSignedRequest> {
  const signed = await smithySigner(options).sign(smithyHttpRequest(request), {
    signingDate: options.signingDate ?? SIGNED_AT,
  });
  return received(signed, request.body);
}

async function smithyPresign(
  request: SmithyRequest,
  options: SmithyOptions & { expiresIn?: number; body?: unknown } = {},
): Promise<IncomingSignedRequest> {
  const presigned = await smithySigner(options).presign(
    { ...smithyHttpRequest(request), body: options.body },
    { signingDate: options.signingDate ?? SIGNED_AT, expiresIn: options.expiresIn ?? 900 },
  );
  return received(presigned, request.body);
}

const CREATE_TRAIL: SmithyRequest = {
  method: 'POST',
  path: '/',
  headers: {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'CloudTrail_20131101.CreateTrail',
    'x-amz-user-agent': 'aws-sdk-js/3.1137.0',
  },
  body: JSON.stringify({ Name: 'my-trail', S3BucketName: 'logs', IsMultiRegionTrail: true }),
};

const errors: DomainError[] = [];

function verify(sut: IncomingSignedRequest, options: Partial<VerifyOptions> = {}, secret = SECRET): void {
  verifySignature(sut, parseSignedRequest(sut, { expectedServices: ['cloudtrail'] }), secret, {
    now: SIGNED_AT,
    ...options,
  });
}

/** The DomainError `verify` throws; every one is kept to check that none mentions a secret. */
function rejection(
  sut: IncomingSignedRequest,
  options: Partial<VerifyOptions> = {},
  secret = SECRET,
): DomainError {
  try {
    verify(sut, options, secret);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    errors.push(error);
    return error;
  }
  throw new Error('expected the request to be refused');
}

const at = (base: Date, offsetMs: number): Date => new Date(base.getTime() + offsetMs);
const MINUTES_15 = 15 * 60 * 1000;

describe(verifySignature.name, () => {
  describe('accepts what @smithy/signature-v4 (the AWS SDK for JavaScript v3 signer) signs', () => {
    it('a JSON-protocol POST with X-Amz-Target', async () => {
      const sut = await smithySign(CREATE_TRAIL);
      expect(() => verify(sut)).not.toThrow();
    });

    it('a POST whose x-amz-content-sha256 header is signed', async () => {
      const sut = await smithySign(CREATE_TRAIL, { applyChecksum: true });
      expect(sut.headers['x-amz-content-sha256']).toBe(sha256Hex(CREATE_TRAIL.body as string));
      expect(() => verify(sut)).not.toThrow();
    });

    it('a request with a session token, which it signs', async () => {
      const sut = await smithySign(CREATE_TRAIL, { sessionToken: SESSION_TOKEN });
      expect(parseSignedRequest(sut)).toMatchObject({
        securityToken: SESSION_TOKEN,
        signedHeaders: expect.arrayContaining(['x-amz-security-token']) as unknown,
      });
      expect(() => verify(sut)).not.toThrow();
    });

    it('a GET with a query of repeated, reserved, spaced and non-ASCII values', async () => {
      const sut = await smithySign({
        method: 'GET',
        path: '/v1/trails',
        query: { maxResults: '5', nextToken: 'a+b/c=d', name: ['z z', 'ሴ', "it's!*()"], empty: '' },
      });
      expect(() => verify(sut)).not.toThrow();
    });

    it('paths with escapes, which the SDK encodes a second time', async () => {
      for (const path of [
        '/v1/trails/arn%3Aaws%3Acloudtrail%3Aeu-west-1%3A123456789012%3Atrail%2Fmy-trail',
        '/v1/trails/my%20trail/status',
        '/v1/accounts/',
      ]) {
        const sut = await smithySign({ method: 'DELETE', path });
        expect(() => verify(sut)).not.toThrow();
      }
    });

    it('a presigned GET URL, with and without a session token', async () => {
      const request = { method: 'GET', path: '/v1/trails', query: { maxResults: '5' } };
      const plain = await smithyPresign(request);
      expect(() => verify(plain)).not.toThrow();
      const withToken = await smithyPresign(request, { sessionToken: SESSION_TOKEN });
      expect(parseSignedRequest(withToken).securityToken).toBe(SESSION_TOKEN);
      expect(() => verify(withToken)).not.toThrow();
    });

    it('a presigned URL signed with UNSIGNED-PAYLOAD, as S3-style presigners do', async () => {
      // smithy signs UNSIGNED-PAYLOAD when the body is a stream it cannot hash.
      const sut = await smithyPresign({ method: 'GET', path: '/v1/trails' }, { body: { pipe: true } });
      expect(() => verify(sut)).not.toThrow();
    });
  });

  it('reuses derived keys through a SigningKeyCache', async () => {
    const keyCache = new SigningKeyCache(4);
    verify(await smithySign(CREATE_TRAIL), { keyCache });
    verify(await smithySign({ method: 'GET', path: '/v1/trails' }), { keyCache });

    expect(keyCache.size).toBe(1);
  });

  it('still verifies when unsigned headers are added or changed', async () => {
    const sut = await smithySign(CREATE_TRAIL);
    const changed = {
      ...sut,
      headers: {
        ...sut.headers,
        'user-agent': 'something-else',
        'x-forwarded-for': '10.0.0.1',
        accept: '*/*',
      },
    };
    expect(() => verify(changed)).not.toThrow();
  });

  describe('refuses with InvalidSignatureException', () => {
    it('a signature made with another secret', async () => {
      const error = rejection(await smithySign(CREATE_TRAIL), {}, 'another-secret-entirely-0000000000000000');
      expect(error.code).toBe('InvalidSignatureException');
      expect(error.message).toBe(SIGNATURE_MISMATCH_MESSAGE);
    });

    it('a tampered body', async () => {
      const sut = await smithySign(CREATE_TRAIL);
      const error = rejection({
        ...sut,
        body: Buffer.from(JSON.stringify({ Name: 'other-trail', S3BucketName: 'logs' })),
      });
      expect(error.code).toBe('InvalidSignatureException');
      expect(error.message).toBe(SIGNATURE_MISMATCH_MESSAGE);
    });

    it('a tampered body sent with the old x-amz-content-sha256', async () => {
      const sut = await smithySign(CREATE_TRAIL, { applyChecksum: true });
      const error = rejection({ ...sut, body: Buffer.from('{"Name":"other"}') });
      expect(error.code).toBe('InvalidSignatureException');
      expect(error.message).toBe(
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
      );
    });

    it('an x-amz-content-sha256 that is not the hash of the body, signed or not', async () => {
      const sut = await smithySign(CREATE_TRAIL);
      for (const value of [sha256Hex('other'), 'UNSIGNED-PAYLOAD', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD']) {
        const error = rejection({ ...sut, headers: { ...sut.headers, 'x-amz-content-sha256': value } });
        expect(error.message).toBe(
          "The provided 'x-amz-content-sha256' header does not match what was computed.",
        );
      }
    });

    it('a tampered signed header', async () => {
      const sut = await smithySign(CREATE_TRAIL);
      const error = rejection({
        ...sut,
        headers: { ...sut.headers, 'x-amz-target': 'CloudTrail_20131101.DeleteTrail' },
      });
      expect(error.message).toBe(SIGNATURE_MISMATCH_MESSAGE);
    });

    it('a signed header that was omitted, even one whose value was empty', async () => {
      const sut = await smithySign({ ...CREATE_TRAIL, headers: { ...CREATE_TRAIL.headers, 'x-empty': '' } });
      for (const name of ['x-amz-target', 'x-empty']) {
        const headers = Object.fromEntries(Object.entries(sut.headers).filter(([key]) => key !== name));
        expect(rejection({ ...sut, headers }).message).toBe(SIGNATURE_MISMATCH_MESSAGE);
      }
    });

    it('a tampered path, query or method', async () => {
      const sut = await smithySign({ method: 'GET', path: '/v1/trails/a', query: { maxResults: '5' } });
      for (const tampered of [
        { ...sut, rawPath: '/v1/trails/b' },
        { ...sut, rawQuery: 'maxResults=6' },
        { ...sut, rawQuery: 'maxResults=5&extra=1' },
        { ...sut, method: 'DELETE' },
      ]) {
        expect(rejection(tampered).message).toBe(SIGNATURE_MISMATCH_MESSAGE);
      }
    });

    it('a request signed more than 15 minutes ago, by one second', async () => {
      const sut = await smithySign(CREATE_TRAIL);
      expect(() => verify(sut, { now: at(SIGNED_AT, MINUTES_15) })).not.toThrow();

      const error = rejection(sut, { now: at(SIGNED_AT, MINUTES_15 + 1000) });
      expect(error.code).toBe('InvalidSignatureException');
      expect(error.message).toBe(
        'Signature expired: 20260301T100000Z is now earlier than 20260301T100001Z (20260301T101501Z - 15 min.)',
      );
    });

    it('a request signed more than 15 minutes in the future, by one second', async () => {
      const sut = await smithySign(CREATE_TRAIL);
      expect(() => verify(sut, { now: at(SIGNED_AT, -MINUTES_15) })).not.toThrow();

      const error = rejection(sut, { now: at(SIGNED_AT, -MINUTES_15 - 1000) });
      expect(error.code).toBe('InvalidSignatureException');
      expect(error.message).toBe(
        'Signature not yet current: 20260301T100000Z is still later than 20260301T095959Z (20260301T094459Z + 15 min.)',
      );
    });

    it("words a stale request exactly as AWS's own example", async () => {
      const sut = await smithySign(CREATE_TRAIL, { signingDate: new Date('2014-03-25T14:34:53Z') });
      expect(rejection(sut, { now: new Date('2014-03-25T14:52:51Z') }).message).toBe(
        'Signature expired: 20140325T143453Z is now earlier than 20140325T143751Z (20140325T145251Z - 15 min.)',
      );
    });

    it('honours a configured skew window', async () => {
      const sut = await smithySign(CREATE_TRAIL);
      expect(() => verify(sut, { now: at(SIGNED_AT, 300_000), maxSkewMs: 300_000 })).not.toThrow();
      expect(rejection(sut, { now: at(SIGNED_AT, 301_000), maxSkewMs: 300_000 }).message).toMatch(
        /^Signature expired: .* - 5 min\.\)$/,
      );
      expect(rejection(sut, { now: at(SIGNED_AT, -91_000), maxSkewMs: 90_000 }).message).toMatch(
        /^Signature not yet current: .* \+ 90 sec\.\)$/,
      );
    });

    it('a presigned URL dated more than 15 minutes in the future', async () => {
      const sut = await smithyPresign(
        { method: 'GET', path: '/v1/trails' },
        { signingDate: at(SIGNED_AT, MINUTES_15 + 1000) },
      );
      expect(rejection(sut).message).toMatch(/^Signature not yet current: /);
    });

    it('a presigned URL whose query was changed', async () => {
      const sut = await smithyPresign({ method: 'GET', path: '/v1/trails', query: { maxResults: '5' } });
      expect(
        rejection({ ...sut, rawQuery: sut.rawQuery.replace('maxResults=5', 'maxResults=50') }).message,
      ).toBe(SIGNATURE_MISMATCH_MESSAGE);
    });
  });

  it('refuses a presigned URL one second after it expires with RequestExpired', async () => {
    const sut = await smithyPresign({ method: 'GET', path: '/v1/trails' }, { expiresIn: 3600 });
    expect(() => verify(sut, { now: at(SIGNED_AT, 3_600_000) })).not.toThrow();

    const error = rejection(sut, { now: at(SIGNED_AT, 3_601_000) });
    expect(error.code).toBe('RequestExpired');
    expect(error.message).toBe('Request has expired');
  });

  it('accepts a signed UNSIGNED-PAYLOAD x-amz-content-sha256 on a presigned request, whatever the body', () => {
    const amzDate = formatAmzDate(SIGNED_AT);
    const scope = credentialScope(amzDate.slice(0, 8), 'eu-west-1', 'cloudtrail');
    const rawQuery = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${encodeURIComponent(`${ACCESS_KEY_ID}/${scope}`)}&X-Amz-Date=${amzDate}&X-Amz-Expires=60&X-Amz-SignedHeaders=host%3Bx-amz-content-sha256`;
    const canonical = canonicalRequest({
      method: 'PUT',
      path: '/v1/upload',
      query: canonicalQueryString(parseQuery(rawQuery)),
      headers: `host:${HOST}\nx-amz-content-sha256:UNSIGNED-PAYLOAD\n`,
      signedHeaders: 'host;x-amz-content-sha256',
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
    const signature = hmacSha256(
      deriveSigningKey(SECRET, amzDate.slice(0, 8), 'eu-west-1', 'cloudtrail'),
      stringToSign(amzDate, scope, canonical),
    ).toString('hex');
    const sut: IncomingSignedRequest = {
      method: 'PUT',
      rawPath: '/v1/upload',
      rawQuery: `${rawQuery}&X-Amz-Signature=${signature}`,
      headers: { host: HOST, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      body: Buffer.from('any body at all'),
    };
    expect(() => verify(sut)).not.toThrow();
  });

  // Declared last, so it runs after every rejection above has been collected.
  it('mentions no secret in any error it throws', () => {
    expect(errors.length).toBeGreaterThan(10);
    const signingKey = deriveSigningKey(SECRET, '20260301', 'eu-west-1', 'cloudtrail').toString('hex');
    for (const error of errors) {
      for (const text of [error.message, JSON.stringify(error), JSON.stringify(error.fields)]) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(signingKey);
        expect(text).not.toContain(SESSION_TOKEN);
      }
    }
  });
});
