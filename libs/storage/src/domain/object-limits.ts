import {
  EntityTooLargeError,
  InvalidArgumentError,
  KeyTooLongError,
  MetadataTooLargeError,
} from './storage.errors';

/** S3's limit on key length, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;
/**
 * This store's limit on one object, put whole or completed from parts (larger files belong in an
 * external store, §6.3).
 */
export const MAX_OBJECT_SIZE = 64 * 1024 * 1024;
/** S3's limit on user-defined metadata: names (without `x-amz-meta-`) plus values, in UTF-8 bytes. */
export const MAX_USER_METADATA_BYTES = 2048;

const METADATA_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const HEADER_UNSAFE = /[\r\n\0]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A key S3 would accept and PostgreSQL can store: 1 to 1024 UTF-8 bytes, well-formed Unicode (a lone
 * surrogate would be stored as U+FFFD, another key) and no NUL, which `text` cannot hold.
 */
export function assertObjectKey(key: string): void {
  if (key.length === 0) throw new InvalidArgumentError('Object key must not be empty.', 'key', key);
  const size = Buffer.byteLength(key, 'utf8');
  if (size > MAX_KEY_BYTES) throw new KeyTooLongError(size, MAX_KEY_BYTES);
  if (!isStorableText(key)) {
    throw new InvalidArgumentError('Object key contains characters that are not supported.', 'key');
  }
}

/** Well-formed Unicode without NUL: what PostgreSQL `text` stores unchanged. */
export function isStorableText(value: string): boolean {
  return !value.includes('\0') && !LONE_SURROGATE.test(value);
}

export function assertObjectSize(size: number): void {
  if (size > MAX_OBJECT_SIZE) throw new EntityTooLargeError(size, MAX_OBJECT_SIZE);
}

/**
 * User metadata as stored: names lower-cased (HTTP header names are case-insensitive), values
 * that can be sent back as header values, and at most 2 KB in all.
 */
export function normalizeUserMetadata(metadata: Readonly<Record<string, string>>): Record<string, string> {
  const normalized: Record<string, string> = {};
  let size = 0;
  for (const [rawName, value] of Object.entries(metadata)) {
    const name = rawName.toLowerCase();
    if (!METADATA_NAME.test(name)) {
      throw new InvalidArgumentError('Metadata name is not a valid HTTP header name.', `x-amz-meta-${name}`);
    }
    if (HEADER_UNSAFE.test(value) || LONE_SURROGATE.test(value)) {
      throw new InvalidArgumentError(
        'Metadata value is not a valid HTTP header value.',
        `x-amz-meta-${name}`,
      );
    }
    normalized[name] = value;
    size += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(value, 'utf8');
  }
  if (size > MAX_USER_METADATA_BYTES) throw new MetadataTooLargeError(size, MAX_USER_METADATA_BYTES);
  return normalized;
}
