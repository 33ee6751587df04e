import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Fields of a record that repeat its own columns, with the bit of `stripped` that marks them left
 * out and the jsonb that puts them back. The writer (storedRecord in libs/events) leaves a field out
 * only when it equals that value exactly, so `events_record` gives the same jsonb, and so the same
 * text, as was recorded.
 */
const REPEATED: ReadonlyArray<readonly [string, number, string]> = [
  ['eventID', 1, `to_jsonb(e.event_id::text)`],
  // to_jsonb of a timestamp is ISO 8601 whatever DateStyle says, and far cheaper than to_char.
  [
    'eventTime',
    2,
    `to_jsonb((to_jsonb(date_trunc('second', e.event_time AT TIME ZONE 'UTC')) #>> '{}') || 'Z')`,
  ],
  ['eventName', 4, `to_jsonb(e.event_name)`],
  ['eventSource', 8, `to_jsonb(e.event_source)`],
  ['awsRegion', 16, `to_jsonb(e.region)`],
  ['requestID', 32, `to_jsonb(e.request_id)`],
  ['readOnly', 64, `to_jsonb(e.read_only)`],
  ['recipientAccountId', 128, `to_jsonb(e.account_id::text)`],
  ['managementEvent', 256, `to_jsonb(e.management)`],
  ['eventCategory', 512, `to_jsonb(CASE WHEN e.management THEN 'Management' ELSE 'Data' END)`],
  ['errorCode', 1024, `to_jsonb(e.error_code)`],
  ['eventVersion', 2048, `'"1.11"'::jsonb`],
];

/** The lookup indexes: name, table, hashed value, predicate. */
const LOOKUP_INDEXES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['ix_events_name', 'events', 'event_name', 'management'],
  ['ix_events_source', 'events', 'event_source', 'management'],
  ['ix_events_read_only', 'events', 'read_only::text', 'management'],
  ['ix_events_username', 'events', 'username', 'management'],
  ['ix_events_access_key', 'events', 'access_key_id', 'management'],
  ['ix_event_resources_name', 'event_resources', 'resource_name', ''],
  ['ix_event_resources_type', 'event_resources', 'resource_type', 'is_arn'],
];

const where = (predicate: string): string => (predicate ? ` WHERE ${predicate}` : '');

/**
 * Fewer bytes per stored event (issue 16). A record is ~1 kB of jsonb, too short for PostgreSQL to
 * compress (it compresses only rows over ~2 kB, whatever toast_tuple_target says), so:
 *
 * - the record no longer repeats its own columns: the writer leaves out the fields equal to a
 *   column (or to what `management` implies), `stripped` says which, and `events_record(e)` puts
 *   them back. Rows stored whole (`stripped` 0: rows from before, any other writer) stay as they are.
 * - each lookup index keys on one 8-byte hash of (account, Region, value) instead of the three
 *   columns: ~45 bytes an entry instead of ~90. A hash is only where to look: queries still compare
 *   the columns, so a collision costs a row read, never a wrong answer.
 * - no index of all events in time order: ReadOnly is true or false, so its index holds every
 *   management event, and an unfiltered page merges the newest of its two halves.
 */
export class NarrowEventStorage1765950000000 implements MigrationInterface {
  name = 'NarrowEventStorage1765950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE events ADD COLUMN stripped smallint NOT NULL DEFAULT 0`);
    const restored = REPEATED.map(
      ([field, bit, value]) => `'${field}', CASE WHEN e.stripped & ${bit} <> 0 THEN ${value} END`,
    ).join(',\n               ');
    await q.query(`
      CREATE FUNCTION events_record(e events) RETURNS jsonb LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN e.stripped = 0 THEN e.record
               ELSE jsonb_strip_nulls(jsonb_build_object(
               ${restored})) || e.record END
      $$`);
    await q.query(`
      CREATE FUNCTION events_lookup_key(account_id char(12), region text, value text) RETURNS bigint
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT hashtextextended(account_id::text || '/' || region || '/' || value, 0)
      $$`);
    await q.query(`DROP INDEX ix_events_time`);
    for (const [name, table, value, predicate] of LOOKUP_INDEXES) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(
        `CREATE INDEX ${name} ON ${table} (events_lookup_key(account_id, region, ${value}), event_time DESC, event_id DESC)${where(predicate)}`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, table, value, predicate] of LOOKUP_INDEXES) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(
        `CREATE INDEX ${name} ON ${table} (account_id, region, ${value.replace('::text', '')}, event_time DESC, event_id DESC)${where(predicate)}`,
      );
    }
    await q.query(
      `CREATE INDEX ix_events_time ON events (account_id, region, event_time DESC, event_id DESC) WHERE management`,
    );
    await q.query(`SET LOCAL trailplane.retention = 'on'`);
    await q.query(`UPDATE events e SET record = events_record(e) WHERE stripped <> 0`);
    await q.query(`SET LOCAL trailplane.retention = 'off'`);
    await q.query(`DROP FUNCTION events_lookup_key(char, text, text)`);
    await q.query(`DROP FUNCTION events_record(events)`);
    await q.query(`ALTER TABLE events DROP COLUMN stripped`);
  }
}
