import { MAX_LIST_KEYS } from './object-listing';
import { isStorableText } from './object-limits';
import { type ListingEncoding } from './operation-results';
import { InvalidArgumentError } from './storage.errors';

const MAX_INT32 = 2 ** 31 - 1;

/** The max-keys query parameter as S3 reads it; undefined when absent. */
export function parseMaxKeys(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d{1,10}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(value) || value > MAX_INT32) {
    throw new InvalidArgumentError(
      'Provided max-keys not an integer or within integer range',
      'max-keys',
      raw,
    );
  }
  return value;
}

/** max-keys checked and capped: S3 answers at most 1000 entries whatever is asked. */
export function effectiveMaxKeys(maxKeys: number | undefined): number {
  if (maxKeys === undefined) return MAX_LIST_KEYS;
  if (!Number.isInteger(maxKeys) || maxKeys < 0 || maxKeys > MAX_INT32) {
    throw new InvalidArgumentError(
      'Argument maxKeys must be an integer between 0 and 2147483647',
      'maxKeys',
      String(maxKeys),
    );
  }
  return Math.min(maxKeys, MAX_LIST_KEYS);
}

export function listingEncoding(encodingType: string | undefined): ListingEncoding | undefined {
  if (encodingType === undefined) return undefined;
  if (encodingType !== 'url') {
    throw new InvalidArgumentError(
      'Invalid Encoding Method specified in Request',
      'encoding-type',
      encodingType,
    );
  }
  return encodingType;
}

/** prefix, delimiter, marker and start-after must be text the store can compare (no NUL …). */
export function assertListingText(name: string, value: string | undefined): void {
  if (value !== undefined && !isStorableText(value)) {
    throw new InvalidArgumentError(`The ${name} parameter contains characters that are not supported.`, name);
  }
}
