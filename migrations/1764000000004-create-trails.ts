import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateTrails1764000000004 implements MigrationInterface {
  name = 'CreateTrails1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE trails (
        id                             uuid NOT NULL,
        owner_account_id               char(12) NOT NULL,
        name                           text NOT NULL,
        home_region                    text NOT NULL,
        arn                            text NOT NULL,
        s3_bucket_name                 text NOT NULL,
        s3_key_prefix                  text,
        sns_topic_arn                  text,
        include_global_service_events  boolean NOT NULL,
        is_multi_region                boolean NOT NULL,
        log_file_validation_enabled    boolean NOT NULL,
        cloud_watch_logs_log_group_arn text,
        cloud_watch_logs_role_arn      text,
        kms_key_id                     text,
        is_organization_trail          boolean NOT NULL,
        organization_id                text,
        event_selectors                jsonb NOT NULL,
        has_custom_event_selectors     boolean NOT NULL DEFAULT false,
        insight_selectors              jsonb NOT NULL DEFAULT '[]',
        tags                           jsonb NOT NULL DEFAULT '[]',
        is_logging                     boolean NOT NULL DEFAULT false,
        start_logging_time             timestamptz,
        stop_logging_time              timestamptz,
        generation                     integer NOT NULL DEFAULT 1,
        observed_generation            integer NOT NULL DEFAULT 0,
        propagation_error              text,
        propagation_failed_at          timestamptz,
        created_at                     timestamptz NOT NULL DEFAULT now(),
        updated_at                     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_trails PRIMARY KEY (id),
        CONSTRAINT uq_trails_arn UNIQUE (arn),
        CONSTRAINT uq_trails_owner_region_name UNIQUE (owner_account_id, home_region, name),
        CONSTRAINT fk_trails_owner FOREIGN KEY (owner_account_id) REFERENCES accounts (id),
        CONSTRAINT fk_trails_home_region FOREIGN KEY (home_region) REFERENCES regions (name),
        CONSTRAINT fk_trails_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE SET NULL,
        CONSTRAINT ck_trails_organization CHECK (organization_id IS NULL OR is_organization_trail)
      )`);
    await q.query(`CREATE INDEX ix_trails_owner ON trails (owner_account_id, name)`);
    await q.query(
      `CREATE INDEX ix_trails_organization ON trails (organization_id) WHERE is_organization_trail`,
    );
    await q.query(`CREATE INDEX ix_trails_multi_region ON trails (id) WHERE is_multi_region`);
    await q.query(
      `CREATE INDEX ix_trails_stale ON trails (updated_at) WHERE generation > observed_generation`,
    );
    // A replica is the trail's presence in one account and Region; settings are read from the trail.
    await q.query(`
      CREATE TABLE trail_replicas (
        trail_id   uuid NOT NULL,
        account_id char(12) NOT NULL,
        region     text NOT NULL,
        generation integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_trail_replicas PRIMARY KEY (trail_id, account_id, region),
        CONSTRAINT fk_trail_replicas_trail FOREIGN KEY (trail_id) REFERENCES trails (id) ON DELETE CASCADE,
        CONSTRAINT fk_trail_replicas_account FOREIGN KEY (account_id) REFERENCES accounts (id),
        CONSTRAINT fk_trail_replicas_region FOREIGN KEY (region) REFERENCES regions (name)
      )`);
    await q.query(
      `CREATE INDEX ix_trail_replicas_account_region ON trail_replicas (account_id, region, trail_id)`,
    );
    await q.query(`CREATE INDEX ix_trail_replicas_region ON trail_replicas (region)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE trail_replicas`);
    await q.query(`DROP TABLE trails`);
  }
}
