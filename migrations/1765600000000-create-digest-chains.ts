import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Digest chains (delivery.md §4): per (trail, account, Region) the start of its next digest and the
 * link to its last one (none after the chain restarts). `delivered_digests` records every digest
 * written (GetTrailStatus, integrity reports). No foreign key to trails: DeleteTrail's final
 * digests are written after the trail is gone.
 */
export class CreateDigestChains1765600000000 implements MigrationInterface {
  name = 'CreateDigestChains1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE digest_chains (
        trail_id       uuid NOT NULL,
        account_id     char(12) NOT NULL,
        region         text NOT NULL,
        next_start     timestamptz NOT NULL,
        last_bucket    text,
        last_key       text,
        last_sha256    char(64),
        last_signature text,
        CONSTRAINT pk_digest_chains PRIMARY KEY (trail_id, account_id, region)
      )`);
    await q.query(`
      CREATE TABLE delivered_digests (
        trail_id     uuid NOT NULL,
        account_id   char(12) NOT NULL,
        region       text NOT NULL,
        bucket       text NOT NULL,
        key          text NOT NULL,
        start_time   timestamptz NOT NULL,
        end_time     timestamptz NOT NULL,
        delivered_at timestamptz NOT NULL,
        log_files    integer NOT NULL,
        CONSTRAINT pk_delivered_digests PRIMARY KEY (trail_id, account_id, region, end_time)
      )`);
    await q.query(`
      CREATE TABLE staged_digests (
        trail_id   uuid NOT NULL,
        bucket     text NOT NULL,
        key        text NOT NULL,
        body       bytea NOT NULL,
        metadata   jsonb NOT NULL,
        CONSTRAINT pk_staged_digests PRIMARY KEY (trail_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staged_digests`);
    await q.query(`DROP TABLE delivered_digests`);
    await q.query(`DROP TABLE digest_chains`);
  }
}
