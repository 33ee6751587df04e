import { Client } from 'pg';

/**
 * Tables that change on calls by design: the event history and the job outbox on every call, and
 * the digest signing keys, which a Region gets on first use (ListPublicKeys, a read, makes its current key).
 */
const WRITTEN_BY_EVERY_CALL = new Set([
  'events',
  'event_resources',
  'job_outbox',
  'schema_migrations',
  'digest_signing_keys',
]);

/** The table a partition belongs to, by name (`events_p20261207` → `events`); the name itself otherwise. */
function partitionParent(table: string): string {
  return table.replace(/_(p\d{8}|default)$/, '');
}

/** A fingerprint of each table: its row count and a hash of its rows. */
export type Snapshot = ReadonlyMap<string, { readonly rows: number; readonly hash: string }>;

/**
 * Reads the app's state back through a direct PostgreSQL connection: every table of the public
 * schema (found at start, so new tables are covered) except those written by every call.
 */
export class StateReader {
  private constructor(
    private readonly client: Client,
    readonly tables: readonly string[],
    private readonly query: string,
  ) {}

  static async connect(databaseUrl: string): Promise<StateReader> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    // The event tables' day partitions (`events_p…`, `event_resources_p…`) and default partitions too.
    const tables = rows
      .map((r) => r.table_name)
      .filter((t) => !WRITTEN_BY_EVERY_CALL.has(t) && !WRITTEN_BY_EVERY_CALL.has(partitionParent(t)));
    const query = tables
      .map(
        (table) =>
          `SELECT '${table}' AS name, count(*)::int AS rows,
                  coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS hash
             FROM "${table}" t`,
      )
      .join(' UNION ALL ');
    return new StateReader(client, tables, query);
  }

  async snapshot(): Promise<Snapshot> {
    const { rows } = await this.client.query<{ name: string; rows: number; hash: string }>(this.query);
    return new Map(rows.map((r) => [r.name, { rows: r.rows, hash: r.hash }]));
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** Tables whose content differs, with their row counts before → after. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = [];
  for (const [table, was] of before) {
    const now = after.get(table);
    if (!now || now.hash !== was.hash) changed.push(`${table} (${was.rows} → ${now?.rows ?? '?'} rows)`);
  }
  return changed;
}
