import { compareKeys, prefixUpperBound } from './key-order';

/** S3's default and largest page of ListObjects. */
export const MAX_LIST_KEYS = 1000;

/** A listing request, after the transport's parameters were checked. */
export interface ListingQuery {
  readonly prefix: string;
  /** Keys with this string after the prefix roll up into one common prefix; empty means none. */
  readonly delimiter?: string;
  /** List only entries after this one (marker, start-after or continuation token); exclusive. */
  readonly after?: string;
  /** 0 to 1000: keys and common prefixes together. */
  readonly maxKeys: number;
}

/**
 * One read of the key index: up to `limit` keys that start with `prefix`, in byte order, after
 * `after` (exclusive) or from `from` (inclusive). The store answers it with one index range scan.
 */
export interface KeyPageRequest {
  readonly prefix: string;
  readonly after?: string;
  readonly from?: string;
  readonly limit: number;
}

export type KeyPageReader<T extends { readonly key: string }> = (
  request: KeyPageRequest,
) => Promise<readonly T[]>;

export interface ListingPage<T> {
  readonly contents: readonly T[];
  readonly commonPrefixes: readonly string[];
  readonly isTruncated: boolean;
  /** The last key or common prefix of the page: the next page starts after it (NextMarker). */
  readonly lastEntry?: string;
}

/** The common prefix `key` rolls up into under `prefix` and `delimiter`, if any. */
export function commonPrefixOf(key: string, prefix: string, delimiter: string): string | undefined {
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

/**
 * ListObjects' semantics (v1 and v2 alike) over a key index read in pages: keys that start with
 * the prefix, in UTF-8 byte order, after the marker; with a delimiter, the keys that contain it
 * after the prefix are rolled up into common prefixes, each listed once and counted against
 * max-keys like a key. An entry (key or common prefix) is listed only if it sorts after the
 * marker, so a page that ended on a common prefix continues past all of its keys. Once a common
 * prefix is listed the reader seeks past it instead of reading its keys.
 */
export async function collectListing<T extends { readonly key: string }>(
  query: ListingQuery,
  readPage: KeyPageReader<T>,
): Promise<ListingPage<T>> {
  const delimiter = query.delimiter === '' ? undefined : query.delimiter;
  const contents: T[] = [];
  const commonPrefixes: string[] = [];
  let lastEntry: string | undefined;
  if (query.maxKeys === 0) return { contents, commonPrefixes, isTruncated: false };

  let position: Pick<KeyPageRequest, 'after' | 'from'> = { after: query.after };
  for (;;) {
    const limit = query.maxKeys - contents.length - commonPrefixes.length + 1;
    const rows = await readPage({ prefix: query.prefix, ...position, limit });
    let rolledUp: string | undefined;
    for (const row of rows) {
      if (rolledUp !== undefined && row.key.startsWith(rolledUp)) continue;
      const commonPrefix =
        delimiter === undefined ? undefined : commonPrefixOf(row.key, query.prefix, delimiter);
      rolledUp = commonPrefix;
      if (
        commonPrefix !== undefined &&
        query.after !== undefined &&
        compareKeys(commonPrefix, query.after) <= 0
      ) {
        continue;
      }
      if (contents.length + commonPrefixes.length === query.maxKeys) {
        return { contents, commonPrefixes, isTruncated: true, lastEntry };
      }
      if (commonPrefix === undefined) contents.push(row);
      else commonPrefixes.push(commonPrefix);
      lastEntry = commonPrefix ?? row.key;
    }
    if (rows.length < limit) return { contents, commonPrefixes, isTruncated: false, lastEntry };
    const lastKey = rows[rows.length - 1].key;
    if (rolledUp !== undefined && lastKey.startsWith(rolledUp)) {
      const from = prefixUpperBound(rolledUp);
      if (from === undefined) return { contents, commonPrefixes, isTruncated: false, lastEntry };
      position = { from };
    } else {
      position = { after: lastKey };
    }
  }
}
