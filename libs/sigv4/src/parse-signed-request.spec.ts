import { DomainError } from '@app/platform/errors';
import { type IncomingSignedRequest } from './signed-request';
import { parseSignedRequest } from './parse-signed-request';

interface IncompleteCase {
  readonly sut: IncomingSignedRequest;
  readonly message: string;
}

const SIGNATURE = '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';
const CREDENTIAL = 'AKIDEXAMPLE/20150830/us-east-1/cloudtrail/aws4_request';
const AUTHORIZATION = `AWS4-HMAC-SHA256 Credential=${CREDENTIAL}, SignedHeaders=host;x-amz-date, Signature=${SIGNATURE}`;

function request(headers: IncomingSignedRequest['headers'], rawQuery = ''): IncomingSignedRequest {
  return { method: 'GET', rawPath: '/', rawQuery, headers, body: Buffer.alloc(0) };
}

function signed(
  authorization: string | readonly string[] = AUTHORIZATION,
  extra = {},
): IncomingSignedRequest {
  return request({
    host: 'example.amazonaws.com',
    'x-amz-date': '20150830T123600Z',
    authorization,
    ...extra,
  });
}

function presigned(overrides: Record<string, string | undefined> = {}): IncomingSignedRequest {
  const parameters: Record<string, string | undefined> = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': CREDENTIAL,
    'X-Amz-Date': '20150830T123600Z',
    'X-Amz-Expires': '900',
    'X-Amz-SignedHeaders': 'host',
    'X-Amz-Signature': SIGNATURE,
    ...overrides,
  };
  const query = Object.entries(parameters)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return request({ host: 'example.amazonaws.com' }, query);
}

function errorOf(sut: IncomingSignedRequest, expectedServices?: readonly string[]): DomainError {
  try {
    parseSignedRequest(sut, { expectedServices });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected parseSignedRequest to throw');
}

describe(parseSignedRequest.name, () => {
  describe('signed-header coverage (the operation is part of what is signed)', () => {
    it('refuses an x-amz-* header the signature does not cover, in either form', () => {
      const header = errorOf(signed(AUTHORIZATION, { 'x-amz-target': 'CloudTrail_20131101.DeleteTrail' }));
      expect(header.code).toBe('InvalidSignatureException');
      expect(header.message).toContain('x-amz-target');
      const query = presigned();
      const withTarget = { ...query, headers: { ...query.headers, 'x-amz-target': 'X.LeaveOrganization' } };
      expect(errorOf(withTarget).message).toContain('x-amz-target');
    });

    it('refuses an unsigned content type on a request with a body, not on one without', () => {
      const withBody = {
        ...signed(AUTHORIZATION, { 'content-type': 'application/json' }),
        body: Buffer.from('{}'),
      };
      expect(errorOf(withBody).message).toContain('content-type');
      expect(parseSignedRequest(signed(AUTHORIZATION, { 'content-type': 'application/json' })).service).toBe(
        'cloudtrail',
      );
    });

    it('lets the session token and payload hash through unsigned: their values are checked on their own', () => {
      const sut = signed(AUTHORIZATION, { 'x-amz-security-token': 'token', 'x-amz-content-sha256': 'abc' });
      expect(parseSignedRequest(sut).securityToken).toBe('token');
    });
  });

  describe('the Authorization header form', () => {
    it('reads the credential scope, signed headers, signature, time and session token', () => {
      expect(parseSignedRequest(signed(AUTHORIZATION, { 'x-amz-security-token': 'token' }))).toEqual({
        accessKeyId: 'AKIDEXAMPLE',
        scopeDate: '20150830',
        region: 'us-east-1',
        service: 'cloudtrail',
        signedHeaders: ['host', 'x-amz-date'],
        signature: SIGNATURE,
        requestTime: new Date('2015-08-30T12:36:00Z'),
        securityToken: 'token',
        presigned: false,
      });
    });

    it('tolerates components separated by commas without spaces, and surrounding white space', () => {
      const compact = ` AWS4-HMAC-SHA256  Credential=${CREDENTIAL},SignedHeaders=host;x-amz-date,Signature=${SIGNATURE} `;
      expect(parseSignedRequest(signed(compact)).accessKeyId).toBe('AKIDEXAMPLE');
    });

    it('accepts the credential scope of an expected service', () => {
      expect(parseSignedRequest(signed(), { expectedServices: ['trailplane', 'cloudtrail'] }).service).toBe(
        'cloudtrail',
      );
    });
  });

  describe('the presigned query form', () => {
    it('reads the X-Amz-* parameters and computes the expiry', () => {
      expect(parseSignedRequest(presigned({ 'X-Amz-Security-Token': 'token' }))).toEqual({
        accessKeyId: 'AKIDEXAMPLE',
        scopeDate: '20150830',
        region: 'us-east-1',
        service: 'cloudtrail',
        signedHeaders: ['host'],
        signature: SIGNATURE,
        requestTime: new Date('2015-08-30T12:36:00Z'),
        securityToken: 'token',
        presigned: true,
        expiresAt: new Date('2015-08-30T12:51:00Z'),
      });
    });

    it('accepts the longest lifetime, seven days', () => {
      expect(parseSignedRequest(presigned({ 'X-Amz-Expires': '604800' })).expiresAt).toEqual(
        new Date('2015-09-06T12:36:00Z'),
      );
    });
  });

  it('answers a request with no signature at all with MissingAuthenticationTokenException', () => {
    for (const sut of [
      request({ host: 'h' }),
      request({ host: 'h', authorization: '  ' }),
      request({}, 'a=1'),
    ]) {
      const error = errorOf(sut);
      expect(error.code).toBe('MissingAuthenticationTokenException');
      expect(error.message).toBe('Missing Authentication Token');
    }
  });

  it.each<[string, IncompleteCase]>([
    [
      'another algorithm',
      {
        sut: signed(AUTHORIZATION.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA1')),
        message: "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA1'.",
      },
    ],
    ['a Bearer token', { sut: signed('Bearer abc.def'), message: "Unsupported AWS 'algorithm': 'Bearer'." }],
    [
      'the algorithm alone',
      {
        sut: signed('AWS4-HMAC-SHA256'),
        message: 'Invalid key=value pair (missing equal-sign) in Authorization header.',
      },
    ],
    [
      'no Credential',
      {
        sut: signed(`AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=${SIGNATURE}`),
        message: "Authorization header requires 'Credential' parameter.",
      },
    ],
    [
      'no SignedHeaders',
      {
        sut: signed(`AWS4-HMAC-SHA256 Credential=${CREDENTIAL}, Signature=${SIGNATURE}`),
        message: "Authorization header requires 'SignedHeaders' parameter.",
      },
    ],
    [
      'no Signature',
      {
        sut: signed(`AWS4-HMAC-SHA256 Credential=${CREDENTIAL}, SignedHeaders=host;x-amz-date`),
        message: "Authorization header requires 'Signature' parameter.",
      },
    ],
    [
      'an empty Signature',
      {
        sut: signed(`AWS4-HMAC-SHA256 Credential=${CREDENTIAL}, SignedHeaders=host;x-amz-date, Signature=`),
        message: "Authorization header requires 'Signature' parameter.",
      },
    ],
    [
      'no X-Amz-Date header',
      {
        sut: request({ host: 'h', authorization: AUTHORIZATION }),
        message: "Authorization header requires existence of a 'X-Amz-Date' header.",
      },
    ],
    [
      'a repeated component',
      {
        sut: signed(`${AUTHORIZATION}, Signature=${SIGNATURE}`),
        message: "Invalid or repeated key 'Signature' in Authorization header.",
      },
    ],
    [
      'an unknown component',
      {
        sut: signed(`${AUTHORIZATION}, Foo=bar`),
        message: "Invalid or repeated key 'Foo' in Authorization header.",
      },
    ],
    [
      'a component without =',
      {
        sut: signed(`${AUTHORIZATION}, junk`),
        message: 'Invalid key=value pair (missing equal-sign) in Authorization header.',
      },
    ],
    [
      'two Authorization headers',
      {
        sut: signed([AUTHORIZATION, AUTHORIZATION]),
        message: "Header 'authorization' must be sent at most once.",
      },
    ],
    [
      'an extended X-Amz-Date',
      {
        sut: signed(AUTHORIZATION, { 'x-amz-date': '2015-08-30T12:36:00Z' }),
        message: `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'".`,
      },
    ],
    [
      'an impossible X-Amz-Date',
      {
        sut: signed(AUTHORIZATION, { 'x-amz-date': '20150230T123600Z' }),
        message: `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'".`,
      },
    ],
    [
      'a Credential of four parts',
      {
        sut: signed(AUTHORIZATION.replace(CREDENTIAL, 'AKIDEXAMPLE/20150830/us-east-1/aws4_request')),
        message:
          'Credential is malformed; expecting "<AccessKeyId>/<YYYYMMDD>/<Region>/<Service>/aws4_request".',
      },
    ],
    [
      'a Credential with an empty Region',
      {
        sut: signed(AUTHORIZATION.replace('/us-east-1/', '//')),
        message:
          'Credential is malformed; expecting "<AccessKeyId>/<YYYYMMDD>/<Region>/<Service>/aws4_request".',
      },
    ],
    [
      'another terminator',
      {
        sut: signed(AUTHORIZATION.replace('aws4_request', 'aws5_request')),
        message: "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.",
      },
    ],
    [
      'a scope date other than X-Amz-Date’s',
      {
        sut: signed(AUTHORIZATION.replace('20150830', '20150829')),
        message:
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150829' != '20150830', from '20150830T123600Z'.",
      },
    ],
    [
      'SignedHeaders without host',
      {
        sut: signed(AUTHORIZATION.replace('host;x-amz-date', 'x-amz-date')),
        message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
      },
    ],
    [
      'SignedHeaders without x-amz-date',
      {
        sut: signed(AUTHORIZATION.replace('host;x-amz-date', 'host')),
        message: "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.",
      },
    ],
    [
      'an empty name in SignedHeaders',
      {
        sut: signed(AUTHORIZATION.replace('host;x-amz-date', 'host;;x-amz-date')),
        message: 'SignedHeaders must be a semicolon-separated list of header names.',
      },
    ],
    [
      'an upper-case signature',
      {
        sut: signed(AUTHORIZATION.replace(SIGNATURE, SIGNATURE.toUpperCase())),
        message: 'Signature must be 64 lower-case hexadecimal digits.',
      },
    ],
    [
      'a short signature',
      {
        sut: signed(AUTHORIZATION.replace(SIGNATURE, SIGNATURE.slice(1))),
        message: 'Signature must be 64 lower-case hexadecimal digits.',
      },
    ],
    [
      'both a header and a presigned query',
      {
        sut: { ...presigned(), headers: { host: 'h', authorization: AUTHORIZATION } },
        message:
          'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified.',
      },
    ],
    [
      'a presigned query without X-Amz-Expires',
      {
        sut: presigned({ 'X-Amz-Expires': undefined }),
        message:
          "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'. Re-examine the query-string parameters.",
      },
    ],
    [
      'a presigned query without X-Amz-Algorithm',
      {
        sut: presigned({ 'X-Amz-Algorithm': undefined }),
        message:
          "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'. Re-examine the query-string parameters.",
      },
    ],
    [
      'a presigned query with another algorithm',
      {
        sut: presigned({ 'X-Amz-Algorithm': 'AWS4-ECDSA-P256-SHA256' }),
        message: "X-Amz-Algorithm only supports 'AWS4-HMAC-SHA256'.",
      },
    ],
    [
      'X-Amz-Expires of zero',
      {
        sut: presigned({ 'X-Amz-Expires': '0' }),
        message: 'X-Amz-Expires must be a positive integer number of seconds.',
      },
    ],
    [
      'X-Amz-Expires not a number',
      {
        sut: presigned({ 'X-Amz-Expires': '1e3' }),
        message: 'X-Amz-Expires must be a positive integer number of seconds.',
      },
    ],
    [
      'X-Amz-Expires beyond a week',
      {
        sut: presigned({ 'X-Amz-Expires': '604801' }),
        message: 'X-Amz-Expires must be less than a week (in seconds) that is 604800.',
      },
    ],
    [
      'a presigned query not signing host',
      {
        sut: presigned({ 'X-Amz-SignedHeaders': 'x-custom' }),
        message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
      },
    ],
    [
      'a repeated X-Amz-Signature',
      {
        sut: { ...presigned(), rawQuery: `${presigned().rawQuery}&X-Amz-Signature=${SIGNATURE}` },
        message: "Query-string parameter 'X-Amz-Signature' appears more than once.",
      },
    ],
  ])('refuses %s with IncompleteSignatureException', (_, { sut, message }) => {
    const error = errorOf(sut);
    expect(error.code).toBe('IncompleteSignatureException');
    expect(error.message).toBe(message);
  });

  it('lists every missing Authorization component at once', () => {
    const error = errorOf(request({ host: 'h', authorization: 'AWS4-HMAC-SHA256 Credential=' }));
    expect(error.message).toBe(
      "Authorization header requires 'Credential' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter. Authorization header requires existence of a 'X-Amz-Date' header.",
    );
  });

  it('does not echo a client-supplied token that is long or unusual', () => {
    const odd = `Credential should be scoped with a valid terminator: 'aws4_request', not the value sent.`;
    expect(errorOf(signed(AUTHORIZATION.replace('aws4_request', 'x'.repeat(65)))).message).toBe(odd);
    expect(errorOf(signed(AUTHORIZATION.replace('aws4_request', '<script>'))).message).toBe(odd);
  });

  it('refuses a credential scoped to another service with InvalidSignatureException naming the expected one', () => {
    const error = errorOf(signed(AUTHORIZATION.replace('/cloudtrail/', '/s3/')), ['cloudtrail']);
    expect(error.code).toBe('InvalidSignatureException');
    expect(error.message).toBe("Credential should be scoped to correct service: 'cloudtrail'.");
    expect(errorOf(presigned(), ['organizations', 'trailplane']).message).toBe(
      "Credential should be scoped to correct service: 'organizations' or 'trailplane'.",
    );
  });
});
