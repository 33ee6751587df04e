import { compareKeys, prefixUpperBound } from './key-order';
import { commonPrefixOf } from './object-listing';

/**
 * One read of the upload index: up to `limit` uploads whose key starts with `prefix`, by key then
 * upload id, after (`keyMarker`, `uploadIdMarker`) or after `keyMarker` alone (exclusive), or
 * from key `from` (inclusive).
 */
export interface UploadPageRequest {
  readonly prefix: string;
  readonly keyMarker?: string;
  readonly uploadIdMarker?: string;
  readonly from?: string;
  readonly limit: number;
}

export interface UploadListingQuery {
  readonly prefix: string;
  readonly delimiter?: string;
  readonly keyMarker?: string;
  /** Counts only with a key marker, as in S3. */
  readonly uploadIdMarker?: string;
  readonly maxUploads: number;
}

export interface UploadListingPage<T> {
  readonly uploads: readonly T[];
  readonly commonPrefixes: readonly string[];
  readonly isTruncated: boolean;
  /** Where the next page starts (NextKeyMarker, NextUploadIdMarker): the last entry listed. */
  readonly next?: { readonly keyMarker: string; readonly uploadIdMarker?: string };
}

type Upload = { readonly key: string; readonly uploadId: string };

/**
 * ListMultipartUploads' semantics over the upload index read in pages: uploads by key then
 * initiation after the markers; with a delimiter, keys that contain it after the prefix roll up
 * into common prefixes, each listed once (unless at or before the key marker: listed on an
 * earlier page) and counted against max-uploads like an upload. A common prefix is skipped with
 * one seek past it, not read upload by upload.
 */
export async function collectUploads<T extends Upload>(
  query: UploadListingQuery,
  readPage: (request: UploadPageRequest) => Promise<readonly T[]>,
): Promise<UploadListingPage<T>> {
  const delimiter = query.delimiter === '' ? undefined : query.delimiter;
  const uploads: T[] = [];
  const commonPrefixes: string[] = [];
  let next: UploadListingPage<T>['next'];
  const full = () => uploads.length + commonPrefixes.length === query.maxUploads;
  if (query.maxUploads === 0) return { uploads, commonPrefixes, isTruncated: false };
  let position: Omit<UploadPageRequest, 'prefix' | 'limit'> =
    query.keyMarker === undefined ? {} : { keyMarker: query.keyMarker, uploadIdMarker: query.uploadIdMarker };
  for (;;) {
    const limit = query.maxUploads - uploads.length - commonPrefixes.length + 1;
    const rows = await readPage({ prefix: query.prefix, ...position, limit });
    let seek: string | undefined;
    for (const row of rows) {
      const commonPrefix =
        delimiter === undefined ? undefined : commonPrefixOf(row.key, query.prefix, delimiter);
      const listedBefore =
        commonPrefix !== undefined &&
        query.keyMarker !== undefined &&
        compareKeys(commonPrefix, query.keyMarker) <= 0;
      if (!listedBefore && full()) return { uploads, commonPrefixes, isTruncated: true, next };
      if (commonPrefix === undefined) {
        uploads.push(row);
        next = { keyMarker: row.key, uploadIdMarker: row.uploadId };
        position = next;
        continue;
      }
      if (!listedBefore) {
        commonPrefixes.push(commonPrefix);
        next = { keyMarker: commonPrefix };
      }
      seek = prefixUpperBound(commonPrefix);
      if (seek === undefined) return { uploads, commonPrefixes, isTruncated: false, next };
      position = { from: seek };
      break;
    }
    if (seek === undefined && rows.length < limit)
      return { uploads, commonPrefixes, isTruncated: false, next };
  }
}
