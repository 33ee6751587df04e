import {
  type DigestScope,
  digestFolder,
  digestKeyPattern,
  digestKeyTimestamp,
  digestObjectKey,
  isBackfillDigestKey,
} from '../domain/digest-scope';
import { formatKeyTimestamp, parseKeyTimestamp } from '../domain/digest-time';
import { type IntegrityObjectReader } from './integrity-ports';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/** The digest keys of one chain in a range, oldest first, split into regular and backfill digests. */
export interface DigestKeys {
  readonly standard: string[];
  readonly backfill: string[];
}

/**
 * The validator's listing: under the chain's folder, after the key a digest ending a minute before
 * `start` would have, the keys of this trail whose timestamp (the 16 characters before `.json.gz`)
 * is from `start` to an hour past `end`, compared as text. Listing stops at the first later key.
 * Keys whose timestamp is not a time are passed over (the validator would fail on them).
 */
export async function listDigestKeys(
  reader: IntegrityObjectReader,
  scope: DigestScope,
  bucket: string,
  start: Date,
  end: Date,
): Promise<DigestKeys> {
  const keys: DigestKeys = { standard: [], backfill: [] };
  const marker = digestObjectKey(scope, new Date(start.getTime() - MINUTE_MS));
  const first = formatKeyTimestamp(start);
  const last = formatKeyTimestamp(new Date(end.getTime() + HOUR_MS));
  const pattern = digestKeyPattern(scope);
  for await (const key of reader.list(bucket, digestFolder(scope), marker)) {
    if (!pattern.test(key)) continue;
    const stamp = digestKeyTimestamp(key);
    if (stamp > last) break;
    if (stamp < first || parseKeyTimestamp(stamp) === undefined) continue;
    (isBackfillDigestKey(key) ? keys.backfill : keys.standard).push(key);
  }
  return keys;
}

/** The key's end time, read from its name. */
export function digestKeyTime(key: string): Date | undefined {
  return parseKeyTimestamp(digestKeyTimestamp(key));
}

/**
 * Takes the newest key off `keys`, or with `before` the newest one whose time is earlier than
 * `before`'s (newer ones are dropped on the way), as the validator walks its list.
 */
export function takeLastDigestKey(keys: string[], before?: string): { key: string; time: Date } | undefined {
  const limit = before === undefined ? undefined : digestKeyTime(before);
  if (before !== undefined && limit === undefined) return undefined;
  for (let key = keys.pop(); key !== undefined; key = keys.pop()) {
    const time = digestKeyTime(key) as Date;
    if (limit === undefined || time < limit) return { key, time };
  }
  return undefined;
}
