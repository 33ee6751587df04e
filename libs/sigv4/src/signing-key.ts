import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto';
import { SCOPE_TERMINATOR } from './canonical';

/** A key as a KeyObject is several times faster to HMAC with than the same bytes (no key import per call). */
export function hmacSha256(key: string | Buffer | KeyObject, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function deriveSigningKey(
  secretAccessKey: string,
  date: string,
  region: string,
  service: string,
): Buffer {
  const dateKey = hmacSha256(`AWS4${secretAccessKey}`, date);
  const regionKey = hmacSha256(dateKey, region);
  const serviceKey = hmacSha256(regionKey, service);
  return hmacSha256(serviceKey, SCOPE_TERMINATOR);
}

/** A derived signing key: its bytes, and the same key imported once for the HMAC of every request. */
export interface DerivedSigningKey {
  readonly bytes: Buffer;
  readonly object: KeyObject;
}

/**
 * A bounded LRU of derived signing keys, one per (secret, day, Region, service): the four-HMAC
 * derivation (and the key's import) then runs once a day per credential and scope instead of on
 * every request.
 *
 * Entries are keyed by a SHA-256 digest of the secret and scope, never by the secret itself, and
 * live in a private field, so neither `util.inspect`, a logger nor `JSON.stringify` can print a
 * secret or a derived key from this object.
 */
export class SigningKeyCache {
  readonly #entries = new Map<string, DerivedSigningKey>();

  constructor(readonly maxEntries = 1024) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`SigningKeyCache maxEntries must be a positive integer, got ${maxEntries}`);
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
    return this.derived(secretAccessKey, date, region, service).bytes;
  }

  derived(secretAccessKey: string, date: string, region: string, service: string): DerivedSigningKey {
    // JSON framing keeps distinct tuples distinct whatever characters the parts contain.
    const id = hash('sha256', JSON.stringify([secretAccessKey, date, region, service]), 'base64');
    const cached = this.#entries.get(id);
    if (cached) {
      // Re-insert to mark it most recently used: a Map iterates in insertion order.
      this.#entries.delete(id);
      this.#entries.set(id, cached);
      return cached;
    }
    const bytes = deriveSigningKey(secretAccessKey, date, region, service);
    const key = { bytes, object: createSecretKey(bytes) };
    this.#entries.set(id, key);
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    return key;
  }
}
