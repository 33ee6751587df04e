import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Digests (delivery.md §4).
 * - `trail_validation_periods`: when a trail was logging with log file validation enabled. Each
 *   period starts its chains afresh; its final digests wait for the delivery of what was recorded
 *   up to `stop_txid` (the transaction that closed it).
 * - `digest_chains`: per (trail, account, Region, period) the start of the next digest, the link to
 *   the last one and, once the period or the replica is gone, when the chain ends. A finished chain
 *   stays while its period is open, so a replica that comes back restarts its chain rather than
 *   replaying the period. Chains keep what a digest key needs of the trail, because DeleteTrail's
 *   final digests are written after the trail is gone (so no foreign keys).
 * - `delivered_digests`: every digest written; `staged_digests`: those awaiting upload to an
 *   external store.
 */
export class CreateDigestChains1765600000000 implements MigrationInterface {
  name = 'CreateDigestChains1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE trail_validation_periods (
        trail_id   uuid NOT NULL,
        started_at timestamptz NOT NULL,
        stopped_at timestamptz,
        stop_txid  xid8,
        CONSTRAINT pk_trail_validation_periods PRIMARY KEY (trail_id, started_at)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_trail_validation_periods_open ON trail_validation_periods (trail_id) WHERE stopped_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE digest_chains (
        trail_id          uuid NOT NULL,
        account_id        char(12) NOT NULL,
        region            text NOT NULL,
        period_started_at timestamptz NOT NULL,
        next_start        timestamptz NOT NULL,
        ends_at           timestamptz,
        finished          boolean NOT NULL DEFAULT false,
        trail_arn         text NOT NULL,
        trail_name        text NOT NULL,
        home_region       text NOT NULL,
        owner_account_id  char(12) NOT NULL,
        organization_id   text,
        bucket            text NOT NULL,
        key_prefix        text,
        last_bucket       text,
        last_key          text,
        last_sha256       char(64),
        last_signature    text,
        CONSTRAINT pk_digest_chains PRIMARY KEY (trail_id, account_id, region, period_started_at)
      )`);
    await q.query(
      `CREATE INDEX ix_digest_chains_due ON digest_chains (trail_id, next_start) WHERE NOT finished`,
    );
    await q.query(`CREATE INDEX ix_delivered_log_files_time ON delivered_log_files (trail_id, delivered_at)`);
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
        CONSTRAINT pk_delivered_digests PRIMARY KEY (trail_id, key)
      )`);
    await q.query(`
      CREATE TABLE staged_digests (
        trail_id     uuid NOT NULL,
        account_id   char(12) NOT NULL,
        region       text NOT NULL,
        bucket       text NOT NULL,
        key          text NOT NULL,
        start_time   timestamptz NOT NULL,
        end_time     timestamptz NOT NULL,
        delivered_at timestamptz NOT NULL,
        log_files    integer NOT NULL,
        body         bytea NOT NULL,
        signature    text NOT NULL,
        CONSTRAINT pk_staged_digests PRIMARY KEY (trail_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staged_digests`);
    await q.query(`DROP TABLE delivered_digests`);
    await q.query(`DROP TABLE digest_chains`);
    await q.query(`DROP INDEX ix_delivered_log_files_time`);
    await q.query(`DROP TABLE trail_validation_periods`);
  }
}
