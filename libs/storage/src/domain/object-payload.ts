import { sha256Hex } from '@app/sigv4';
import { parseAwsChunked, type AwsChunkedBody } from './aws-chunked';
import { checksumAlgorithmOf, type ChecksumClaim } from './checksums';
import { verifyChunkSignatures, type StreamingSigningContext } from './chunk-signature';
import { assertObjectSize, MAX_OBJECT_SIZE } from './object-limits';
import {
  IncompleteBodyError,
  InvalidArgumentError,
  InvalidRequestError,
  MissingContentLengthError,
  NotImplementedError,
  XAmzContentSHA256MismatchError,
} from './storage.errors';

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const STREAMING_UNSIGNED_PAYLOAD_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
export const STREAMING_SIGNED_PAYLOAD = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
export const STREAMING_SIGNED_PAYLOAD_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
const SIGV4A_STREAMING = [
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
];
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
const TRAILER_SIGNATURE = 'x-amz-trailer-signature';

/** The body of a PutObject and the headers that say how it is framed (values as sent). */
export interface ObjectPayloadRequest {
  readonly body: Buffer;
  /** `x-amz-content-sha256`; absent for presigned URLs. */
  readonly contentSha256?: string;
  /** `x-amz-decoded-content-length` (streaming uploads). */
  readonly decodedContentLength?: string;
  /** `x-amz-trailer`: the trailing headers announced (streaming uploads with trailers). */
  readonly trailer?: string;
  /** Required for `STREAMING-AWS4-HMAC-SHA256-*`: the verified request's signing context. */
  readonly signing?: StreamingSigningContext;
}

export interface DecodedObjectPayload {
  readonly bytes: Buffer;
  /** A checksum sent as a trailing header, to verify with the content like a header one. */
  readonly trailingChecksum?: ChecksumClaim;
}

/** True when `x-amz-content-sha256` announces an `aws-chunked` body. */
export function isStreamingPayload(contentSha256: string | undefined): boolean {
  return contentSha256?.startsWith('STREAMING-') ?? false;
}

/**
 * The object bytes of a PutObject body in any of the forms current SDKs send, checked against
 * what the request's headers promised: a hex `x-amz-content-sha256` (signed payload), unsigned
 * (`UNSIGNED-PAYLOAD`, presigned), or `aws-chunked` streaming with or without chunk signatures and
 * trailing checksums. Trailing checksums are returned, not verified: verify them with the content.
 *
 * @throws XAmzContentSHA256MismatchError, SignatureDoesNotMatchError, IncompleteBodyError,
 *   InvalidArgumentError, MissingContentLengthError, EntityTooLargeError, NotImplementedError (SigV4a).
 */
export function decodeObjectPayload(request: ObjectPayloadRequest): DecodedObjectPayload {
  const mode = request.contentSha256?.trim();
  if (mode === undefined || mode === UNSIGNED_PAYLOAD) {
    assertObjectSize(request.body.length);
    return { bytes: request.body };
  }
  if (SHA256_HEX.test(mode)) {
    assertObjectSize(request.body.length);
    const computed = sha256Hex(request.body);
    if (computed !== mode.toLowerCase()) throw new XAmzContentSHA256MismatchError(mode, computed);
    return { bytes: request.body };
  }
  switch (mode) {
    case STREAMING_UNSIGNED_PAYLOAD_TRAILER:
      return decodeStreaming(request, { signed: false, trailers: true });
    case STREAMING_SIGNED_PAYLOAD:
      return decodeStreaming(request, { signed: true, trailers: false });
    case STREAMING_SIGNED_PAYLOAD_TRAILER:
      return decodeStreaming(request, { signed: true, trailers: true });
    default:
      if (SIGV4A_STREAMING.includes(mode))
        throw new NotImplementedError('SigV4a streaming uploads are not supported.');
      throw new InvalidArgumentError(
        `x-amz-content-sha256 must be ${UNSIGNED_PAYLOAD}, ${STREAMING_UNSIGNED_PAYLOAD_TRAILER}, ${STREAMING_SIGNED_PAYLOAD}, ${STREAMING_SIGNED_PAYLOAD_TRAILER} or a valid sha256 value.`,
        'x-amz-content-sha256',
        mode,
      );
  }
}

function decodeStreaming(
  request: ObjectPayloadRequest,
  form: { signed: boolean; trailers: boolean },
): DecodedObjectPayload {
  const declaredLength = parseDecodedLength(request.decodedContentLength);
  assertObjectSize(declaredLength);
  const announced = form.trailers ? announcedTrailers(request.trailer) : [];
  const body = parseAwsChunked(request.body, { signed: form.signed, maxDecodedLength: MAX_OBJECT_SIZE });
  const { checksums, signature } = splitTrailers(body, announced, form.signed && form.trailers);
  if (form.signed) {
    if (!request.signing) throw new Error('A signed streaming upload needs the request signing context');
    verifyChunkSignatures(
      request.signing,
      body,
      form.trailers ? { headers: checksums, signature: signature as string } : undefined,
    );
  }
  if (body.decodedLength < declaredLength) {
    throw new IncompleteBodyError(
      'The aws-chunked body holds fewer bytes than x-amz-decoded-content-length.',
    );
  }
  if (body.decodedLength > declaredLength) {
    throw new InvalidArgumentError(
      'The aws-chunked body holds more bytes than x-amz-decoded-content-length.',
      'x-amz-decoded-content-length',
      String(declaredLength),
    );
  }
  const [name, value] = checksums[0] ?? [];
  const algorithm = name === undefined ? undefined : checksumAlgorithmOf(name);
  return {
    bytes: concatChunks(body),
    ...(algorithm === undefined || value === undefined ? {} : { trailingChecksum: { algorithm, value } }),
  };
}

function parseDecodedLength(header: string | undefined): number {
  if (header === undefined) throw new MissingContentLengthError();
  if (!/^\d{1,15}$/.test(header.trim())) {
    throw new InvalidArgumentError(
      'x-amz-decoded-content-length is not a valid length.',
      'x-amz-decoded-content-length',
      header,
    );
  }
  return Number(header.trim());
}

/** The trailers `x-amz-trailer` announces: S3 takes exactly one checksum there. */
function announcedTrailers(header: string | undefined): string[] {
  const names = (header ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.length === 0)
    throw new InvalidRequestError('The x-amz-trailer header is required for trailer uploads.');
  if (names.length > 1) throw new InvalidRequestError('Expecting a single x-amz-trailer checksum.');
  for (const name of names) {
    if (checksumAlgorithmOf(name) === undefined) {
      throw new InvalidRequestError(`The trailing header ${name} is not supported.`);
    }
  }
  return names;
}

/**
 * The trailing checksum headers, which must be exactly the announced ones, and the trailer
 * signature (signed bodies). A missing announced trailer means the body was cut short.
 */
function splitTrailers(
  body: AwsChunkedBody,
  announced: readonly string[],
  signedTrailers: boolean,
): { checksums: Array<readonly [string, string]>; signature?: string } {
  const checksums = body.trailers.filter(([name]) => name !== TRAILER_SIGNATURE);
  const signature = body.trailers.find(([name]) => name === TRAILER_SIGNATURE)?.[1];
  for (const [name] of checksums) {
    if (!announced.includes(name)) {
      throw new InvalidArgumentError(`The trailing header ${name} was not announced in x-amz-trailer.`);
    }
  }
  if (checksums.length < announced.length) {
    throw new IncompleteBodyError('The body ended before the trailing headers announced in x-amz-trailer.');
  }
  if (signedTrailers && signature === undefined) {
    throw new IncompleteBodyError('The body ended before the trailer signature.');
  }
  return { checksums, signature };
}

function concatChunks(body: AwsChunkedBody): Buffer {
  if (body.chunks.length === 1) return body.chunks[0].data;
  return Buffer.concat(
    body.chunks.map((chunk) => chunk.data),
    body.decodedLength,
  );
}

/** Content-Encoding to store: the header without `aws-chunked`, which only framed the upload. */
export function storedContentEncoding(header: string | undefined): string | undefined {
  const codings = (header ?? '')
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding.toLowerCase() !== 'aws-chunked');
  return codings.length > 0 ? codings.join(',') : undefined;
}
