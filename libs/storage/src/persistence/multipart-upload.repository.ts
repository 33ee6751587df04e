import { Injectable } from '@nestjs/common';
import { isForeignKeyViolation, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { prefixUpperBound } from '../domain/key-order';
import { type UploadedPart } from '../domain/multipart';
import { type MultipartUploadSummary } from '../domain/operation-results';
import { type UploadPageRequest } from '../domain/upload-listing';
import { NoSuchBucketError } from '../domain/storage.errors';
import { type ObjectHeaders } from '../domain/stored-object';

/** An upload in progress with the headers its object will have. */
export interface MultipartUpload extends MultipartUploadSummary {
  readonly headers: ObjectHeaders;
  readonly userMetadata: Readonly<Record<string, string>>;
}

export interface NewPart extends UploadedPart {
  readonly content: Buffer;
}

interface UploadRow {
  upload_id: string;
  bucket: string;
  key: string;
  initiated: Date;
  initiator: string;
  content_type: string;
  headers: Omit<ObjectHeaders, 'contentType'>;
  user_metadata: Record<string, string>;
}

interface PartRow {
  part_number: number;
  etag: string;
  size: string;
  last_modified: Date;
}

const UPLOAD_COLUMNS = 'upload_id, bucket, key, initiated, initiator, content_type, headers, user_metadata';
const PART_COLUMNS = 'part_number, etag, size, last_modified';

/** Multipart uploads and their parts (storage_multipart_uploads, storage_multipart_parts). */
@Injectable()
export class MultipartUploadRepository {
  /** @throws NoSuchBucketError when the bucket does not exist (or was deleted meanwhile). */
  async create(em: EntityManager, upload: MultipartUpload): Promise<void> {
    const { contentType, ...headers } = upload.headers;
    try {
      await sql(
        em,
        `INSERT INTO storage_multipart_uploads (${UPLOAD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
        [
          upload.uploadId,
          upload.bucket,
          upload.key,
          upload.initiated,
          upload.initiator,
          contentType,
          JSON.stringify(headers),
          JSON.stringify(upload.userMetadata),
        ],
      );
    } catch (error) {
      if (isForeignKeyViolation(error, 'fk_storage_multipart_uploads_bucket')) {
        throw new NoSuchBucketError(upload.bucket);
      }
      throw error;
    }
  }

  /**
   * The upload, locked until the transaction ends when `lock` is set: part uploads, completion and
   * abortion of one upload take turns, so none acts on an upload another has just ended.
   */
  async find(em: EntityManager, uploadId: string, lock = false): Promise<MultipartUpload | undefined> {
    const { rows } = await sql<UploadRow>(
      em,
      `SELECT ${UPLOAD_COLUMNS} FROM storage_multipart_uploads WHERE upload_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [uploadId],
    );
    return rows.length === 0 ? undefined : toUpload(rows[0]);
  }

  /** Stores the part, replacing any part of that number (a part uploaded again). */
  async putPart(em: EntityManager, uploadId: string, part: NewPart): Promise<void> {
    await sql(
      em,
      `INSERT INTO storage_multipart_parts (upload_id, ${PART_COLUMNS}, content) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (upload_id, part_number) DO UPDATE
         SET etag = excluded.etag, size = excluded.size, last_modified = excluded.last_modified, content = excluded.content`,
      [uploadId, part.partNumber, part.etag, part.size, part.lastModified, part.content],
    );
  }

  /** The bytes held by the upload's parts but `partNumber`. */
  async sizeOfOtherParts(em: EntityManager, uploadId: string, partNumber: number): Promise<number> {
    const { rows } = await sql<{ size: string }>(
      em,
      `SELECT coalesce(sum(size), 0) AS size FROM storage_multipart_parts WHERE upload_id = $1 AND part_number <> $2`,
      [uploadId, partNumber],
    );
    return Number(rows[0].size);
  }

  /** Up to `limit` parts numbered above `after`, by number (without their bytes). */
  async parts(em: EntityManager, uploadId: string, after = 0, limit = 10_000): Promise<UploadedPart[]> {
    const { rows } = await sql<PartRow>(
      em,
      `SELECT ${PART_COLUMNS} FROM storage_multipart_parts
        WHERE upload_id = $1 AND part_number > $2 ORDER BY part_number LIMIT $3`,
      [uploadId, after, limit],
    );
    return rows.map(toPart);
  }

  /** Deletes the upload and its parts; false when there was none. */
  async delete(em: EntityManager, uploadId: string): Promise<boolean> {
    const { rowCount } = await sql(em, `DELETE FROM storage_multipart_uploads WHERE upload_id = $1`, [
      uploadId,
    ]);
    return rowCount === 1;
  }

  /** One page of a bucket's uploads, by key then upload id (a range scan of ix_storage_multipart_uploads_key). */
  async listPage(
    em: EntityManager,
    bucket: string,
    request: UploadPageRequest,
  ): Promise<MultipartUploadSummary[]> {
    const params: unknown[] = [bucket];
    const param = (value: unknown) => `$${params.push(value)}`;
    const conditions = ['bucket = $1'];
    if (request.prefix !== '') conditions.push(`key >= ${param(request.prefix)}`);
    const upper = prefixUpperBound(request.prefix);
    if (upper !== undefined) conditions.push(`key < ${param(upper)}`);
    if (request.keyMarker !== undefined && request.uploadIdMarker !== undefined)
      conditions.push(`(key, upload_id) > (${param(request.keyMarker)}, ${param(request.uploadIdMarker)})`);
    else if (request.keyMarker !== undefined) conditions.push(`key > ${param(request.keyMarker)}`);
    if (request.from !== undefined) conditions.push(`key >= ${param(request.from)}`);
    const limit = param(request.limit);
    const { rows } = await sql<UploadRow>(
      em,
      `SELECT ${UPLOAD_COLUMNS} FROM storage_multipart_uploads WHERE ${conditions.join(' AND ')}
        ORDER BY key, upload_id LIMIT ${limit}`,
      params,
    );
    return rows.map(toUpload);
  }
}

function toUpload(row: UploadRow): MultipartUpload {
  return {
    uploadId: row.upload_id,
    bucket: row.bucket,
    key: row.key,
    initiated: row.initiated,
    initiator: row.initiator,
    headers: { ...row.headers, contentType: row.content_type },
    userMetadata: row.user_metadata,
  };
}

function toPart(row: PartRow): UploadedPart {
  return {
    partNumber: row.part_number,
    etag: row.etag,
    size: Number(row.size),
    lastModified: row.last_modified,
  };
}
