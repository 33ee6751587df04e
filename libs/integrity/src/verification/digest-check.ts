import { createPublicKey, type KeyObject } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { digestStringToSign, sha256Hex, verifyDigestString } from '../domain/digest-signature';
import { type StoredObject, type VerificationPublicKey } from './integrity-ports';
import { type FileProblem, FileProblems } from './validation-report';

/** What the validator reads from a digest whose signature holds. */
export interface VerifiedDigest {
  readonly bucket: string;
  readonly key: string;
  readonly startTime: Date;
  readonly endTime: Date;
  readonly previousBucket: string | null;
  readonly previousKey: string | null;
  /** What this digest says the previous one hashes to and was signed with. */
  readonly previousHashValue: string | null;
  readonly previousSignature: string | null;
  /** Hex SHA-256 of this digest's uncompressed bytes, and its signature as stored. */
  readonly sha256: string;
  readonly signature: string;
  readonly logFiles: readonly LogFileClaim[];
}

/** A log file as a digest records it. */
export interface LogFileClaim {
  readonly bucket: string;
  readonly key: string;
  readonly hashValue: unknown;
}

/** A digest decoded far enough to pick its public key (gzip, UTF-8, JSON object, metadata). */
export interface DecodedDigest {
  readonly data: Readonly<Record<string, unknown>>;
  readonly uncompressed: Buffer;
  readonly signature: string;
  readonly backfillGenerationTimestamp: string | null;
}

const REQUIRED_MEMBERS = [
  'digestPublicKeyFingerprint',
  'digestS3Bucket',
  'digestS3Object',
  'previousDigestSignature',
  'digestEndTime',
  'digestStartTime',
];

/** The validator's `fetch_digest` and required-member check, in its order. */
export function decodeDigest(object: StoredObject, isBackfill: boolean): DecodedDigest | FileProblem {
  let data: unknown;
  let uncompressed: Buffer;
  try {
    uncompressed = gunzipSync(object.body);
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(uncompressed));
  } catch {
    return FileProblems.invalidFormat;
  }
  const { signature, 'signature-algorithm': algorithm } = object.metadata;
  if (signature === undefined || algorithm === undefined) return FileProblems.signatureVerificationFailed;
  const backfillGenerationTimestamp = object.metadata['backfill-generation-timestamp'] ?? null;
  if (isBackfill && backfillGenerationTimestamp === null) return FileProblems.invalidFormat;
  if (!isRecord(data) || REQUIRED_MEMBERS.some((member) => !(member in data))) {
    return FileProblems.invalidFormat;
  }
  return { data, uncompressed, signature, backfillGenerationTimestamp };
}

/**
 * The validator's checks of a decoded digest found at `bucket/key`: it says it is stored there,
 * its fingerprint names a key of `publicKeys`, and its signature verifies with that key.
 */
export function checkDecodedDigest(
  digest: DecodedDigest,
  bucket: string,
  key: string,
  publicKeys: ReadonlyMap<string, VerificationPublicKey>,
  homeRegion: string,
): VerifiedDigest | FileProblem {
  const { data } = digest;
  if (data.digestS3Bucket !== bucket || data.digestS3Object !== key) return FileProblems.moved;
  const fingerprint = data.digestPublicKeyFingerprint;
  const publicKey = typeof fingerprint === 'string' ? publicKeys.get(fingerprint) : undefined;
  if (publicKey === undefined) return FileProblems.publicKeyNotFound(homeRegion, fingerprint);
  const loaded = loadPkcs1PublicKey(publicKey.publicKeyDer);
  if (loaded === undefined) return FileProblems.publicKeyUnloadable(publicKey.fingerprint);
  const stringToSign = digestStringToSign(
    {
      digestEndTime: asText(data.digestEndTime),
      digestS3Bucket: bucket,
      digestS3Object: key,
      previousDigestSignature: optionalString(data.previousDigestSignature),
    },
    digest.uncompressed,
  );
  const signature = decodeHex(digest.signature);
  if (typeof signature === 'string') return FileProblems.unreadable(signature);
  if (!verifyDigestString(stringToSign, signature, loaded)) return FileProblems.signatureVerificationFailed;
  const endTime = parseDigestTime(data.digestEndTime);
  if (typeof endTime === 'string') return FileProblems.unreadable(endTime);
  const startTime = parseDigestTime(data.digestStartTime);
  if (typeof startTime === 'string') return FileProblems.unreadable(startTime);
  return {
    bucket,
    key,
    startTime,
    endTime,
    previousBucket: optionalString(data.previousDigestS3Bucket),
    previousKey: optionalString(data.previousDigestS3Object),
    previousHashValue: optionalString(data.previousDigestHashValue),
    previousSignature: optionalString(data.previousDigestSignature),
    sha256: sha256Hex(digest.uncompressed),
    signature: digest.signature,
    logFiles: Array.isArray(data.logFiles) ? data.logFiles.filter(isRecord).map(toLogFileClaim) : [],
  };
}

/**
 * A time the way the validator reads one (dateutil, then UTC when no zone is given); a string
 * is its error text when it is not a time.
 */
export function parseDigestTime(value: unknown): Date | string {
  const text = asText(value);
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text;
  const time = new Date(zoned);
  return /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(time.getTime())
    ? time
    : `Unable to parse date value: ${text}`;
}

function loadPkcs1PublicKey(der: Buffer): KeyObject | undefined {
  try {
    return createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
  } catch {
    return undefined;
  }
}

/** Hex to bytes as Python's `binascii.unhexlify` does it, with its error texts. */
function decodeHex(hex: string): Buffer | string {
  if (hex.length % 2 !== 0) return 'Odd-length string';
  if (!/^[0-9a-fA-F]*$/.test(hex)) return 'Non-hexadecimal digit found';
  return Buffer.from(hex, 'hex');
}

function toLogFileClaim(entry: Readonly<Record<string, unknown>>): LogFileClaim {
  return { bucket: asText(entry.s3Bucket), key: asText(entry.s3Object), hashValue: entry.hashValue };
}

function optionalString(value: unknown): string | null {
  return value === null || value === undefined ? null : asText(value);
}

/** A JSON value as text: strings as they are, anything else as JSON. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : String(JSON.stringify(value));
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
