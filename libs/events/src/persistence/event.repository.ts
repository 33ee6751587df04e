import { Injectable } from '@nestjs/common';
import { advisoryLockKeys, jsonbArrayParameter, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type CloudTrailRecord, type StoredEvent } from '../domain/event-record';
import { storedRecord } from '../domain/stored-record';
import { type LookupQuery, MAX_LOOKUP_VALUE_LENGTH } from '../domain/lookup-query';
import { type EventCursor, lookupSql } from './event-lookup.sql';

export { type EventCursor } from './event-lookup.sql';

export interface FoundEvent {
  readonly eventTime: Date;
  readonly username: string | null;
  readonly record: CloudTrailRecord;
}

interface LookupRow {
  readonly event: StoredEvent;
  /** The event's time in ISO form, formatted once for all its rows. */
  readonly time: string;
  readonly type: string;
  readonly name: string;
  readonly isArn: boolean;
}

/**
 * The `events` rows of a multi-row insert as one JSON array, read back by `jsonb_to_recordset`
 * (EVENT_ROWS): each record is serialised once, inside its row, rather than serialised alone and
 * then escaped again as an element of a `jsonb[]` literal, and no column needs an array of its own.
 * Sent as bytes (jsonbArrayParameter): a full batch's text would be a string V8 builds slowly.
 */
function eventRows(events: readonly StoredEvent[]): Buffer {
  return jsonbArrayParameter(
    events.map((e) => {
      const stored = storedRecord(e);
      return {
        event_id: e.eventId,
        account_id: e.accountId,
        region: e.region,
        event_time: e.eventTime.toISOString(),
        event_name: e.eventName,
        event_source: e.eventSource,
        read_only: e.readOnly,
        username: e.username,
        access_key_id: e.accessKeyId,
        error_code: e.errorCode,
        request_id: e.requestId,
        record: stored.record,
        management: e.management,
        organization_id: e.organizationId,
        stripped: stored.stripped,
      };
    }),
  );
}

/** The `events` columns, in table order, from `eventRows`' JSON ($1). */
const EVENT_ROWS = `SELECT event_id, account_id, region, event_time, event_name, event_source, read_only, username,
                access_key_id, error_code, request_id, record, management, organization_id, stripped
           FROM jsonb_to_recordset($1::jsonb)
             AS e(event_id uuid, account_id char(12), region text, event_time timestamptz, event_name text,
                  event_source text, read_only boolean, username text, access_key_id text, error_code text,
                  request_id text, record jsonb, management boolean, organization_id text, stripped smallint)`;

/**
 * The `event_resources` rows LookupEvents finds events by: an ARN and, when it differs, a name. Data
 * events are never looked up, so they have none; nor do names longer than LookupEvents may ask for
 * (a refused request or a submitted record may name anything; the index could not hold it).
 */
function lookupRows(events: readonly StoredEvent[]): LookupRow[] {
  return events
    .filter((event) => event.management)
    .flatMap((event) => {
      const time = event.eventTime.toISOString();
      return event.resources.flatMap((r) => [
        { event, time, type: r.type, name: r.arn, isArn: true },
        ...(r.name !== r.arn && r.name !== ''
          ? [{ event, time, type: r.type, name: r.name, isArn: false }]
          : []),
      ]);
    })
    .filter((row) => Buffer.byteLength(row.name) <= MAX_LOOKUP_VALUE_LENGTH);
}

function resourceColumns(rows: readonly LookupRow[]): unknown[] {
  return [
    rows.map((r) => r.event.eventId),
    rows.map((r) => r.event.accountId),
    rows.map((r) => r.event.region),
    rows.map((r) => r.time),
    rows.map((r) => r.type),
    rows.map((r) => r.name),
    rows.map((r) => r.isArn),
  ];
}

/** The append-only event history. */
@Injectable()
export class EventRepository {
  /**
   * Inserts events and their resources in one statement (atomic without a transaction of its own):
   * one round trip per batch, which is what a buffered flush or a change's transaction waits for.
   */
  async insertMany(em: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    await em.query(
      `WITH inserted AS (
         INSERT INTO events (event_id, account_id, region, event_time, event_name, event_source, read_only,
                             username, access_key_id, error_code, request_id, record, management, organization_id,
                             stripped)
         ${EVENT_ROWS})
       INSERT INTO event_resources (event_id, account_id, region, event_time, resource_type, resource_name, is_arn)
       SELECT * FROM unnest($2::uuid[], $3::char(12)[], $4::text[], $5::timestamptz[], $6::text[], $7::text[],
                            $8::boolean[])`,
      [eventRows(events), ...resourceColumns(lookupRows(events))],
    );
  }

  /**
   * Inserts the events whose id is not stored yet, with the resources of those (management events
   * only), in one statement: a retried batch stores nothing twice. Answers how many were new.
   * The events table is partitioned by day, so its unique key must hold `event_time`: the conflict
   * target is (event_id, event_time), and a retried record carries the eventTime it had the first
   * time, so it meets its stored copy in the same partition and is still skipped.
   */
  async insertNew(em: EntityManager, events: readonly StoredEvent[]): Promise<number> {
    if (events.length === 0) return 0;

    const { rows } = await sql<{ inserted: string }>(
      em,
      `WITH inserted AS (
         INSERT INTO events (event_id, account_id, region, event_time, event_name, event_source, read_only,
                             username, access_key_id, error_code, request_id, record, management, organization_id,
                           stripped)
         ${EVENT_ROWS}
         ON CONFLICT (event_id, event_time) DO NOTHING
         RETURNING event_id, event_time),
       resources AS (
         INSERT INTO event_resources (event_id, account_id, region, event_time, resource_type, resource_name, is_arn)
         SELECT r.* FROM unnest($2::uuid[], $3::char(12)[], $4::text[], $5::timestamptz[], $6::text[],
                                $7::text[], $8::boolean[])
                         AS r(event_id, account_id, region, event_time, resource_type, resource_name, is_arn)
          WHERE (r.event_id, r.event_time) IN (SELECT event_id, event_time FROM inserted))
       SELECT count(*)::text AS inserted FROM inserted`,
      [eventRows(events), ...resourceColumns(lookupRows(events))],
    );
    return Number(rows[0]?.inserted ?? 0);
  }

  /**
   * One page of the account's events in the Region, newest first, after `cursor` (see lookupSql:
   * each lookup walks one index in time order, so a page costs the same at any table size).
   */
  async lookup(
    em: EntityManager,
    accountId: string,
    region: string,
    query: LookupQuery,
    cursor: EventCursor | undefined,
    limit: number,
  ): Promise<FoundEvent[]> {
    const page = lookupSql(accountId, region, query, cursor, limit);
    if (!page) return [];
    const { rows } = await sql<{ event_time: Date; username: string | null; record: CloudTrailRecord }>(
      em,
      page.text,
      page.values,
    );
    return rows.map((row) => ({ eventTime: row.event_time, username: row.username, record: row.record }));
  }

  /**
   * Creates the day's partitions of the events tables unless they exist (moving in any rows the
   * default partition caught for that day). Answers whether it created them. Creators of the same
   * day (every process that runs jobs ticks) take turns, so a later one finds the tables made
   * rather than colliding in the catalog; the lock is held until the caller's transaction ends.
   */
  async ensurePartition(em: EntityManager, day: string): Promise<boolean> {
    await advisoryLockKeys(em, [`event-partition/${day}`]);
    const { rows: present } = await sql<{ present: boolean }>(
      em,
      `SELECT to_regclass('events_p' || $1) IS NOT NULL AND to_regclass('event_resources_p' || $1) IS NOT NULL
                AS present`,
      [day.replaceAll('-', '')],
    );
    if (present[0]?.present) return false;
    await this.takeEventTables(em);
    const { rows } = await sql<{ created: boolean }>(
      em,
      `SELECT events_ensure_partition($1::date) AS created`,
      [day],
    );
    return rows[0]?.created ?? false;
  }

  /**
   * Retention, first step: detaches every day partition that ends at or before `cutoff` (constant
   * time per day, no dead rows), and deletes the few expired rows the default partition caught.
   * Answers how many days left the history. The tables are taken only when a day is due (about once
   * a day): taking them on every sweep stalled every request that records or reads events meanwhile.
   * Without one, nothing can become due before the function runs (partitions are made for today and
   * later), and the default partitions' expired rows are deleted under row locks alone.
   */
  async detachPartitionsBefore(em: EntityManager, cutoff: Date): Promise<number> {
    const { rows: due } = await sql<{ due: boolean }>(
      em,
      `SELECT EXISTS (
         SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
          WHERE p.relname IN ('event_resources', 'events') AND c.relname ~ '^(events|event_resources)_p[0-9]{8}$'
            AND (to_date(right(c.relname, 8), 'YYYYMMDD') + 1)::timestamp AT TIME ZONE 'UTC' <= $1) AS due`,
      [cutoff],
    );
    if (due[0]?.due) await this.takeEventTables(em);
    const { rows } = await sql<{ detached: number }>(
      em,
      `SELECT events_detach_partitions_before($1) AS detached`,
      [cutoff],
    );
    return rows[0]?.detached ?? 0;
  }

  /**
   * Partition changes take both tables whole, at once and only when free (NOWAIT: 55P03 otherwise,
   * to be retried in a new transaction). Taken piecemeal, in their own order, they deadlocked with
   * event inserts (which lock `event_resources` before `events`) and with each other; waiting
   * would also queue every request behind them.
   */
  private async takeEventTables(em: EntityManager): Promise<void> {
    await em.query(`LOCK TABLE event_resources, events IN ACCESS EXCLUSIVE MODE NOWAIT`);
  }

  /** Retention, second step: drops the detached days' tables (locking only them); how many. */
  async dropDetachedPartitions(em: EntityManager): Promise<number> {
    const { rows } = await sql<{ dropped: number }>(
      em,
      `SELECT events_drop_detached_partitions() AS dropped`,
    );
    return rows[0]?.dropped ?? 0;
  }
}
