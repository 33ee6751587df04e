import { chunkSignature, type StreamingSigningContext } from '@app/storage';
import { deriveSigningKey } from '@app/sigv4';
import request, { type Response } from 'supertest';
import { type TestCredentials } from '../../support/credentials';
import { signHeaders } from '../../support/signed-request';

/**
 * A PutObject as `STREAMING-AWS4-HMAC-SHA256-PAYLOAD` (aws-chunked, each chunk signed in a chain
 * seeded by the request's signature), the form the SDKs use for unsized signed uploads.
 * `tamper` changes the body after signing (a cut, a flipped byte).
 */
export async function signedChunkedPut(
  baseUrl: string,
  credentials: TestCredentials,
  path: string,
  chunks: readonly Buffer[],
  tamper: (body: Buffer) => Buffer = (body) => body,
): Promise<Response> {
  const decodedLength = chunks.reduce((total, chunk) => total + chunk.length, 0);
  const headers = await signHeaders(baseUrl, credentials, 'PUT', path, undefined, {
    service: 's3',
    headers: {
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'x-amz-decoded-content-length': String(decodedLength),
      'content-encoding': 'aws-chunked',
    },
  });
  const amzDate = headers['x-amz-date'];
  const seed = /Signature=([0-9a-f]{64})/.exec(headers.authorization)![1];
  const context: StreamingSigningContext = {
    signingKey: deriveSigningKey(credentials.secretAccessKey, amzDate.slice(0, 8), 'us-east-1', 's3'),
    amzDate,
    scope: `${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request`,
    seedSignature: seed,
  };
  const parts: Buffer[] = [];
  let previous = seed;
  for (const data of [...chunks, Buffer.alloc(0)]) {
    previous = chunkSignature(context, previous, data);
    parts.push(
      Buffer.from(`${data.length.toString(16)};chunk-signature=${previous}\r\n`),
      data,
      Buffer.from('\r\n'),
    );
  }
  return request(baseUrl)
    .put(path)
    .set(headers)
    .send(tamper(Buffer.concat(parts)));
}
