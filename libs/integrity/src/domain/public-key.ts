import { createHash } from 'node:crypto';
import { InvalidTimeRangeError } from './integrity.errors';

/** A Region's digest signing public key as ListPublicKeys answers it. */
export interface PublicKeyRecord {
  /** PKCS#1 `RSAPublicKey`, DER (the wire's `Value`, base64 there). */
  readonly publicKeyDer: Buffer;
  /** Lowercase hex MD5 of `publicKeyDer`. */
  readonly fingerprint: string;
  readonly validityStartTime: Date;
  readonly validityEndTime: Date;
}

export interface TimeRange {
  readonly start: Date;
  readonly end: Date;
}

/** The fingerprint CloudTrail gives a public key: lowercase hex MD5 of its PKCS#1 DER bytes. */
export function publicKeyFingerprint(publicKeyDer: Buffer): string {
  return createHash('md5').update(publicKeyDer).digest('hex');
}

/**
 * ListPublicKeys' range: each bound defaults to now (so no range means "the current key"); an end
 * in the future is fine (the validator asks up to two hours past its own end); start after end is
 * `InvalidTimeRangeException`.
 */
export function publicKeyRange(input: { startTime?: Date; endTime?: Date }, now: Date): TimeRange {
  const range = { start: input.startTime ?? now, end: input.endTime ?? now };
  if (Number.isNaN(range.start.getTime()) || Number.isNaN(range.end.getTime()) || range.start > range.end) {
    throw new InvalidTimeRangeError();
  }
  return range;
}

/** Whether a key's validity [start, end] shares at least an instant with the range (bounds included). */
export function validityOverlaps(
  key: Pick<PublicKeyRecord, 'validityStartTime' | 'validityEndTime'>,
  range: TimeRange,
): boolean {
  return key.validityStartTime <= range.end && key.validityEndTime >= range.start;
}
