import { execFile, execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { parseSignedRequest } from './parse-signed-request';
import { type IncomingSignedRequest } from './signed-request';
import { credentialScope, stringToSign } from './canonical';
import { deriveSigningKey, hmacSha256 } from './signing-key';
import { canonicalRequestCandidates, verifySignature } from './verify-signature';

/*
 * `curl --aws-sigv4 "aws:amz:us-east-1:trailplane"` up to 7.x signs the path and the query
 * exactly as it sends them: no normalisation, no second encoding of the path, no sorting or
 * re-encoding of the query. (curl 8 encodes the path like the SDKs, without dropping empty
 * segments, and sorts the query.) The verifier tries the SDK's form first, then curl's.
 */
const ACCESS_KEY_ID = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

/** Requests captured from curl 7.88.1 (Debian 12) at 2026-11-25T15:19:52Z, with these credentials. */
const CAPTURED = {
  now: new Date('2026-11-25T15:19:52Z'),
  requests: [
    {
      method: 'GET',
      url: '/v1/account/regions',
      signedHeaders: 'host;x-amz-date',
      signature: 'b5692780788612159d57806d241bd25d4302ef86ce5c426df20a628f51bb5e1f',
    },
    {
      method: 'GET',
      url: '/v1/trails/arn%3Aaws%3Acloudtrail%3Aus-east-1%3A123456789012%3Atrail%2Fmy-trail',
      signedHeaders: 'host;x-amz-date',
      signature: '4d2f6d4c820ecd9039cddd6199f18546f481e90d224032f6de199339ffc3ecbd',
    },
    {
      method: 'GET',
      url: '/v1/trails?maxResults=5&nextToken=abc%2Bdef%3D&a=x+y',
      signedHeaders: 'host;x-amz-date',
      signature: '47ebebb6c460565647b383e853217a2f7ac187995cf387e0438d223e1f713d46',
    },
    {
      method: 'GET',
      url: '//v1//trails/',
      signedHeaders: 'host;x-amz-date',
      signature: 'b4453be0cd1443c5e4d314a2029587d4a38d52f10089d8d9b9f2f43bcc3340df',
    },
    {
      method: 'POST',
      url: '/v1/trails',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"t1","s3BucketName":"logs"}',
      signedHeaders: 'content-type;host;x-amz-date',
      signature: 'f3c4386330cb9494e3f2701f7c3270b25dca3e1bb8a091f128985c614126be17',
    },
    {
      method: 'POST',
      url: '/',
      headers: {
        'x-amz-target': 'CloudTrail_20131101.ListTrails',
        'content-type': 'application/x-amz-json-1.1',
      },
      body: '{}',
      signedHeaders: 'content-type;host;x-amz-date;x-amz-target',
      signature: '94ed42062d5b9e24a991ef2c507972ba490a44d3d1c3c1bec2a2817ca0580274',
    },
  ],
};

function capturedRequest(captured: (typeof CAPTURED.requests)[number]): IncomingSignedRequest {
  const question = captured.url.indexOf('?');
  return {
    method: captured.method,
    rawPath: question < 0 ? captured.url : captured.url.slice(0, question),
    rawQuery: question < 0 ? '' : captured.url.slice(question + 1),
    headers: {
      host: '127.0.0.1:38551',
      'x-amz-date': '20261125T151952Z',
      authorization: `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/20261125/us-east-1/trailplane/aws4_request, SignedHeaders=${captured.signedHeaders}, Signature=${captured.signature}`,
      'user-agent': 'curl/7.88.1',
      accept: '*/*',
      ...captured.headers,
    },
    body: Buffer.from(captured.body ?? ''),
  };
}

describe('curl --aws-sigv4 compatibility', () => {
  it.each(CAPTURED.requests)('verifies $method $url as signed by curl 7.88.1', (captured) => {
    const sut = capturedRequest(captured);
    const parsed = parseSignedRequest(sut, { expectedServices: ['trailplane'] });

    expect(() => verifySignature(sut, parsed, SECRET, { now: CAPTURED.now })).not.toThrow();
  });

  it('matches the SDK form where the request is canonical already, else the as-sent form', () => {
    const key = deriveSigningKey(SECRET, '20261125', 'us-east-1', 'trailplane');
    const matching = CAPTURED.requests.map((captured) => {
      const sut = capturedRequest(captured);
      const parsed = parseSignedRequest(sut);
      return canonicalRequestCandidates(sut, parsed).findIndex(
        (canonical) =>
          hmacSha256(
            key,
            stringToSign(
              '20261125T151952Z',
              credentialScope('20261125', 'us-east-1', 'trailplane'),
              canonical,
            ),
          ).toString('hex') === parsed.signature,
      );
    });
    // Escaped path, unsorted query and empty segments need curl's form (index 1).
    expect(matching).toEqual([0, 1, 1, 1, 0, 0]);
  });

  const curlVersion = ((): string | undefined => {
    try {
      return execFileSync('curl', ['--version'], { encoding: 'utf8' }).split(' ')[1];
    } catch {
      return undefined;
    }
  })();

  (curlVersion ? it : it.skip)(
    `verifies live requests from the installed curl (${curlVersion ?? 'absent'})`,
    async () => {
      const seen: IncomingSignedRequest[] = [];
      const server = createServer((req: IncomingMessage, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const url = req.url ?? '/';
          const question = url.indexOf('?');
          seen.push({
            method: req.method ?? 'GET',
            rawPath: question < 0 ? url : url.slice(0, question),
            rawQuery: question < 0 ? '' : url.slice(question + 1),
            headers: req.headersDistinct,
            body: Buffer.concat(chunks),
          });
          res.end('{}');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const curl = (...args: string[]): Promise<unknown> =>
        promisify(execFile)('curl', [
          '-sS',
          '--aws-sigv4',
          'aws:amz:eu-west-1:trailplane',
          '--user',
          `${ACCESS_KEY_ID}:${SECRET}`,
          ...args,
        ]);
      try {
        await curl(`${base}/v1/account/regions`);
        await curl(`${base}/v1/trails/arn%3Aaws%3Acloudtrail%3Aeu-west-1%3A123456789012%3Atrail%2Fmy-trail`);
        await curl(`${base}/v1/trails?maxResults=5&b=%2F&a=x+y&a=x%20z`);
        await curl('-X', 'DELETE', `${base}/v1/trails/my-trail`);
        await curl(
          '-H',
          'content-type: application/json',
          '-H',
          'X-Extra:  a   b ',
          '-d',
          '{"name":"t"}',
          `${base}/v1/trails`,
        );
      } finally {
        server.close();
      }

      expect(seen).toHaveLength(5);
      for (const sut of seen) {
        const parsed = parseSignedRequest(sut, { expectedServices: ['trailplane'] });
        expect(parsed.region).toBe('eu-west-1');
        expect(() => verifySignature(sut, parsed, SECRET, { now: new Date() })).not.toThrow();
      }
    },
  );
});
