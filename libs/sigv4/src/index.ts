/**
 * AWS Signature Version 4, server side: parse and verify signed requests (Authorization header
 * and presigned URLs), plus a small client-side signer for tests and benchmarks. Pure Node, no
 * framework. Errors are `DomainError`s carrying AWS JSON-protocol codes.
 *
 * Server flow:
 * ```ts
 * const parsed = parseSignedRequest(request, { expectedServices: ['cloudtrail'] }); // form, scope
 * // caller: parsed.region is a known Region? parsed.accessKeyId → secret (UnrecognizedClientException)
 * verifySignature(request, parsed, secret, { now: clock.now(), keyCache });         // clock, body, HMAC
 * ```
 *
 * - `parseSignedRequest(request, { expectedServices? })` → `ParsedSignature`: what the signature
 *   claims. Throws MissingAuthenticationToken / IncompleteSignature / InvalidSignature (service).
 * - `verifySignature(request, parsed, secret, { now, maxSkewMs?, keyCache? })`: returns the signing key when the
 *   signature holds. Throws InvalidSignature (mismatch, ±15 min skew, body ≠ x-amz-content-sha256)
 *   or RequestExpired (presigned URL past X-Amz-Expires). Accepts the AWS SDK's canonical form
 *   and curl 7.x's `--aws-sigv4` form.
 * - `verifySignature(…, { s3: true })`: S3's canonical URI (the path as sent) and payload hash
 *   (`x-amz-content-sha256` as sent, including `UNSIGNED-PAYLOAD` and `STREAMING-…`).
 * - `SigningKeyCache`: bounded LRU of derived signing keys per (secret, day, Region, service);
 *   `deriveSigningKey`, `hmacSha256`, `sha256Hex`, `credentialScope`, `formatAmzDate`: the
 *   building blocks S3's chunk signatures reuse.
 * - `signRequest(input)` / `presignUrl(input)`: client-side signing compatible with
 *   `@smithy/signature-v4`.
 */
export {
  DEFAULT_MAX_SKEW_MS,
  verifySignature,
  type SigningRules,
  type VerifyOptions,
} from './verify-signature';
export { MAX_PRESIGNED_EXPIRES_SECONDS, parseSignedRequest, type ParseOptions } from './parse-signed-request';
export { type IncomingSignedRequest, type ParsedSignature } from './signed-request';
export { deriveSigningKey, hmacSha256, SigningKeyCache } from './signing-key';
export { credentialScope, sha256Hex } from './canonical';
export { formatAmzDate } from './amz-date';
export {
  presignUrl,
  signRequest,
  type PresignUrlInput,
  type SignRequestInput,
  type SigningCredentials,
} from './sign-request';
export {
  IncompleteSignatureError,
  InvalidSignatureError,
  MissingAuthenticationTokenError,
  RequestExpiredError,
  SIGNATURE_MISMATCH_MESSAGE,
  UnsignedHeadersError,
} from './sigv4.errors';
