import { type MigrationInterface, type QueryRunner } from 'typeorm';

const COLUMNS = `event_id, account_id, region, event_time, event_name, event_source, read_only, username,
  access_key_id, error_code, request_id, record, management, organization_id, txid, seq`;
const RESOURCE_COLUMNS = 'event_id, account_id, region, event_time, resource_type, resource_name, is_arn';

/**
 * Partitions the event history by UTC day (RANGE on `event_time`): retention drops whole days
 * (detach and drop, constant time, no dead rows), and LookupEvents and delivery, which always bound
 * `event_time`, scan only the days they ask for. Daily rather than monthly: a 90-day history is ~92
 * partitions per table, and a day is what retention removes at once. A DEFAULT partition catches
 * rows for days not created yet (clock skew, old imported records); creating a day's partition moves
 * its rows out of it. `events_ensure_partition` and `events_drop_partitions_before` are what the
 * periodic tasks call. The foreign key from `event_resources` to `events` goes: a resource row is
 * written in the statement (or transaction) of its event and lives in the same day's partition, and
 * retention drops both days together; a key across partitions would make each drop scan for
 * references. The lookup indexes skip data events (`WHERE management`), which LookupEvents never shows.
 */
export class PartitionEventsByDay1765800000000 implements MigrationInterface {
  name = 'PartitionEventsByDay1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE events RENAME TO events_unpartitioned`);
    await q.query(`ALTER TABLE event_resources RENAME TO event_resources_unpartitioned`);
    // A plain sequence: identity columns on partitioned tables need PostgreSQL 17.
    await q.query(`CREATE SEQUENCE events_recording_seq AS bigint`);
    await q.query(
      `SELECT setval('events_recording_seq', coalesce((SELECT max(seq) FROM events_unpartitioned), 0) + 1, false)`,
    );
    await q.query(`
      CREATE TABLE events (
        event_id        uuid NOT NULL,
        account_id      char(12) NOT NULL,
        region          text NOT NULL,
        event_time      timestamptz NOT NULL,
        event_name      text NOT NULL,
        event_source    text NOT NULL,
        read_only       boolean NOT NULL,
        username        text,
        access_key_id   text,
        error_code      text,
        request_id      text NOT NULL,
        record          jsonb NOT NULL,
        management      boolean NOT NULL DEFAULT true,
        organization_id text,
        txid            xid8 NOT NULL DEFAULT pg_current_xact_id(),
        seq             bigint NOT NULL DEFAULT nextval('events_recording_seq')
      ) PARTITION BY RANGE (event_time)`);
    await q.query(`ALTER SEQUENCE events_recording_seq OWNED BY events.seq`);
    await q.query(`
      CREATE TABLE event_resources (
        event_id      uuid NOT NULL,
        account_id    char(12) NOT NULL,
        region        text NOT NULL,
        event_time    timestamptz NOT NULL,
        resource_type text NOT NULL,
        resource_name text NOT NULL,
        is_arn        boolean NOT NULL
      ) PARTITION BY RANGE (event_time)`);
    await q.query(`CREATE TABLE events_default PARTITION OF events DEFAULT`);
    await q.query(`CREATE TABLE event_resources_default PARTITION OF event_resources DEFAULT`);
    await q.query(`
      CREATE FUNCTION events_ensure_partition(day date) RETURNS boolean LANGUAGE plpgsql AS $$
      DECLARE
        parent text;
        part text;
        low timestamptz := day::timestamp AT TIME ZONE 'UTC';
        high timestamptz := (day + 1)::timestamp AT TIME ZONE 'UTC';
        created boolean := false;
      BEGIN
        FOREACH parent IN ARRAY ARRAY['events', 'event_resources'] LOOP
          part := parent || '_p' || to_char(day, 'YYYYMMDD');
          CONTINUE WHEN to_regclass(part) IS NOT NULL;
          EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS)', part, parent);
          PERFORM set_config('trailplane.retention', 'on', true);
          EXECUTE format(
            'WITH moved AS (DELETE FROM %I WHERE event_time >= %L AND event_time < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
            parent || '_default', low, high, part);
          PERFORM set_config('trailplane.retention', 'off', true);
          EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, low, high);
          created := true;
        END LOOP;
        RETURN created;
      END $$`);
    await q.query(`
      CREATE FUNCTION events_drop_partitions_before(cutoff timestamptz) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        child record;
        dropped integer := 0;
      BEGIN
        -- Resources first: they belong to the events of the same day.
        FOR child IN
          SELECT c.relname, p.relname AS parent
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
           WHERE p.relname IN ('event_resources', 'events') AND c.relname ~ '_p[0-9]{8}$'
             AND (to_date(right(c.relname, 8), 'YYYYMMDD') + 1)::timestamp AT TIME ZONE 'UTC' <= cutoff
           ORDER BY p.relname = 'events', c.relname
        LOOP
          EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', child.parent, child.relname);
          EXECUTE format('DROP TABLE %I', child.relname);
          IF child.parent = 'events' THEN dropped := dropped + 1; END IF;
        END LOOP;
        PERFORM set_config('trailplane.retention', 'on', true);
        DELETE FROM event_resources_default WHERE event_time < cutoff;
        DELETE FROM events_default WHERE event_time < cutoff;
        PERFORM set_config('trailplane.retention', 'off', true);
        RETURN dropped;
      END $$`);
    // Days that hold rows still within retention, through tomorrow; older rows land in the default
    // partition, which the next retention run empties.
    await q.query(`
      SELECT events_ensure_partition(day::date)
        FROM generate_series(
               date_trunc('day', least(coalesce((SELECT min(event_time) FROM events_unpartitioned
                                                  WHERE event_time > now() - interval '91 days'), now()), now())
                                 AT TIME ZONE 'UTC'),
               (now() + interval '1 day') AT TIME ZONE 'UTC',
               interval '1 day') AS day`);
    await q.query(`INSERT INTO events (${COLUMNS}) SELECT ${COLUMNS} FROM events_unpartitioned`);
    await q.query(
      `INSERT INTO event_resources (${RESOURCE_COLUMNS}) SELECT ${RESOURCE_COLUMNS} FROM event_resources_unpartitioned`,
    );
    await q.query(`DROP TABLE event_resources_unpartitioned`);
    await q.query(`DROP TABLE events_unpartitioned`);
    // A retried record carries its eventTime: (event_id, event_time) still identifies it.
    await q.query(`ALTER TABLE events ADD CONSTRAINT pk_events PRIMARY KEY (event_id, event_time)`);
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
      await q.query(`CREATE INDEX ${name} ON events (${columns}) WHERE management`);
    }
    await q.query(`CREATE INDEX ix_events_delivery_account ON events (account_id, txid, seq)`);
    await q.query(
      `CREATE INDEX ix_events_delivery_organization ON events (organization_id, txid, seq) WHERE organization_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_event_resources_name ON event_resources (account_id, region, resource_name, event_time DESC, event_id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_event_resources_type ON event_resources (account_id, region, resource_type, event_time DESC, event_id DESC) WHERE is_arn`,
    );
    // Row triggers reach every partition, present and future; the statement triggers on the parents
    // also refuse a statement that matches no row, and TRUNCATE.
    await q.query(`
      CREATE FUNCTION events_append_only_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('trailplane.retention', true), '') <> 'on' THEN
          RAISE EXCEPTION 'events are append-only: % refused on %', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const table of ['events', 'event_resources']) {
      await q.query(
        `CREATE TRIGGER tr_${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()`,
      );
      await q.query(
        `CREATE TRIGGER tr_${table}_append_only_row BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION events_append_only_row()`,
      );
      await q.query(
        `CREATE TRIGGER tr_${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()`,
      );
    }
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'trailplane_app') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON events, event_resources FROM trailplane_app;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE events RENAME TO events_partitioned`);
    await q.query(`ALTER TABLE event_resources RENAME TO event_resources_partitioned`);
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
        management    boolean NOT NULL DEFAULT true,
        organization_id text,
        txid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
        seq           bigint GENERATED ALWAYS AS IDENTITY
      )`);
    await q.query(
      `INSERT INTO events (${COLUMNS}) OVERRIDING SYSTEM VALUE SELECT ${COLUMNS} FROM events_partitioned`,
    );
    await q.query(
      `SELECT setval(pg_get_serial_sequence('events', 'seq'), coalesce((SELECT max(seq) FROM events), 0) + 1, false)`,
    );
    await q.query(`
      CREATE TABLE event_resources (
        event_id      uuid NOT NULL,
        account_id    char(12) NOT NULL,
        region        text NOT NULL,
        event_time    timestamptz NOT NULL,
        resource_type text NOT NULL,
        resource_name text NOT NULL,
        is_arn        boolean NOT NULL
      )`);
    await q.query(
      `INSERT INTO event_resources (${RESOURCE_COLUMNS}) SELECT ${RESOURCE_COLUMNS} FROM event_resources_partitioned`,
    );
    await q.query(`DROP TABLE event_resources_partitioned`);
    await q.query(`DROP TABLE events_partitioned`);
    await q.query(`DROP FUNCTION events_append_only_row()`);
    await q.query(`DROP FUNCTION events_drop_partitions_before(timestamptz)`);
    await q.query(`DROP FUNCTION events_ensure_partition(date)`);
    await q.query(`ALTER TABLE events ADD CONSTRAINT pk_events PRIMARY KEY (event_id)`);
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
    await q.query(`CREATE INDEX ix_events_delivery_account ON events (account_id, txid, seq)`);
    await q.query(
      `CREATE INDEX ix_events_delivery_organization ON events (organization_id, txid, seq) WHERE organization_id IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE event_resources ADD CONSTRAINT fk_event_resources_event FOREIGN KEY (event_id) REFERENCES events (event_id) ON DELETE CASCADE`,
    );
    await q.query(
      `CREATE INDEX ix_event_resources_name ON event_resources (account_id, region, resource_name, event_time DESC, event_id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_event_resources_type ON event_resources (account_id, region, resource_type, event_time DESC, event_id DESC) WHERE is_arn`,
    );
    await q.query(`CREATE INDEX ix_event_resources_event ON event_resources (event_id)`);
    for (const table of ['events', 'event_resources']) {
      await q.query(
        `CREATE TRIGGER tr_${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()`,
      );
      await q.query(
        `CREATE TRIGGER tr_${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION events_append_only()`,
      );
    }
  }
}
