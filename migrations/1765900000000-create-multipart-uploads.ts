import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Multipart uploads of the object store: an upload (the object's key and headers, fixed when it is
 * created) and the parts uploaded so far.
 *
 * - Parts are bytes like objects' content: out of line, uncompressed (`STORAGE EXTERNAL`), each at
 *   most 64 MiB, the largest object this store keeps.
 * - Parts go with their upload (`ON DELETE CASCADE`): completing or aborting an upload deletes its
 *   row and so every part. Uploads go with their bucket: DeleteBucket of a bucket without objects
 *   drops the uploads still in progress there.
 * - `ix_storage_multipart_uploads_key` serves ListMultipartUploads, ordered by key, then by upload
 *   id, which begins with the initiation time (so by initiation, S3's order): the key and upload-id
 *   markers are one range.
 */
export class CreateMultipartUploads1765900000000 implements MigrationInterface {
  name = 'CreateMultipartUploads1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE storage_multipart_uploads (
        upload_id        text COLLATE "C" NOT NULL,
        bucket           text COLLATE "C" NOT NULL,
        key              text COLLATE "C" NOT NULL,
        initiated        timestamptz NOT NULL,
        initiator        text NOT NULL,
        content_type     text NOT NULL,
        headers          jsonb NOT NULL,
        user_metadata    jsonb NOT NULL,
        CONSTRAINT pk_storage_multipart_uploads PRIMARY KEY (upload_id),
        CONSTRAINT fk_storage_multipart_uploads_bucket FOREIGN KEY (bucket)
          REFERENCES storage_buckets (name) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX ix_storage_multipart_uploads_key ON storage_multipart_uploads (bucket, key, upload_id)`,
    );
    await q.query(`
      CREATE TABLE storage_multipart_parts (
        upload_id        text COLLATE "C" NOT NULL,
        part_number      integer NOT NULL,
        size             bigint NOT NULL,
        etag             text NOT NULL,
        last_modified    timestamptz NOT NULL,
        content          bytea NOT NULL,
        CONSTRAINT pk_storage_multipart_parts PRIMARY KEY (upload_id, part_number),
        CONSTRAINT fk_storage_multipart_parts_upload FOREIGN KEY (upload_id)
          REFERENCES storage_multipart_uploads (upload_id) ON DELETE CASCADE,
        CONSTRAINT ck_storage_multipart_parts_number CHECK (part_number BETWEEN 1 AND 10000),
        CONSTRAINT ck_storage_multipart_parts_size CHECK (size = octet_length(content) AND size <= 67108864)
      )`);
    await q.query(`ALTER TABLE storage_multipart_parts ALTER COLUMN content SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE storage_multipart_parts`);
    await q.query(`DROP TABLE storage_multipart_uploads`);
  }
}
