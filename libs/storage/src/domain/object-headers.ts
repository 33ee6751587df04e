import { contentRange, type ByteRange } from './byte-range';
import { checksumClaimFromHeaders, checksumHeader, type ChecksumClaim } from './checksums';
import { storedContentEncoding } from './object-payload';
import { type ObjectHead, type ObjectHeaders } from './stored-object';

const USER_METADATA_PREFIX = 'x-amz-meta-';

/** Request headers by lower-case name, one value each (as Node's `req.headers` gives them). */
export type RequestHeaders = Readonly<Record<string, string | undefined>>;

/** What a PutObject's headers say about the object, in PutObjectInput's terms. */
export interface ObjectHeaderFields extends Partial<ObjectHeaders> {
  readonly contentMd5?: string;
  readonly userMetadata: Record<string, string>;
}

/**
 * The stored headers of a PutObject request: representation headers (Content-Encoding without
 * `aws-chunked`), Content-MD5, and `x-amz-meta-*` without their prefix.
 */
export function objectHeaderFields(headers: RequestHeaders): ObjectHeaderFields {
  const userMetadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && name.startsWith(USER_METADATA_PREFIX)) {
      userMetadata[name.slice(USER_METADATA_PREFIX.length)] = value;
    }
  }
  return {
    contentType: headers['content-type'],
    contentEncoding: storedContentEncoding(headers['content-encoding']),
    contentDisposition: headers['content-disposition'],
    contentLanguage: headers['content-language'],
    cacheControl: headers['cache-control'],
    expires: headers['expires'],
    contentMd5: headers['content-md5'],
    userMetadata,
  };
}

/**
 * The checksum a PutObject claims: an `x-amz-checksum-*` header, or the trailing one of a
 * streaming body (`DecodedObjectPayload.trailingChecksum`). The SDKs send one or the other.
 */
export function claimedChecksum(
  headers: RequestHeaders,
  trailing?: ChecksumClaim,
): ChecksumClaim | undefined {
  return trailing ?? checksumClaimFromHeaders(headers);
}

export interface ObjectAnswer {
  readonly head: ObjectHead;
  readonly contentLength: number;
  readonly range?: ByteRange;
  /** `x-amz-checksum-mode: ENABLED` was sent: answer the stored checksum too (whole objects only). */
  readonly checksumMode?: boolean;
}

/**
 * The headers of a GetObject or HeadObject answer (status 206 when `range` is set, else 200):
 * S3 sends Last-Modified in RFC 1123 form and every user metadata entry as `x-amz-meta-*`.
 */
export function objectAnswerHeaders(answer: ObjectAnswer): Record<string, string> {
  const { head } = answer;
  const headers: Record<string, string> = {
    'content-type': head.contentType,
    'content-length': String(answer.contentLength),
    etag: head.etag,
    'last-modified': head.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
  };
  const optional: Array<[string, string | undefined]> = [
    ['content-encoding', head.contentEncoding],
    ['content-disposition', head.contentDisposition],
    ['content-language', head.contentLanguage],
    ['cache-control', head.cacheControl],
    ['expires', head.expires],
    ['content-range', answer.range && contentRange(answer.range, head.size)],
  ];
  for (const [name, value] of optional) if (value !== undefined) headers[name] = value;
  for (const [name, value] of Object.entries(head.userMetadata))
    headers[`${USER_METADATA_PREFIX}${name}`] = value;
  // A checksum of the whole object would not match a range of it (the SDKs check), so S3 leaves it out.
  if (answer.checksumMode && head.checksum && !answer.range) {
    headers[checksumHeader(head.checksum.algorithm)] = head.checksum.value;
  }
  return headers;
}
