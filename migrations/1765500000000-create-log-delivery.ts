import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Log delivery (delivery.md §1–§3). `trail_logging_periods`: when each trail was logging, and the
 * transaction horizon at its start (no later event is below it). `trail_delivery_state`: per trail,
 * the position in the event history up to which every event was handled, and the GetTrailStatus
 * members. `delivered_log_files`: every file delivered (the digests and the deliveries listing read
 * them). `staged_log_files`: files planned for an external store, kept until their upload succeeded.
 */
export class CreateLogDelivery1765500000000 implements MigrationInterface {
  name = 'CreateLogDelivery1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE trail_logging_periods (
        trail_id   uuid NOT NULL,
        started_at timestamptz NOT NULL,
        stopped_at timestamptz,
        start_txid xid8 NOT NULL DEFAULT pg_snapshot_xmin(pg_current_snapshot()),
        CONSTRAINT pk_trail_logging_periods PRIMARY KEY (trail_id, started_at),
        CONSTRAINT fk_trail_logging_periods_trail FOREIGN KEY (trail_id) REFERENCES trails (id) ON DELETE CASCADE
      )`);
    await q.query(
      `INSERT INTO trail_logging_periods (trail_id, started_at) SELECT id, coalesce(start_logging_time, now()) FROM trails WHERE is_logging`,
    );
    await q.query(`
      CREATE TABLE trail_delivery_state (
        trail_id        uuid PRIMARY KEY,
        cursor_txid     xid8 NOT NULL,
        cursor_seq      bigint NOT NULL,
        latest_delivery_time              timestamptz,
        latest_delivery_error             text,
        latest_delivery_attempt_time      timestamptz,
        latest_delivery_attempt_succeeded boolean,
        latest_digest_delivery_time       timestamptz,
        latest_digest_delivery_error      text,
        CONSTRAINT fk_trail_delivery_state_trail FOREIGN KEY (trail_id) REFERENCES trails (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE delivered_log_files (
        trail_id          uuid NOT NULL,
        account_id        char(12) NOT NULL,
        region            text NOT NULL,
        bucket            text NOT NULL,
        key               text NOT NULL,
        delivered_at      timestamptz NOT NULL,
        records           integer NOT NULL,
        bytes             integer NOT NULL,
        sha256            char(64) NOT NULL,
        oldest_event_time timestamptz NOT NULL,
        newest_event_time timestamptz NOT NULL,
        CONSTRAINT pk_delivered_log_files PRIMARY KEY (trail_id, key)
      )`);
    await q.query(
      `CREATE INDEX ix_delivered_log_files_place ON delivered_log_files (trail_id, account_id, region, delivered_at)`,
    );
    await q.query(`
      CREATE TABLE staged_log_files (
        trail_id          uuid NOT NULL,
        account_id        char(12) NOT NULL,
        region            text NOT NULL,
        bucket            text NOT NULL,
        key               text NOT NULL,
        delivered_at      timestamptz NOT NULL,
        records           integer NOT NULL,
        sha256            char(64) NOT NULL,
        oldest_event_time timestamptz NOT NULL,
        newest_event_time timestamptz NOT NULL,
        body              bytea NOT NULL,
        CONSTRAINT pk_staged_log_files PRIMARY KEY (trail_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staged_log_files`);
    await q.query(`DROP TABLE delivered_log_files`);
    await q.query(`DROP TABLE trail_delivery_state`);
    await q.query(`DROP TABLE trail_logging_periods`);
  }
}
