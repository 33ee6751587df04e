import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { parseSignedRequest } from './parse-signed-request';
import { type IncomingSignedRequest } from './signed-request';
import { InvalidSignatureError } from './sigv4.errors';
import { verifySignature } from './verify-signature';

const SIGNED_AT = new Date('2026-03-01T10:00:00Z');
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** Signs as @aws-sdk/client-s3 does: path used as sent (no second encoding), payload hash from the header. */
async function s3Signed(path: string, contentSha256: string, body: string): Promise<IncomingSignedRequest> {
  const signer = new SignatureV4({
    service: 's3',
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET },
    sha256: Sha256,
    uriEscapePath: false,
  });
  const signed = await signer.sign(
    {
      method: 'PUT',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 3000,
      path,
      query: {},
      headers: { host: '127.0.0.1:3000', 'x-amz-content-sha256': contentSha256 },
      body,
    },
    { signingDate: SIGNED_AT },
  );
  return {
    method: 'PUT',
    rawPath: path,
    rawQuery: '',
    headers: Object.fromEntries(
      Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]),
    ),
    body: Buffer.from(body),
  };
}

function verify(request: IncomingSignedRequest, s3: boolean): void {
  verifySignature(request, parseSignedRequest(request, { expectedServices: ['s3'] }), SECRET, {
    now: SIGNED_AT,
    s3,
  });
}

describe('verifySignature with S3 signing rules', () => {
  it('signs the path as sent, with escapes, double slashes and dot segments kept', async () => {
    const sut = await s3Signed('/bucket/100%25%20done/..//a/./b', 'UNSIGNED-PAYLOAD', 'x');
    expect(() => verify(sut, true)).not.toThrow();
    expect(() => verify(sut, false)).toThrow(InvalidSignatureError);
  });

  it('signs x-amz-content-sha256 as sent, leaving the body to the object store', async () => {
    const sut = await s3Signed(
      '/bucket/key',
      'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      '5\r\nhello\r\n0\r\n\r\n',
    );
    expect(() => verify(sut, true)).not.toThrow();
    expect(() =>
      verify({ ...sut, headers: { ...sut.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }, true),
    ).toThrow(InvalidSignatureError);
  });
});
