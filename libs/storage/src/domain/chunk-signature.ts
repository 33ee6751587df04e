import { timingSafeEqual } from 'node:crypto';
import { credentialScope, formatAmzDate, hmacSha256, type ParsedSignature, sha256Hex } from '@app/sigv4';
import { type AwsChunkedBody } from './aws-chunked';
import { SignatureDoesNotMatchError } from './storage.errors';

/**
 * What the chunks of a `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]` upload are signed with: the
 * request's SigV4 signing key, its X-Amz-Date and credential scope, and its own (verified)
 * signature, which seeds the chain.
 */
export interface StreamingSigningContext {
  readonly signingKey: Buffer;
  /** X-Amz-Date, `20130524T000000Z`. */
  readonly amzDate: string;
  /** `20130524/us-east-1/s3/aws4_request`. */
  readonly scope: string;
  /** The request's Authorization signature, hex. */
  readonly seedSignature: string;
}

const EMPTY_SHA256 = sha256Hex('');

/** The context of a request whose Authorization signature `parsed` was verified with `signingKey`. */
export function streamingSigningContext(
  parsed: ParsedSignature,
  signingKey: Buffer,
): StreamingSigningContext {
  return {
    signingKey,
    amzDate: formatAmzDate(parsed.requestTime),
    scope: credentialScope(parsed.scopeDate, parsed.region, parsed.service),
    seedSignature: parsed.signature,
  };
}

/** Signature of one chunk: it covers the previous signature, so chunks cannot be reordered or dropped. */
export function chunkSignature(context: StreamingSigningContext, previous: string, data: Buffer): string {
  const stringToSign = [
    'AWS4-HMAC-SHA256-PAYLOAD',
    context.amzDate,
    context.scope,
    previous,
    EMPTY_SHA256,
    sha256Hex(data),
  ].join('\n');
  return hmacSha256(context.signingKey, stringToSign).toString('hex');
}

/** Signature of the trailing headers, chained to the final chunk's; each header is `name:value\n`. */
export function trailerSignature(
  context: StreamingSigningContext,
  previous: string,
  trailers: ReadonlyArray<readonly [string, string]>,
): string {
  const canonical = trailers.map(([name, value]) => `${name}:${value}\n`).join('');
  const stringToSign = [
    'AWS4-HMAC-SHA256-TRAILER',
    context.amzDate,
    context.scope,
    previous,
    sha256Hex(canonical),
  ].join('\n');
  return hmacSha256(context.signingKey, stringToSign).toString('hex');
}

/**
 * Verifies the chain seed → each data chunk → the final empty chunk (→ the trailers, when
 * `trailerSignature` is given), comparing in constant time.
 * @throws SignatureDoesNotMatchError at the first signature that does not verify.
 */
export function verifyChunkSignatures(
  context: StreamingSigningContext,
  body: AwsChunkedBody,
  trailers?: { readonly headers: ReadonlyArray<readonly [string, string]>; readonly signature: string },
): void {
  let previous = context.seedSignature;
  for (const chunk of [...body.chunks, { data: Buffer.alloc(0), signature: body.finalSignature }]) {
    const expected = chunkSignature(context, previous, chunk.data);
    assertSame(expected, chunk.signature);
    previous = expected;
  }
  if (trailers) assertSame(trailerSignature(context, previous, trailers.headers), trailers.signature);
}

function assertSame(expected: string, provided: string | undefined): void {
  if (provided === undefined || provided.length !== expected.length) throw new SignatureDoesNotMatchError();
  if (!timingSafeEqual(Buffer.from(expected, 'latin1'), Buffer.from(provided, 'latin1'))) {
    throw new SignatureDoesNotMatchError();
  }
}
