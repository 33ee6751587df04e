import { createHash, hash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { crc32c, crc64nvme } from './crc';
import { BadDigestError, InvalidDigestError, InvalidRequestError } from './storage.errors';

/** The additional checksums S3 clients send as `x-amz-checksum-<algorithm>` (header or trailer). */
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';

/** A checksum the client claims for the content: base64 of the big-endian digest. */
export interface ChecksumClaim {
  readonly algorithm: ChecksumAlgorithm;
  readonly value: string;
}

const DIGEST_BYTES: Record<ChecksumAlgorithm, number> = {
  CRC32: 4,
  CRC32C: 4,
  CRC64NVME: 8,
  SHA1: 20,
  SHA256: 32,
};

const ALGORITHM_BY_HEADER = new Map<string, ChecksumAlgorithm>(
  (Object.keys(DIGEST_BYTES) as ChecksumAlgorithm[]).map((algorithm) => [
    checksumHeader(algorithm),
    algorithm,
  ]),
);

export function checksumHeader(algorithm: ChecksumAlgorithm): string {
  return `x-amz-checksum-${algorithm.toLowerCase()}`;
}

/** The algorithm a (lower-case) header or trailer name carries, if it is a checksum's. */
export function checksumAlgorithmOf(name: string): ChecksumAlgorithm | undefined {
  return ALGORITHM_BY_HEADER.get(name.toLowerCase());
}

/**
 * The checksum claimed in request headers (lower-case names), if any.
 * @throws InvalidRequestError when more than one algorithm is given, as S3 refuses.
 */
export function checksumClaimFromHeaders(
  headers: Readonly<Record<string, string | undefined>>,
): ChecksumClaim | undefined {
  const claims: ChecksumClaim[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const algorithm = checksumAlgorithmOf(name);
    if (algorithm !== undefined && value !== undefined) claims.push({ algorithm, value: value.trim() });
  }
  if (claims.length > 1) {
    throw new InvalidRequestError(
      'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.',
    );
  }
  return claims[0];
}

/** base64 of `bytes`' digest under `algorithm`. */
export function computeChecksum(algorithm: ChecksumAlgorithm, bytes: Uint8Array): string {
  switch (algorithm) {
    case 'CRC32':
      return uint32Base64(crc32(bytes));
    case 'CRC32C':
      return uint32Base64(crc32c(bytes));
    case 'CRC64NVME':
      return crc64nvme(bytes).toString('base64');
    case 'SHA1':
      return createHash('sha1').update(bytes).digest('base64');
    case 'SHA256':
      return hash('sha256', bytes, 'base64');
  }
}

function uint32Base64(value: number): string {
  const out = Buffer.allocUnsafe(4);
  out.writeUInt32BE(value >>> 0);
  return out.toString('base64');
}

/**
 * @throws InvalidRequestError when the value is not the base64 of a digest of the right size.
 * @throws BadDigestError when it is not the content's.
 */
export function verifyChecksum(claim: ChecksumClaim, bytes: Uint8Array): void {
  if (decodeBase64(claim.value)?.length !== DIGEST_BYTES[claim.algorithm]) {
    throw new InvalidRequestError(`Value for ${checksumHeader(claim.algorithm)} header is invalid.`);
  }
  if (computeChecksum(claim.algorithm, bytes) !== claim.value) {
    throw new BadDigestError(`The ${claim.algorithm} you specified did not match the calculated checksum.`);
  }
}

/** Strict base64: the text must be exactly what encoding its bytes gives back. */
function decodeBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** S3's ETag of a single-part object: the quoted hex MD5 of its content. */
export function etagOf(bytes: Uint8Array): string {
  return `"${hash('md5', bytes, 'hex')}"`;
}

/**
 * Checks a Content-MD5 header (base64 of the content's MD5).
 * @throws InvalidDigestError when it is not the base64 of 16 bytes.
 * @throws BadDigestError when it is not the content's.
 */
export function verifyContentMd5(contentMd5: string, bytes: Uint8Array): void {
  const claimed = decodeBase64(contentMd5.trim());
  if (claimed?.length !== 16) throw new InvalidDigestError(contentMd5);
  const actual = hash('md5', bytes, 'buffer');
  if (!actual.equals(claimed)) {
    throw new BadDigestError('The Content-MD5 you specified did not match what we received.', {
      ExpectedDigest: claimed.toString('hex'),
      CalculatedDigest: actual.toString('base64'),
    });
  }
}
