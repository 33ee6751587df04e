import { timingSafeEqual } from 'node:crypto';
import { formatAmzDate } from './amz-date';
import {
  canonicalHeaderValue,
  canonicalPathCandidates,
  canonicalQueryString,
  canonicalRequest,
  credentialScope,
  parseQuery,
  sha256Hex,
  SIGNATURE_QUERY_PARAMETER,
  stringToSign,
  UNSIGNED_PAYLOAD,
} from './canonical';
import { type IncomingSignedRequest, type ParsedSignature } from './signed-request';
import { deriveSigningKey, hmacSha256, type SigningKeyCache } from './signing-key';
import { InvalidSignatureError, RequestExpiredError } from './sigv4.errors';

/** AWS's clock-skew allowance, either way. */
export const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

export interface VerifyOptions {
  /** The server's current time. */
  readonly now: Date;
  /** Accepted difference between X-Amz-Date and `now`, either way; default 15 minutes. */
  readonly maxSkewMs?: number;
  /** Reuses derived signing keys across requests. */
  readonly keyCache?: SigningKeyCache;
  /**
   * S3's signing rules instead of every other service's: the canonical URI is the path exactly as
   * sent (S3 neither normalises it nor encodes it a second time), and the payload hash is the
   * `x-amz-content-sha256` value as sent — a hex digest, `UNSIGNED-PAYLOAD` or a `STREAMING-…`
   * form — without hashing the body here: the object store checks the body against that value
   * when it decodes the payload (`decodeObjectPayload` in `@app/storage`).
   */
  readonly s3?: boolean;
}

/** Which service's canonical-request rules apply (see `VerifyOptions.s3`). */
export type SigningRules = 'default' | 's3';

/**
 * Verifies `parsed` (from {@link parseSignedRequest} on the same request) with the secret of its
 * access key. Checks, in order: the clock (or a presigned URL's expiry), that an
 * `x-amz-content-sha256` header matches the body, and the signature itself, compared in constant
 * time. Several canonical forms are tried, the AWS SDK's first, so that curl's `--aws-sigv4` is
 * accepted too (see `canonicalRequestCandidates`). Returns the signing key that verified it (an
 * S3 streaming upload's chunk signatures are chained from it) when the signature holds.
 *
 * @throws InvalidSignatureError on a mismatch, a stale or future-dated request, or a body whose
 *   hash differs from `x-amz-content-sha256`.
 * @throws RequestExpiredError when a presigned URL is used after its expiry.
 */
export function verifySignature(
  request: IncomingSignedRequest,
  parsed: ParsedSignature,
  secretAccessKey: string,
  options: VerifyOptions,
): Buffer {
  assertTimely(parsed, options.now, options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS);
  const candidates = canonicalRequestCandidates(request, parsed, options.s3 ? 's3' : 'default');
  const cached = options.keyCache?.derived(secretAccessKey, parsed.scopeDate, parsed.region, parsed.service);
  const bytes =
    cached?.bytes ?? deriveSigningKey(secretAccessKey, parsed.scopeDate, parsed.region, parsed.service);
  const key = cached?.object ?? bytes;
  const scope = credentialScope(parsed.scopeDate, parsed.region, parsed.service);
  const amzDate = formatAmzDate(parsed.requestTime);
  const provided = Buffer.from(parsed.signature, 'hex');
  for (const canonical of candidates) {
    const expected = hmacSha256(key, stringToSign(amzDate, scope, canonical));
    if (timingSafeEqual(expected, provided)) return bytes;
  }
  throw new InvalidSignatureError();
}

function assertTimely(parsed: ParsedSignature, now: Date, maxSkewMs: number): void {
  const skew = describeSkew(maxSkewMs);
  const nowMs = now.getTime();
  const time = parsed.requestTime.getTime();
  if (time - nowMs > maxSkewMs) {
    throw new InvalidSignatureError(
      `Signature not yet current: ${formatAmzDate(parsed.requestTime)} is still later than ${formatAmzDate(new Date(nowMs + maxSkewMs))} (${formatAmzDate(now)} + ${skew}.)`,
    );
  }
  if (parsed.expiresAt) {
    // A presigned URL is meant to be used later than it was signed, up to its own expiry.
    if (nowMs > parsed.expiresAt.getTime()) throw new RequestExpiredError();
    return;
  }
  if (nowMs - time > maxSkewMs) {
    throw new InvalidSignatureError(
      `Signature expired: ${formatAmzDate(parsed.requestTime)} is now earlier than ${formatAmzDate(new Date(nowMs - maxSkewMs))} (${formatAmzDate(now)} - ${skew}.)`,
    );
  }
}

function describeSkew(maxSkewMs: number): string {
  return maxSkewMs % 60_000 === 0 ? `${maxSkewMs / 60_000} min` : `${Math.round(maxSkewMs / 1000)} sec`;
}

/**
 * The canonical requests the client may have signed, most likely first: every combination of
 * path (SDK form, then curl 7.x's as-sent form), query (sorted and encoded, then curl 7.x's
 * as-sent form; header signatures only) and payload hash (presigned: the body's hash as the SDKs
 * use, then `UNSIGNED-PAYLOAD` as S3-style presigners do). The headers are those the client
 * declared as signed, in its order.
 *
 * @throws InvalidSignatureError when a declared header is absent, or `x-amz-content-sha256`
 *   disagrees with the body.
 */
export function canonicalRequestCandidates(
  request: IncomingSignedRequest,
  parsed: ParsedSignature,
  rules: SigningRules = 'default',
): string[] {
  const headers = parsed.signedHeaders
    .map((name) => {
      const value = request.headers[name.toLowerCase()];
      // Absent is not the same as empty: a stripped header must not verify as `name:`.
      if (value === undefined || (typeof value !== 'string' && value.length === 0))
        throw new InvalidSignatureError();
      return `${name}:${canonicalHeaderValue(value)}\n`;
    })
    .join('');
  const signedHeaders = parsed.signedHeaders.join(';');

  const sdkQuery = canonicalQueryString(
    parseQuery(request.rawQuery),
    parsed.presigned ? SIGNATURE_QUERY_PARAMETER : undefined,
  );
  const queries =
    parsed.presigned || request.rawQuery === sdkQuery ? [sdkQuery] : [sdkQuery, request.rawQuery];

  const candidates: string[] = [];
  const paths =
    rules === 's3'
      ? [request.rawPath === '' ? '/' : request.rawPath]
      : canonicalPathCandidates(request.rawPath);
  const hashes = rules === 's3' ? s3PayloadHashes(request, parsed) : payloadHashes(request, parsed);
  for (const payloadHash of hashes) {
    for (const path of paths) {
      for (const query of queries) {
        candidates.push(
          canonicalRequest({ method: request.method, path, query, headers, signedHeaders, payloadHash }),
        );
      }
    }
  }
  return candidates;
}

/** S3 signs `x-amz-content-sha256` as sent; presigned URLs without it are `UNSIGNED-PAYLOAD`. */
function s3PayloadHashes(request: IncomingSignedRequest, parsed: ParsedSignature): string[] {
  const declared = request.headers['x-amz-content-sha256'];
  if (declared !== undefined) return [typeof declared === 'string' ? declared.trim() : declared.join(',')];
  return parsed.presigned ? [UNSIGNED_PAYLOAD] : [sha256Hex(request.body)];
}

/** The hash of an empty body (every GET), computed once. */
const EMPTY_BODY_HASH = sha256Hex('');

function payloadHashes(request: IncomingSignedRequest, parsed: ParsedSignature): string[] {
  const declared = request.headers['x-amz-content-sha256'];
  const bodyHash = request.body.length === 0 ? EMPTY_BODY_HASH : sha256Hex(request.body);
  if (declared === undefined) return parsed.presigned ? [bodyHash, UNSIGNED_PAYLOAD] : [bodyHash];
  const value = typeof declared === 'string' ? declared.trim() : declared.join(',');
  if (value === bodyHash || (parsed.presigned && value === UNSIGNED_PAYLOAD)) return [value];
  throw new InvalidSignatureError(
    "The provided 'x-amz-content-sha256' header does not match what was computed.",
  );
}
