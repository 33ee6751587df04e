import { Injectable } from '@nestjs/common';
import { isForeignKeyViolation, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type ChecksumClaim } from '../domain/checksums';
import { compareKeys, prefixUpperBound } from '../domain/key-order';
import { type KeyPageRequest } from '../domain/object-listing';
import { type ObjectHead, type ObjectHeaders, type ObjectSummary } from '../domain/stored-object';
import { NoSuchBucketError } from '../domain/storage.errors';

interface SummaryRow {
  key: string;
  size: string;
  etag: string;
  last_modified: Date;
}

interface HeadRow extends SummaryRow {
  bucket: string;
  content_type: string;
  headers: Omit<ObjectHeaders, 'contentType'>;
  user_metadata: Record<string, string>;
  checksum: ChecksumClaim | null;
  revision: string;
}

const SUMMARY_COLUMNS = 'key, size, etag, last_modified';
/** The columns a write sets, in `objectParams` order, with the casts their parameters need. */
const WRITTEN_COLUMNS = [
  ['bucket', ''],
  ['key', ''],
  ['size', ''],
  ['etag', ''],
  ['content_type', ''],
  ['headers', '::jsonb'],
  ['user_metadata', '::jsonb'],
  ['checksum', '::jsonb'],
  ['revision', ''],
  ['last_modified', ''],
  ['content', ''],
] as const;
const UPDATED_ON_CONFLICT = WRITTEN_COLUMNS.slice(2)
  .map(([column]) => `${column} = excluded.${column}`)
  .join(', ');

/** Rows per INSERT: 500 × 11 parameters stays far below PostgreSQL's 65535. */
const UPSERT_BATCH_ROWS = 500;
const HEAD_COLUMNS = `bucket, ${SUMMARY_COLUMNS}, content_type, headers, user_metadata, checksum, revision`;

/** An object to store: its head (size and revision included) and its bytes. */
export interface NewObject {
  readonly head: ObjectHead;
  readonly content: Buffer;
}

/**
 * Objects (storage_objects). Content is read in slices with `substring`, which on uncompressed
 * out-of-line storage fetches only the TOAST chunks it covers, so a small range of a large object
 * never loads the whole object.
 */
@Injectable()
export class ObjectRepository {
  /**
   * Stores the object, replacing any object under its key (PutObject overwrites).
   * @throws NoSuchBucketError when the bucket does not exist (or was deleted meanwhile).
   */
  async put(em: EntityManager, object: NewObject): Promise<void> {
    await this.putMany(em, [object]);
  }

  /**
   * Stores the objects (distinct keys) in multi-row upserts of up to 500 rows.
   * @throws NoSuchBucketError when a bucket does not exist (or was deleted meanwhile).
   */
  async putMany(em: EntityManager, objects: readonly NewObject[]): Promise<void> {
    for (let start = 0; start < objects.length; start += UPSERT_BATCH_ROWS) {
      const batch = objects.slice(start, start + UPSERT_BATCH_ROWS);
      const params = batch.flatMap(objectParams);
      try {
        await sql(em, upsertStatement(batch.length), params);
      } catch (error) {
        if (isForeignKeyViolation(error, 'fk_storage_objects_bucket')) {
          throw new NoSuchBucketError(bucketOfViolation(error) ?? batch[0].head.bucket);
        }
        throw error;
      }
    }
  }

  /**
   * Stores the object whose content is the upload's parts `partNumbers`, concatenated in order
   * inside PostgreSQL (the bytes never come back to the application), replacing any object under
   * its key. `head.size` must be the parts' total.
   */
  async putFromParts(
    em: EntityManager,
    head: ObjectHead,
    uploadId: string,
    partNumbers: readonly number[],
  ): Promise<void> {
    const columns = WRITTEN_COLUMNS.map(([column]) => column).join(', ');
    const values = WRITTEN_COLUMNS.slice(0, -1).map(([, cast], index) => `$${index + 1}${cast}`);
    const next = values.length + 1;
    await sql(
      em,
      `INSERT INTO storage_objects (${columns})
       SELECT ${values.join(', ')}, string_agg(content, ''::bytea ORDER BY part_number)
         FROM storage_multipart_parts WHERE upload_id = $${next} AND part_number = ANY ($${next + 1}::int[])
       ON CONFLICT (bucket, key) DO UPDATE SET ${UPDATED_ON_CONFLICT}`,
      [...headParams(head), uploadId, partNumbers],
    );
  }

  async head(em: EntityManager, bucket: string, key: string): Promise<ObjectHead | undefined> {
    const { rows } = await sql<HeadRow>(
      em,
      `SELECT ${HEAD_COLUMNS} FROM storage_objects WHERE bucket = $1 AND key = $2`,
      [bucket, key],
    );
    return rows.length === 0 ? undefined : toObjectHead(rows[0]);
  }

  /** The head and the first `length` bytes, in one statement (a GET without Range). */
  async headWithStart(
    em: EntityManager,
    bucket: string,
    key: string,
    length: number,
  ): Promise<{ head: ObjectHead; start: Buffer } | undefined> {
    const { rows } = await sql<HeadRow & { start: Buffer }>(
      em,
      `SELECT ${HEAD_COLUMNS}, substring(content FROM 1 FOR $3) AS start FROM storage_objects WHERE bucket = $1 AND key = $2`,
      [bucket, key, length],
    );
    return rows.length === 0 ? undefined : { head: toObjectHead(rows[0]), start: rows[0].start };
  }

  /**
   * `length` bytes from `offset` (0-based) of the object as it was at `revision`; undefined when
   * the object was replaced or deleted since.
   */
  async readSlice(
    em: EntityManager,
    bucket: string,
    key: string,
    revision: string,
    offset: number,
    length: number,
  ): Promise<Buffer | undefined> {
    const { rows } = await sql<{ slice: Buffer }>(
      em,
      `SELECT substring(content FROM $4 FOR $5) AS slice FROM storage_objects WHERE bucket = $1 AND key = $2 AND revision = $3`,
      [bucket, key, revision, offset + 1, length],
    );
    return rows[0]?.slice;
  }

  /** True when an object was deleted. */
  async delete(em: EntityManager, bucket: string, key: string): Promise<boolean> {
    const { rowCount } = await sql(em, `DELETE FROM storage_objects WHERE bucket = $1 AND key = $2`, [
      bucket,
      key,
    ]);
    return rowCount === 1;
  }

  /** Deletes the objects under `keys` in one statement; the keys that existed. */
  async deleteMany(em: EntityManager, bucket: string, keys: readonly string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const { rows } = await sql<{ key: string }>(
      em,
      `DELETE FROM storage_objects WHERE bucket = $1 AND key = ANY ($2::text[]) RETURNING key`,
      [bucket, keys],
    );
    return rows.map((row) => row.key);
  }

  /**
   * One page of the key index (see `KeyPageRequest`): a range scan of pk_storage_objects. The
   * prefix becomes `key >= prefix AND key < upper bound`, never LIKE, whose `%` and `_` a prefix
   * may contain.
   */
  async listPage(em: EntityManager, bucket: string, request: KeyPageRequest): Promise<ObjectSummary[]> {
    const params: unknown[] = [bucket];
    const conditions = ['bucket = $1'];
    const lower = lowerBound(request);
    if (lower !== undefined) {
      params.push(lower.key);
      conditions.push(`key ${lower.inclusive ? '>=' : '>'} $${params.length}`);
    }
    const upper = prefixUpperBound(request.prefix);
    if (upper !== undefined) {
      params.push(upper);
      conditions.push(`key < $${params.length}`);
    }
    params.push(request.limit);
    const { rows } = await sql<SummaryRow>(
      em,
      `SELECT ${SUMMARY_COLUMNS} FROM storage_objects WHERE ${conditions.join(' AND ')} ORDER BY key LIMIT $${params.length}`,
      params,
    );
    return rows.map(toObjectSummary);
  }
}

/** A multi-row upsert of `rowCount` objects, parameters in `objectParams` order, row after row. */
function upsertStatement(rowCount: number): string {
  const rows = Array.from({ length: rowCount }, (_, row) => {
    const first = row * WRITTEN_COLUMNS.length + 1;
    return `(${WRITTEN_COLUMNS.map(([, cast], column) => `$${first + column}${cast}`).join(', ')})`;
  });
  return `INSERT INTO storage_objects (${WRITTEN_COLUMNS.map(([column]) => column).join(', ')})
    VALUES ${rows.join(', ')} ON CONFLICT (bucket, key) DO UPDATE SET ${UPDATED_ON_CONFLICT}`;
}

function objectParams({ head, content }: NewObject): unknown[] {
  return [...headParams(head), content];
}

/** The parameters of every written column but the content, in `WRITTEN_COLUMNS` order. */
function headParams(head: ObjectHead): unknown[] {
  const headers: Omit<ObjectHeaders, 'contentType'> = {
    contentEncoding: head.contentEncoding,
    contentDisposition: head.contentDisposition,
    contentLanguage: head.contentLanguage,
    cacheControl: head.cacheControl,
    expires: head.expires,
  };
  return [
    head.bucket,
    head.key,
    head.size,
    head.etag,
    head.contentType,
    JSON.stringify(headers),
    JSON.stringify(head.userMetadata),
    head.checksum === undefined ? null : JSON.stringify(head.checksum),
    head.revision,
    head.lastModified,
  ];
}

/** The bucket named in a foreign key violation's detail: `Key (bucket)=(name) is not present …`. */
function bucketOfViolation(error: unknown): string | undefined {
  const detail = (error as { driverError?: { detail?: string }; detail?: string }).driverError?.detail;
  return /^Key \(bucket\)=\((.*)\) is not present/.exec(detail ?? '')?.[1];
}

/** The tightest of the request's lower bounds: after (exclusive), from and prefix (inclusive). */
function lowerBound(request: KeyPageRequest): { key: string; inclusive: boolean } | undefined {
  const candidates: Array<{ key: string; inclusive: boolean }> = [];
  if (request.prefix !== '') candidates.push({ key: request.prefix, inclusive: true });
  if (request.from !== undefined) candidates.push({ key: request.from, inclusive: true });
  if (request.after !== undefined) candidates.push({ key: request.after, inclusive: false });
  return candidates.reduce<{ key: string; inclusive: boolean } | undefined>((tightest, candidate) => {
    if (tightest === undefined) return candidate;
    const order = compareKeys(candidate.key, tightest.key);
    return order > 0 || (order === 0 && !candidate.inclusive) ? candidate : tightest;
  }, undefined);
}

function toObjectSummary(row: SummaryRow): ObjectSummary {
  return { key: row.key, size: Number(row.size), etag: row.etag, lastModified: row.last_modified };
}

function toObjectHead(row: HeadRow): ObjectHead {
  return {
    ...row.headers,
    ...toObjectSummary(row),
    bucket: row.bucket,
    contentType: row.content_type,
    userMetadata: row.user_metadata,
    ...(row.checksum === null ? {} : { checksum: row.checksum }),
    revision: row.revision,
  };
}
