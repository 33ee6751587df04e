import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The day partitions of both event tables (`events_p20261207`, `event_resources_p20261207`). */
const DAY_PARTITION = `'^(events|event_resources)_p[0-9]{8}$'`;

/**
 * Retention in two steps. Detaching an expired day takes the event tables' exclusive lock, and the
 * transaction that also dropped the day held it while its COMMIT unlinked the files (seconds for a
 * day of a million events), stopping every insert and lookup meanwhile. The day now leaves the
 * history in a transaction of its own (catalog work only), and its tables are dropped in a later
 * one, which locks nothing but them; a crash in between leaves detached tables the next run drops.
 */
export class DetachExpiredEventDays1766000000000 implements MigrationInterface {
  name = 'DetachExpiredEventDays1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION events_drop_partitions_before(timestamptz)`);
    await q.query(`
      CREATE FUNCTION events_detach_partitions_before(cutoff timestamptz) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        child record;
        detached integer := 0;
      BEGIN
        -- Resources first: they belong to the events of the same day.
        FOR child IN
          SELECT c.relname, p.relname AS parent
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
           WHERE p.relname IN ('event_resources', 'events') AND c.relname ~ ${DAY_PARTITION}
             AND (to_date(right(c.relname, 8), 'YYYYMMDD') + 1)::timestamp AT TIME ZONE 'UTC' <= cutoff
           ORDER BY p.relname = 'events', c.relname
        LOOP
          EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', child.parent, child.relname);
          IF child.parent = 'events' THEN detached := detached + 1; END IF;
        END LOOP;
        PERFORM set_config('trailplane.retention', 'on', true);
        DELETE FROM event_resources_default WHERE event_time < cutoff;
        DELETE FROM events_default WHERE event_time < cutoff;
        PERFORM set_config('trailplane.retention', 'off', true);
        RETURN detached;
      END $$`);
    await q.query(`
      CREATE FUNCTION events_drop_detached_partitions() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        day_table record;
        dropped integer := 0;
      BEGIN
        FOR day_table IN
          SELECT c.relname FROM pg_class c
           WHERE c.relkind = 'r' AND c.relname ~ ${DAY_PARTITION}
             AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
             AND NOT EXISTS (SELECT FROM pg_inherits i WHERE i.inhrelid = c.oid)
           ORDER BY c.relname
        LOOP
          EXECUTE format('DROP TABLE %I', day_table.relname);
          dropped := dropped + 1;
        END LOOP;
        RETURN dropped;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT events_drop_detached_partitions()`);
    await q.query(`DROP FUNCTION events_drop_detached_partitions()`);
    await q.query(`DROP FUNCTION events_detach_partitions_before(timestamptz)`);
    await q.query(`
      CREATE FUNCTION events_drop_partitions_before(cutoff timestamptz) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        child record;
        dropped integer := 0;
      BEGIN
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
  }
}
