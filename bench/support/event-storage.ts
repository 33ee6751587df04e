import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { type EventWorld, loadEvents } from './event-load';
import { benchLog, fmt, type Row, row } from './report';

/**
 * What the event history costs on disk (issue 16): bytes per stored event over every partition of
 * `events` and `event_resources` (heap, TOAST and indexes), the same events in the schema as it was
 * before partitioning (migrations 1764000000005 and 1765400000000, re-created beside it), and the
 * size of each event's CloudTrail record as gzipped JSON, the yardstick; and what removing one day
 * of them costs.
 */

const log = benchLog('events');

/** Bytes of every partition of the events tables (heap, TOAST, indexes), and the events stored. */
export async function storedBytes(db: Client): Promise<{ bytes: number; events: number }> {
  const { rows } = await db.query<{ bytes: string; events: string }>(
    `SELECT (SELECT sum(pg_total_relation_size(i.inhrelid))
               FROM pg_inherits i WHERE i.inhparent IN ('events'::regclass, 'event_resources'::regclass)) AS bytes,
            (SELECT count(*) FROM events) AS events`,
  );
  return { bytes: Number(rows[0].bytes), events: Number(rows[0].events) };
}

/** The mean size of a record as gzipped JSON, over a sample of about `sample` stored events. */
export async function gzippedRecordBytes(db: Client, events: number, sample = 5_000): Promise<number> {
  const percent = Math.min(100, (100 * sample) / Math.max(1, events));
  const { rows } = await db.query<{ record: string }>(
    `SELECT events_record(e)::text AS record FROM events e TABLESAMPLE BERNOULLI ($1) LIMIT $2`,
    [percent, sample],
  );
  return rows.reduce((sum, r) => sum + gzipSync(r.record).length, 0) / Math.max(1, rows.length);
}

const LEGACY_LOOKUPS = ['', 'event_name, ', 'event_source, ', 'read_only, ', 'username, ', 'access_key_id, '];

/**
 * The same events (whole records) in the schema from before partitioning: one table, a full
 * lookup index per attribute, a retention index, a foreign key from the resources. Loaded, then
 * indexed, as the bench loads its own tables; dropped after measuring. Answers its bytes.
 */
export async function legacyBytes(db: Client): Promise<number> {
  await db.query(`
    CREATE TABLE legacy_events (
      event_id uuid PRIMARY KEY, account_id char(12) NOT NULL, region text NOT NULL,
      event_time timestamptz NOT NULL, event_name text NOT NULL, event_source text NOT NULL,
      read_only boolean NOT NULL, username text, access_key_id text, error_code text,
      request_id text NOT NULL, record jsonb NOT NULL, management boolean NOT NULL DEFAULT true,
      organization_id text, txid xid8 NOT NULL, seq bigint GENERATED ALWAYS AS IDENTITY)`);
  await db.query(`
    CREATE TABLE legacy_event_resources (
      event_id uuid NOT NULL, account_id char(12) NOT NULL, region text NOT NULL,
      event_time timestamptz NOT NULL, resource_type text NOT NULL, resource_name text NOT NULL,
      is_arn boolean NOT NULL)`);
  try {
    await db.query(`
      INSERT INTO legacy_events (event_id, account_id, region, event_time, event_name, event_source, read_only,
                                 username, access_key_id, error_code, request_id, record, management,
                                 organization_id, txid)
      SELECT event_id, account_id, region, event_time, event_name, event_source, read_only, username,
             access_key_id, error_code, request_id, events_record(e), management, organization_id, txid
        FROM events e ORDER BY seq`);
    await db.query(`
      INSERT INTO legacy_event_resources SELECT event_id, account_id, region, event_time, resource_type,
             resource_name, is_arn FROM event_resources`);
    for (const [k, column] of LEGACY_LOOKUPS.entries()) {
      await db.query(
        `CREATE INDEX legacy_ix_lookup_${k} ON legacy_events (account_id, region, ${column}event_time DESC, event_id DESC)`,
      );
    }
    await db.query(`CREATE INDEX legacy_ix_retention ON legacy_events (event_time)`);
    await db.query(`CREATE INDEX legacy_ix_delivery_account ON legacy_events (account_id, txid, seq)`);
    await db.query(
      `CREATE INDEX legacy_ix_delivery_organization ON legacy_events (organization_id, txid, seq) WHERE organization_id IS NOT NULL`,
    );
    await db.query(
      `ALTER TABLE legacy_event_resources ADD FOREIGN KEY (event_id) REFERENCES legacy_events (event_id) ON DELETE CASCADE`,
    );
    await db.query(
      `CREATE INDEX legacy_ix_resources_name ON legacy_event_resources (account_id, region, resource_name, event_time DESC, event_id DESC)`,
    );
    await db.query(
      `CREATE INDEX legacy_ix_resources_type ON legacy_event_resources (account_id, region, resource_type, event_time DESC, event_id DESC) WHERE is_arn`,
    );
    await db.query(`CREATE INDEX legacy_ix_resources_event ON legacy_event_resources (event_id)`);
    await db.query(`ANALYZE legacy_events, legacy_event_resources`);
    const { rows } = await db.query<{ bytes: string }>(
      `SELECT pg_total_relation_size('legacy_events') + pg_total_relation_size('legacy_event_resources') AS bytes`,
    );
    return Number(rows[0].bytes);
  } finally {
    await db.query(`DROP TABLE legacy_event_resources, legacy_events`);
  }
}

/**
 * Retention of one day of `events` events: loads them into a day older than the loaded history (87
 * days back, inside the 90 days the app's own retention keeps, so it cannot drop it first), then
 * times what the retention task runs: events_detach_partitions_before in one transaction (the day
 * leaves the history), then events_drop_detached_partitions in the next (its files go).
 */
export async function retentionOfOneDay(
  databaseUrl: string,
  db: Client,
  of: { readonly accounts: readonly string[]; readonly regions: readonly string[]; readonly events: number },
): Promise<Row[]> {
  const now = new Date();
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 87);
  const date = new Date(day).toISOString().slice(0, 10);
  const world: EventWorld = {
    accounts: of.accounts,
    regions: of.regions,
    total: of.events,
    startMs: day + 1,
    stepMs: (86_400_000 - 2) / of.events,
  };
  await db.query(`SELECT events_ensure_partition($1::date)`, [date]);
  const loaders = await Promise.all(
    [0, 1].map(async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const t0 = performance.now();
  try {
    await loadEvents(loaders, world, () => undefined);
  } finally {
    await Promise.all(loaders.map((client) => client.end()));
  }
  const { rows: counted } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM events_p${date.replaceAll('-', '')}`,
  );
  const loaded = Number(counted[0].n);
  log(`retention day: ${fmt(loaded)} events loaded in ${fmt((performance.now() - t0) / 1000)} s`);
  const t1 = performance.now();
  await db.query('BEGIN');
  await db.query(`SET LOCAL lock_timeout = '2s'`);
  const { rows } = await db.query<{ detached: number }>(
    `SELECT events_detach_partitions_before($1) AS detached`,
    [new Date(day + 86_400_000)],
  );
  await db.query('COMMIT');
  const detachMs = performance.now() - t1;
  const t2 = performance.now();
  const { rows: dropped } = await db.query<{ dropped: number }>(
    `SELECT events_drop_detached_partitions() AS dropped`,
  );
  const dropMs = performance.now() - t2;
  return [
    row(
      `Retention of one day of ${fmt(loaded)} events: its partitions detached, out of the history, one transaction (ms; ${rows[0].detached} day)`,
      detachMs,
      '1,000 ms (the goal)',
      detachMs / 1000,
      { atMost: 1 },
    ),
    row(
      `  then its ${dropped[0].dropped} detached tables dropped in a transaction of their own, locking only them (ms: PostgreSQL unlinking the files)`,
      dropMs,
      'none',
    ),
  ];
}
