import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The built-in S3-compatible object store (delivery.md §6): buckets and their objects.
 *
 * - Bucket names are global (the primary key); a bucket belongs to the account that created it,
 *   and its policy is versioned from one sequence, so a version never repeats across buckets or
 *   after a bucket is deleted and created again (it keys a compiled-policy cache).
 * - Keys sort as S3 lists them, by UTF-8 bytes: `COLLATE "C"`, so the primary key serves every
 *   listing (`key > marker`, `key >= prefix AND key < upper bound`) with one index range scan.
 * - Content (at most 64 MiB) is stored out of line without compression (`STORAGE EXTERNAL`): log
 *   files arrive gzipped already, and uncompressed TOAST lets `substring(content FROM … FOR …)`
 *   fetch only the chunks a range read needs instead of detoasting the whole value.
 * - The foreign key from objects to their bucket makes DeleteBucket of a non-empty bucket, and a
 *   PutObject racing a DeleteBucket, fail inside PostgreSQL rather than in a check done earlier.
 */
export class CreateObjectStore1765000000000 implements MigrationInterface {
  name = 'CreateObjectStore1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE storage_bucket_policy_versions AS bigint`);
    await q.query(`
      CREATE TABLE storage_buckets (
        name             text COLLATE "C" NOT NULL,
        owner_account_id char(12) NOT NULL,
        region           text NOT NULL,
        created_at       timestamptz NOT NULL,
        policy           text,
        policy_version   bigint,
        CONSTRAINT pk_storage_buckets PRIMARY KEY (name),
        CONSTRAINT fk_storage_buckets_owner FOREIGN KEY (owner_account_id) REFERENCES accounts (id),
        CONSTRAINT fk_storage_buckets_region FOREIGN KEY (region) REFERENCES regions (name),
        CONSTRAINT ck_storage_buckets_policy CHECK ((policy IS NULL) = (policy_version IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_storage_buckets_owner ON storage_buckets (owner_account_id, name)`);
    await q.query(`
      CREATE TABLE storage_objects (
        bucket           text COLLATE "C" NOT NULL,
        key              text COLLATE "C" NOT NULL,
        size             bigint NOT NULL,
        etag             text NOT NULL,
        content_type     text NOT NULL,
        headers          jsonb NOT NULL,
        user_metadata    jsonb NOT NULL,
        checksum         jsonb,
        revision         uuid NOT NULL,
        last_modified    timestamptz NOT NULL,
        content          bytea NOT NULL,
        CONSTRAINT pk_storage_objects PRIMARY KEY (bucket, key),
        CONSTRAINT fk_storage_objects_bucket FOREIGN KEY (bucket) REFERENCES storage_buckets (name),
        CONSTRAINT ck_storage_objects_size CHECK (size = octet_length(content) AND size <= 67108864)
      )`);
    await q.query(`ALTER TABLE storage_objects ALTER COLUMN content SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE storage_objects`);
    await q.query(`DROP TABLE storage_buckets`);
    await q.query(`DROP SEQUENCE storage_bucket_policy_versions`);
  }
}
