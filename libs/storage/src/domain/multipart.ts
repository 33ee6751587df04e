import { hash } from 'node:crypto';
import { MAX_OBJECT_SIZE } from './object-limits';
import {
  EntityTooLargeError,
  EntityTooSmallError,
  InvalidArgumentError,
  InvalidPartError,
  InvalidPartOrderError,
} from './storage.errors';

/** S3's minimum size of every part but the last. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const MAX_PART_NUMBER = 10_000;
/** S3's default and cap of max-parts and max-uploads. */
export const MAX_LISTED_PARTS = 1000;
export const MAX_LISTED_UPLOADS = 1000;

/** A part as stored: its ETag is the quoted hex MD5 of its bytes. */
export interface UploadedPart {
  readonly partNumber: number;
  readonly etag: string;
  readonly size: number;
  readonly lastModified: Date;
}

/** One `<Part>` of a CompleteMultipartUpload document. */
export interface CompletedPartClaim {
  readonly partNumber: number;
  readonly etag: string;
}

const UPLOAD_ID = /^[0-9a-f]{32}$/;

/** Upload ids are 32 hex digits: anything else names no upload (and never reaches SQL). */
export function isUploadId(uploadId: string): boolean {
  return UPLOAD_ID.test(uploadId);
}

/** UploadPart's partNumber query parameter: an integer from 1 to 10000. */
export function parsePartNumber(raw: string | undefined): number {
  const value = raw !== undefined && /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= MAX_PART_NUMBER)) {
    throw new InvalidArgumentError(
      'Part number must be an integer between 1 and 10000, inclusive',
      'partNumber',
      raw ?? '',
    );
  }
  return value;
}

/** A non-negative integer query parameter (max-parts, part-number-marker, max-uploads), capped. */
export function parseListingCount(name: string, raw: string | undefined, cap: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(value <= 2 ** 31 - 1)) {
    throw new InvalidArgumentError(`Provided ${name} not an integer or within integer range`, name, raw);
  }
  return Math.min(value, cap);
}

const unquoted = (etag: string) => etag.trim().replace(/^"(.*)"$/, '$1');

/**
 * The parts a CompleteMultipartUpload list names, checked as S3 checks them: part numbers strictly
 * ascending, each uploaded with the ETag given (quoted or not), every part but the last at least
 * 5 MiB, and the whole within this store's object limit.
 * @throws InvalidPartOrderError, InvalidPartError, EntityTooSmallError, EntityTooLargeError
 */
export function partsToComplete(
  claims: readonly CompletedPartClaim[],
  uploaded: ReadonlyMap<number, UploadedPart>,
): UploadedPart[] {
  claims.forEach((claim, index) => {
    if (index > 0 && claim.partNumber <= claims[index - 1].partNumber) throw new InvalidPartOrderError();
  });
  const parts = claims.map((claim) => {
    const part = uploaded.get(claim.partNumber);
    if (part === undefined || unquoted(part.etag) !== unquoted(claim.etag)) {
      throw new InvalidPartError(claim.partNumber, unquoted(claim.etag));
    }
    return part;
  });
  parts.slice(0, -1).forEach((part) => {
    if (part.size < MIN_PART_SIZE) throw new EntityTooSmallError(part.partNumber, part.size, MIN_PART_SIZE);
  });
  const size = parts.reduce((total, part) => total + part.size, 0);
  if (size > MAX_OBJECT_SIZE) throw new EntityTooLargeError(size, MAX_OBJECT_SIZE);
  return parts;
}

/** A multipart object's ETag: the MD5 of its parts' MD5s (bytes, in order), then `-<count>`. */
export function multipartEtag(parts: readonly Pick<UploadedPart, 'etag'>[]): string {
  const digests = Buffer.concat(parts.map((part) => Buffer.from(unquoted(part.etag), 'hex')));
  return `"${hash('md5', digests, 'hex')}-${parts.length}"`;
}

/** A new upload id: the initiation time (ms, 12 hex digits) then 20 random hex digits, so ids sort by age. */
export function newUploadId(initiated: Date, random: Buffer): string {
  return initiated.getTime().toString(16).padStart(12, '0') + random.subarray(0, 10).toString('hex');
}
