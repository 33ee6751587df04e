import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The event history: one row per API call (the full CloudTrail record in `record`), with the
 * columns LookupEvents filters on, each indexed with the time order it pages in. Append-only:
 * statement triggers refuse UPDATE, DELETE and TRUNCATE unless the retention job marks its
 * transaction (`SET LOCAL trailplane.retention = 'on'`).
 */
export class CreateEvents1764000000005 implements MigrationInterface {
  name = 'CreateEvents1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        event_id      uuid NOT NULL,
        account_id    char(12) NOT NULL,
        region        text NOT NULL,
        event_time    timestamptz NOT NULL,
        event_name    text NOT NULL,
        event_source  text NOT NULL,
        read_only     boolean NOT NULL,
        username      text,
        access_key_id text,
        error_code    text,
        request_id    text NOT NULL,
        record        jsonb NOT NULL,
        CONSTRAINT pk_events PRIMARY KEY (event_id)
      )`);
    for (const [name, column] of [
      ['ix_events_time', null],
      ['ix_events_name', 'event_name'],
      ['ix_events_source', 'event_source'],
      ['ix_events_read_only', 'read_only'],
      ['ix_events_username', 'username'],
      ['ix_events_access_key', 'access_key_id'],
    ] as const) {
      const columns = column
        ? `account_id, region, ${column}, event_time DESC, event_id DESC`
        : 'account_id, region, event_time DESC, event_id DESC';
      await q.query(`CREATE INDEX ${name} ON events (${columns})`);
    }
    await q.query(`CREATE INDEX ix_events_retention ON events (event_time)`);
    await q.query(`
      CREATE TABLE event_resources (
        event_id      uuid NOT NULL,
        account_id    char(12) NOT NULL,
        region        text NOT NULL,
        event_time    timestamptz NOT NULL,
        resource_type text NOT NULL,
        -- Each resource is findable by its ARN (is_arn) and by its own name.
        resource_name text NOT NULL,
        is_arn        boolean NOT NULL,
        CONSTRAINT fk_event_resources_event FOREIGN KEY (event_id) REFERENCES events (event_id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX ix_event_resources_name ON event_resources (account_id, region, resource_name, event_time DESC, event_id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_event_resources_type ON event_resources (account_id, region, resource_type, event_time DESC, event_id DESC) WHERE is_arn`,
    );
    await q.query(`CREATE INDEX ix_event_resources_event ON event_resources (event_id)`);
    await q.query(`
      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('trailplane.retention', true), '') <> 'on' THEN
          RAISE EXCEPTION 'events are append-only: % refused on %', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['events', 'event_resources']) {
      await q.query(
        `CREATE TRIGGER tr_${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()`,
      );
      await q.query(
        `CREATE TRIGGER tr_${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()`,
      );
    }
    // Where the application connects as a dedicated role, take the privileges away as well.
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trailplane_app') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON events, event_resources FROM trailplane_app;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_resources`);
    await q.query(`DROP TABLE events`);
    await q.query(`DROP FUNCTION events_append_only()`);
  }
}
