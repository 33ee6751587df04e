/**
 * `npm run bench:events` (issue 6; PERFORMANCE.md P8, P9): a script, not a timed test. Boots the API
 * and an in-process BullMQ worker on a fresh database, creates 100 accounts through the API, then:
 *
 * 1. bulk-loads EVENTS_BENCH_ROWS events (default 1,000,000) across those 100 accounts and 5
 *    Regions (generated inside PostgreSQL, keys and indexes rebuilt after the load; see
 *    support/event-load.ts), after checking that the estimated size fits the disk; then the stored
 *    bytes per event over every partition (heap, TOAST, indexes) against the record as gzipped
 *    JSON, and against the same events in the pre-partitioning schema (support/event-storage.ts);
 * 2. P9: LookupEvents latency p50/p95/p99 over HTTP (AWS JSON, SigV4 as each account's root, through
 *    the real use case; MaxResults 50) for every lookup attribute and for unfiltered first and next
 *    pages, each request against the raw SQL of the same page (same query, one pooled connection),
 *    sample by sample over random accounts and Regions;
 * 3. P8: GetTrail throughput with and without event recording (the recording seam stubbed out in
 *    the running API for one variant), and the write path's capacity: events/s through the
 *    API's EventRecorder (buffered, bulk-inserted) against multi-row INSERT of the same event rows
 *    and single-row INSERTs from 10 clients, into the same loaded tables;
 * 4. retention of one day of EVENTS_BENCH_ROWS events (detach and drop its partitions).
 *
 * Each figure is the median of 3 interleaved repetitions after a warm-up. The bench database is
 * dropped at the end. Environment: EVENTS_BENCH_ROWS, EVENTS_BENCH_SAMPLES (lookups per case and
 * repetition, default 200), EVENTS_BENCH_RECORDER (events through the recorder, default 50,000),
 * BENCH_SECONDS (autocannon run, default 4), BENCH_CONNECTIONS (default 16).
 */
import { randomUUID } from 'node:crypto';
import { statfsSync } from 'node:fs';
import { type ApiCall, buildEvent, EventRecorder, type StoredEvent, storedRecord } from '@app/events';
import { type Principal } from '@app/platform';
import { Client, Pool } from 'pg';
import { BENCH_OPERATOR, type BenchApp, type BenchCredentials, startBenchApp } from './support/bench-app';
import { type Cell, multiRowInsert, singleRowInserts } from './support/bulk-baseline';
import {
  accessKeyOf,
  createEventPartitions,
  dropEventIndexes,
  eventIdOf,
  type EventWorld,
  loadEvents,
} from './support/event-load';
import { gzippedRecordBytes, legacyBytes, retentionOfOneDay, storedBytes } from './support/event-storage';
import { createAccount, mapConcurrently } from './support/fixtures';
import { autocannonLoad, medianFigures } from './support/http-load';
import {
  benchLog,
  fmt,
  interleaved,
  loadAverage,
  median,
  percentile,
  printReport,
  REPETITIONS,
  type Row,
  row,
  runMain,
} from './support/report';
import { cloudTrailHeaders, expectStatus, SignedClient } from './support/signed-client';
import { stub } from './support/stub';

const log = benchLog('events');
const ROWS = Number(process.env.EVENTS_BENCH_ROWS ?? 1_000_000);
const SAMPLES = Number(process.env.EVENTS_BENCH_SAMPLES ?? 200);
const RECORDER_EVENTS = Number(process.env.EVENTS_BENCH_RECORDER ?? 50_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ACCOUNTS = 100;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'];
/**
 * Disk per loaded event, with a margin: the events (≈ 1.5 kB with indexes and resources), the same
 * events in the pre-partitioning schema (≈ 2.3 kB, dropped after measuring) and the retention day.
 */
const BYTES_PER_EVENT = 6_000;
const EVENT_COLUMNS = [
  'event_id',
  'account_id',
  'region',
  'event_time',
  'event_name',
  'event_source',
  'read_only',
  'username',
  'access_key_id',
  'error_code',
  'request_id',
  'record',
  'stripped',
] as const;
const RESOURCE_COLUMNS = [
  'event_id',
  'account_id',
  'region',
  'event_time',
  'resource_type',
  'resource_name',
  'is_arn',
] as const;

async function main(): Promise<void> {
  const load = loadAverage();
  const started = Date.now();
  const app = await startBenchApp();
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  const operator = new SignedClient(app.url, BENCH_OPERATOR, REGIONS[0]);
  try {
    await checkDisk(db);
    const accounts = await mapConcurrently(
      Array.from({ length: ACCOUNTS }, (_, i) => i),
      8,
      (i) => createAccount(operator, `events-${i}`),
    );
    log(`${ACCOUNTS} accounts created in ${Date.now() - started} ms`);
    const rows: Row[] = [];
    rows.push(...(await bulkLoad(app, db, accounts)));
    rows.push(...(await lookups(app, operator, accounts)));
    rows.push(...(await recording(app, db, operator, accounts[0])));
    rows.push(
      ...(await retentionOfOneDay(app.databaseUrl, db, {
        accounts: accounts.map((a) => a.accountId),
        regions: REGIONS,
        events: ROWS,
      })),
    );
    printReport('events', rows, load);
    log(`total ${((Date.now() - started) / 1000).toFixed(0)} s; dropping the bench database`);
  } finally {
    operator.close();
    await db.end();
    await app.close();
  }
}

// ── 1. Bulk load ──────────────────────────────────────────────────────────────────────────────

async function checkDisk(db: Client): Promise<void> {
  const { rows } = await db.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
  let free: number;
  try {
    const stats = statfsSync(rows[0].dir);
    free = stats.bavail * stats.bsize;
  } catch {
    const stats = statfsSync('/');
    free = stats.bavail * stats.bsize;
  }
  const needed = ROWS * BYTES_PER_EVENT;
  log(
    `disk: ${(free / 1e9).toFixed(1)} GB free, ~${(needed / 1e9).toFixed(1)} GB needed for ${fmt(ROWS)} events`,
  );
  if (needed * 1.5 > free) {
    throw new Error(
      `${fmt(ROWS)} events need ~${(needed / 1e9).toFixed(1)} GB (×1.5 margin); only ${(free / 1e9).toFixed(1)} GB free. Lower EVENTS_BENCH_ROWS.`,
    );
  }
}

function worldOf(accounts: readonly BenchCredentials[]): EventWorld {
  const now = Date.now();
  const span = 85 * 86_400_000;
  return {
    accounts: accounts.map((a) => a.accountId),
    regions: REGIONS,
    total: ROWS,
    startMs: now - 60_000 - span,
    stepMs: span / ROWS,
  };
}

async function bulkLoad(app: BenchApp, db: Client, accounts: readonly BenchCredentials[]): Promise<Row[]> {
  const world = worldOf(accounts);
  await createEventPartitions(db, world);
  const recreate = await dropEventIndexes(db);
  const loaders = await Promise.all(
    [0, 1].map(async () => {
      const client = new Client({ connectionString: app.databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const t0 = performance.now();
  let reported = 0;
  try {
    await loadEvents(loaders, world, (loaded) => {
      if (loaded - reported >= ROWS / 10 || loaded === ROWS) {
        reported = loaded;
        const s = (performance.now() - t0) / 1000;
        log(
          `loaded ${fmt(loaded)} events in ${s.toFixed(0)} s (${fmt(loaded / s)}/s; load ${loadAverage()})`,
        );
      }
    });
  } finally {
    await Promise.all(loaders.map((client) => client.end()));
  }
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  await db.query(`SET maintenance_work_mem = '1GB'`);
  for (const statement of recreate) {
    const s0 = performance.now();
    await db.query(statement);
    log(`${statement.slice(0, 90)}… ${fmt((performance.now() - s0) / 1000)} s`);
  }
  await db.query('ANALYZE events, event_resources');
  const indexMs = performance.now() - t1;
  const { rows } = await db.query<{ events: string; resources: string; bytes: string }>(
    `SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM event_resources) AS resources,
            pg_database_size(current_database()) AS bytes`,
  );
  const size = rows[0];
  log(
    `${fmt(Number(size.events))} events, ${fmt(Number(size.resources))} resource rows, database ${(Number(size.bytes) / 1e9).toFixed(2)} GB`,
  );
  return [
    row(
      `Bulk load of ${fmt(ROWS)} events (+ ${fmt(Number(size.resources))} resource rows), INSERT … SELECT on 2 connections, indexes dropped (events/s)`,
      (ROWS * 1000) / loadMs,
      `${fmt(loadMs / 1000)} s load + ${fmt(indexMs / 1000)} s keys/indexes/ANALYZE; database ${(Number(size.bytes) / 1e9).toFixed(1)} GB`,
    ),
    ...(await storage(db)),
  ];
}

/** Bytes per stored event against its gzipped record, and against the pre-partitioning schema. */
async function storage(db: Client): Promise<Row[]> {
  const stored = await storedBytes(db);
  const perEvent = stored.bytes / stored.events;
  const gzipped = await gzippedRecordBytes(db, stored.events);
  const legacy = (await legacyBytes(db)) / stored.events;
  log(
    `stored ${fmt(perEvent)} B/event, gzipped record ${fmt(gzipped)} B, pre-partitioning ${fmt(legacy)} B/event`,
  );
  return [
    row(
      `Stored bytes per event (events + event_resources, heap, TOAST and indexes, all partitions; ${fmt(stored.events)} events)`,
      perEvent,
      `${fmt(gzipped)} (its CloudTrail record as gzipped JSON)`,
      perEvent / gzipped,
      { atMost: 3 },
    ),
    row(
      'Stored bytes per event against the pre-partitioning schema (one table, full records, an index per attribute)',
      perEvent,
      `${fmt(legacy)} (same events, pre-partitioning schema)`,
      perEvent / legacy,
    ),
  ];
}

// ── 2. P9: LookupEvents ───────────────────────────────────────────────────────────────────────

interface LookupCase {
  readonly label: string;
  readonly attribute?: { readonly key: string; readonly value: (a: number, r: number) => string };
  /** The next page (with the NextToken of the first) rather than the first. */
  readonly nextPage?: boolean;
}

const USER = 3;
const CASES: readonly LookupCase[] = [
  { label: 'unfiltered, first page' },
  { label: 'unfiltered, next page (NextToken)', nextPage: true },
  {
    label: 'EventId',
    attribute: { key: 'EventId', value: (a, r) => eventIdOf(sampleEvent(a, r)) },
  },
  { label: 'EventName = CreateTrail (1 in 20)', attribute: { key: 'EventName', value: () => 'CreateTrail' } },
  { label: 'ReadOnly = false (1 in 2)', attribute: { key: 'ReadOnly', value: () => 'false' } },
  {
    label: `Username = bench-user-${USER} (1 in 10)`,
    attribute: { key: 'Username', value: () => `bench-user-${USER}` },
  },
  {
    label: 'ResourceType = AWS::CloudTrail::Trail (1 in 2)',
    attribute: { key: 'ResourceType', value: () => 'AWS::CloudTrail::Trail' },
  },
  {
    label: 'ResourceName = a trail name (1 in 8)',
    attribute: { key: 'ResourceName', value: () => 'bench-trail-2' },
  },
  {
    label: 'EventSource = iam.amazonaws.com (1 in 10)',
    attribute: { key: 'EventSource', value: () => 'iam.amazonaws.com' },
  },
  {
    label: 'AccessKeyId = one user’s key (1 in 10)',
    attribute: { key: 'AccessKeyId', value: (a) => accessKeyOf(a, USER) },
  },
];

/** An event of account `a` in Region `r`, somewhere in the history. */
function sampleEvent(a: number, r: number): number {
  const stride = ACCOUNTS * REGIONS.length;
  const perPair = Math.floor(ROWS / stride);
  const k = Math.floor(Math.random() * Math.max(1, perPair - 1));
  return a + ACCOUNTS * r + stride * k + (a + ACCOUNTS * r === 0 ? stride : 0);
}

/** The lookup index of each events column: the column and the text its key hashes. */
const INDEX_OF: Record<string, { column: string; key: string }> = {
  EventName: { column: 'event_name', key: 'event_name' },
  EventSource: { column: 'event_source', key: 'event_source' },
  ReadOnly: { column: 'read_only', key: 'read_only::text' },
  Username: { column: 'username', key: 'username' },
  AccessKeyId: { column: 'access_key_id', key: 'access_key_id' },
};

/** The raw SQL of LookupEvents' page: the query EventRepository.lookup issues, hand-written. */
function rawPage(
  accountId: string,
  region: string,
  attribute: { key: string; value: string } | undefined,
  cursor: { time: string; id: string } | undefined,
): { text: string; values: unknown[] } {
  const values: unknown[] = [accountId, region, new Date(Date.now() - 90 * 86_400_000), new Date()];
  const after = (alias: string) => {
    if (!cursor) return '';
    values.push(cursor.time, cursor.id);
    return `AND (${alias}.event_time, ${alias}.event_id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`;
  };
  const columns = 'e.event_time, e.event_id, e.username, events_record(e) AS record';
  if (attribute && (attribute.key === 'ResourceName' || attribute.key === 'ResourceType')) {
    values.push(attribute.value);
    const column = attribute.key === 'ResourceName' ? 'resource_name' : 'resource_type';
    return {
      text: `SELECT ${columns} FROM event_resources r JOIN events e ON e.event_id = r.event_id AND e.event_time = r.event_time AND e.account_id = r.account_id
              WHERE events_lookup_key(r.account_id, r.region, r.${column}) = events_lookup_key($1, $2, $5)
                AND r.${column} = $5 ${attribute.key === 'ResourceType' ? 'AND r.is_arn' : ''}
                AND r.account_id = $1 AND r.region = $2 AND r.event_time BETWEEN $3 AND $4 ${after('r')} AND e.management
              ORDER BY r.event_time DESC, r.event_id DESC LIMIT 51`,
      values,
    };
  }
  const window = (alias: string) =>
    `${alias}.account_id = $1 AND ${alias}.region = $2 AND ${alias}.event_time BETWEEN $3 AND $4 ${after(alias)} AND ${alias}.management`;
  if (attribute?.key === 'EventId') {
    values.push(attribute.value);
    return {
      text: `SELECT ${columns} FROM events e WHERE e.event_id = $5::uuid AND ${window('e')}
              ORDER BY event_time DESC, event_id DESC LIMIT 51`,
      values,
    };
  }
  if (attribute) {
    values.push(attribute.value);
    const index = INDEX_OF[attribute.key];
    const match = attribute.key === 'ReadOnly' ? '$5::boolean' : '$5';
    return {
      text: `SELECT ${columns} FROM events e
              WHERE events_lookup_key(e.account_id, e.region, e.${index.key}) = events_lookup_key($1, $2, $5)
                AND e.${index.column} = ${match} AND ${window('e')}
              ORDER BY event_time DESC, event_id DESC LIMIT 51`,
      values,
    };
  }
  const bounds = window('e');
  const half = (readOnly: boolean) =>
    `(SELECT ${columns} FROM events e
       WHERE events_lookup_key(e.account_id, e.region, e.read_only::text) = events_lookup_key($1, $2, '${readOnly}')
         AND e.read_only = ${readOnly} AND ${bounds}
       ORDER BY event_time DESC, event_id DESC LIMIT 51)`;
  return {
    text: `SELECT * FROM (${half(true)} UNION ALL ${half(false)}) AS page ORDER BY event_time DESC, event_id DESC LIMIT 51`,
    values,
  };
}

interface LookupEventsOutput {
  Events: Array<{ EventId: string }>;
  NextToken?: string;
}

async function lookups(
  app: BenchApp,
  operator: SignedClient,
  accounts: readonly BenchCredentials[],
): Promise<Row[]> {
  const raw = new Client({ connectionString: app.databaseUrl });
  await raw.connect();
  const clients = accounts.map((credentials) => REGIONS.map((region) => operator.as(credentials, region)));
  const lookupBody = (attribute: { key: string; value: string } | undefined, nextToken?: string) =>
    JSON.stringify({
      MaxResults: 50,
      ...(attribute
        ? { LookupAttributes: [{ AttributeKey: attribute.key, AttributeValue: attribute.value }] }
        : {}),
      ...(nextToken ? { NextToken: nextToken } : {}),
    });
  const http = async (
    client: SignedClient,
    body: string,
  ): Promise<{ ms: number; page: LookupEventsOutput }> => {
    const headers = client.sign('POST', '/', body, cloudTrailHeaders('LookupEvents'), 'cloudtrail');
    const t0 = performance.now();
    const response = await client.send('POST', '/', body, headers);
    const ms = performance.now() - t0;
    return { ms, page: expectStatus(response, 200, 'LookupEvents').json<LookupEventsOutput>() };
  };
  const sql = async (query: { text: string; values: unknown[] }): Promise<{ ms: number; ids: string[] }> => {
    const t0 = performance.now();
    const { rows } = await raw.query<{ record: { eventID: string } }>(query.text, query.values);
    return { ms: performance.now() - t0, ids: rows.map((r) => r.record.eventID) };
  };

  /** One repetition of one case: SAMPLES pairs of (HTTP, raw), order alternating. */
  const measure = async (c: LookupCase): Promise<{ http: number[]; raw: number[]; mismatches: number }> => {
    const out = { http: [] as number[], raw: [] as number[], mismatches: 0 };
    for (let s = 0; s < SAMPLES; s++) {
      const a = Math.floor(Math.random() * ACCOUNTS);
      const r = Math.floor(Math.random() * REGIONS.length);
      const client = clients[a][r];
      const attribute = c.attribute ? { key: c.attribute.key, value: c.attribute.value(a, r) } : undefined;
      let token: string | undefined;
      let cursor: { time: string; id: string } | undefined;
      if (c.nextPage) {
        token = (await http(client, lookupBody(attribute))).page.NextToken;
        const first = await raw.query<{ t: string; id: string }>(
          `SELECT event_time::text AS t, event_id::text AS id FROM events
            WHERE account_id = $1 AND region = $2 ORDER BY event_time DESC, event_id DESC OFFSET 49 LIMIT 1`,
          [accounts[a].accountId, REGIONS[r]],
        );
        cursor = { time: first.rows[0].t, id: first.rows[0].id };
      }
      const body = lookupBody(attribute, token);
      const query = rawPage(accounts[a].accountId, REGIONS[r], attribute, cursor);
      let viaHttp: { ms: number; page: LookupEventsOutput };
      let viaSql: { ms: number; ids: string[] };
      if (s % 2 === 0) {
        viaHttp = await http(client, body);
        viaSql = await sql(query);
      } else {
        viaSql = await sql(query);
        viaHttp = await http(client, body);
      }
      out.http.push(viaHttp.ms);
      out.raw.push(viaSql.ms);
      // The same page (new events recorded in between can shift it by one or two at the top).
      const ids = new Set(viaSql.ids);
      if (
        viaHttp.page.Events.filter((e) => ids.has(e.EventId)).length <
        Math.min(viaHttp.page.Events.length, 45)
      )
        out.mismatches++;
    }
    return out;
  };

  const results = new Map<string, Array<{ http: number[]; raw: number[]; mismatches: number }>>();
  try {
    for (let round = 0; round <= REPETITIONS; round++) {
      const order = round % 2 === 0 ? [...CASES].reverse() : CASES;
      for (const c of order) {
        const result = await measure(c);
        log(
          `${round === 0 ? 'warm-up' : `round ${round}`} ${c.label}: HTTP p50/p99 ${fmt(percentile(result.http, 50))}/${fmt(percentile(result.http, 99))} ms, ` +
            `raw ${fmt(percentile(result.raw, 50))}/${fmt(percentile(result.raw, 99))} ms` +
            (result.mismatches > 0 ? `, ${result.mismatches} pages differ` : ''),
        );
        if (round > 0) results.set(c.label, [...(results.get(c.label) ?? []), result]);
      }
    }
  } finally {
    await raw.end();
  }
  return CASES.map((c) => {
    const runs = results.get(c.label) ?? [];
    const p = (pick: 'http' | 'raw', q: number) => median(runs.map((run) => percentile(run[pick], q)));
    const mismatches = runs.reduce((sum, run) => sum + run.mismatches, 0);
    return row(
      `P9 LookupEvents ${c.label}, ${fmt(ROWS)} events: HTTP p50 / p95 / p99 (ms)${mismatches > 0 ? ` [${mismatches} pages differed]` : ''}`,
      `${fmt(p('http', 50))} / ${fmt(p('http', 95))} / ${fmt(p('http', 99))}`,
      `${fmt(p('raw', 50))} / ${fmt(p('raw', 95))} / ${fmt(p('raw', 99))} (raw SQL of the page)`,
      p('http', 99) / p('raw', 99),
      { atMost: 3 },
    );
  });
}

// ── 3. P8: recording ──────────────────────────────────────────────────────────────────────────

async function recording(
  app: BenchApp,
  db: Client,
  operator: SignedClient,
  credentials: BenchCredentials,
): Promise<Row[]> {
  const client = operator.as(credentials, REGIONS[0]);
  const trail = 'bench-get';
  const created = expectStatus(
    await client.rest('POST', '/v1/trails', { name: trail, s3BucketName: 'bench-logs' }),
    201,
    'CreateTrail',
  ).json<Record<string, unknown>>();
  const recordingSeam = app.api.get(EventRecorder);
  const off = () => [
    stub(recordingSeam, 'recordLater', () => undefined),
    stub(recordingSeam, 'recordWithChange', async () => undefined),
  ];
  const getTrail = async (withRecording: boolean, round: number) => {
    const restores = withRecording ? [] : off();
    try {
      return await autocannonLoad(
        {
          url: `${app.url}/v1/trails/${trail}`,
          headers: client.sign('GET', `/v1/trails/${trail}`, undefined),
        },
        round === 0 ? 1 : SECONDS,
        CONNECTIONS,
      );
    } finally {
      restores.forEach((restore) => restore());
    }
  };
  const counted = async () =>
    Number(
      (
        await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM events WHERE account_id = $1 AND region = $2`,
          [credentials.accountId, REGIONS[0]],
        )
      ).rows[0].n,
    );
  const before = await counted();
  const runs = await interleaved(
    {
      recorded: (round) => getTrail(true, round),
      unrecorded: (round) => getTrail(false, round),
    },
    {
      onSample: (key, round, f) =>
        log(
          `P8 GetTrail round ${round} ${key}: ${fmt(f.rps)} req/s, p50 ${fmt(f.p50)} ms (load ${loadAverage()})`,
        ),
    },
  );
  await app.api.get(EventRecorder).flush();
  const recordedEvents = (await counted()) - before;
  const on = medianFigures(runs.recorded);
  const offFigures = medianFigures(runs.unrecorded);
  const overheadMicros = (1 / on.rps - 1 / offFigures.rps) * 1e6;

  // The write path's capacity, with GetTrail's own event as the row.
  const principal: Principal = {
    type: 'Root',
    accountId: credentials.accountId,
    arn: `arn:aws:iam::${credentials.accountId}:root`,
    principalId: credentials.accountId,
    accessKeyId: credentials.accessKeyId,
    isPartitionOperator: false,
  };
  const call = (): ApiCall => ({
    eventId: randomUUID(),
    requestId: randomUUID(),
    eventTime: new Date(),
    service: 'cloudtrail',
    operation: 'GetTrail',
    readOnly: true,
    principal,
    region: REGIONS[0],
    sourceIp: '127.0.0.1',
    userAgent: 'autocannon',
    secureTransport: false,
    host: '127.0.0.1',
    requestParameters: { name: trail },
    response: created,
    resources: [{ arn: trail, accountId: principal.accountId }],
  });
  const recorder = app.api.get(EventRecorder);
  const pool = new Pool({ connectionString: app.databaseUrl, max: 10 });
  const throughRecorder = async (): Promise<number> => {
    const t0 = performance.now();
    for (let i = 0; i < RECORDER_EVENTS; i += 500) {
      for (let j = i; j < Math.min(RECORDER_EVENTS, i + 500); j++) recorder.recordLater(call());
      await new Promise((resolve) => setImmediate(resolve));
    }
    while (recorder.depth > 0) await recorder.flush();
    await recorder.flush();
    return (RECORDER_EVENTS * 1000) / (performance.now() - t0);
  };
  const eventCells = (events: readonly StoredEvent[]) =>
    events.map((e): Cell[] => {
      const stored = storedRecord(e);
      return [
        e.eventId,
        e.accountId,
        e.region,
        e.eventTime.toISOString(),
        e.eventName,
        e.eventSource,
        e.readOnly,
        e.username,
        e.accessKeyId,
        e.errorCode,
        e.requestId,
        JSON.stringify(stored.record),
        stored.stripped,
      ];
    });
  const resourceCells = (events: readonly StoredEvent[]) =>
    events.flatMap((e) =>
      e.resources.flatMap((r): Cell[][] => [
        [e.eventId, e.accountId, e.region, e.eventTime.toISOString(), r.type, r.arn, true],
        ...(r.name !== r.arn
          ? [[e.eventId, e.accountId, e.region, e.eventTime.toISOString(), r.type, r.name, false]]
          : []),
      ]),
    );
  const multiRow = async (): Promise<number> => {
    const events = Array.from({ length: RECORDER_EVENTS }, () => buildEvent(call()));
    const t0 = performance.now();
    for (let i = 0; i < events.length; i += 500) {
      const batch = events.slice(i, i + 500);
      await multiRowInsert(pool, 'events', EVENT_COLUMNS, eventCells(batch), 500);
      await multiRowInsert(pool, 'event_resources', RESOURCE_COLUMNS, resourceCells(batch), 1000);
    }
    return (events.length * 1000) / (performance.now() - t0);
  };
  const singleRow = async (): Promise<number> => {
    const events = Array.from({ length: Math.min(RECORDER_EVENTS, 20_000) }, () => buildEvent(call()));
    const ms = await singleRowInserts(pool, 'events', EVENT_COLUMNS, eventCells(events), 10);
    return (events.length * 1000) / ms;
  };
  try {
    const capacity = await interleaved(
      { recorder: throughRecorder, multiRow, singleRow },
      { onSample: (key, round, rate) => log(`P8 write path round ${round} ${key}: ${fmt(rate)} events/s`) },
    );
    const recorderRate = median(capacity.recorder);
    const multiRate = median(capacity.multiRow);
    const singleRate = median(capacity.singleRow);
    return [
      row(
        `P8 GetTrail REST req/s with event recording vs recording stubbed out (${CONNECTIONS} connections; ${fmt(recordedEvents)} events recorded)`,
        on.rps,
        `${fmt(offFigures.rps)} (no recording)`,
        on.rps / offFigures.rps,
      ),
      row(
        'P8 recording overhead per GetTrail call (µs of throughput time; p50 ms with / without)',
        `${fmt(overheadMicros)} µs; ${fmt(on.p50)} / ${fmt(offFigures.p50)} ms`,
        'none',
      ),
      row(
        `P8 audit-event write path: events/s through the API's EventRecorder (buffered, ${fmt(RECORDER_EVENTS)} events, into the loaded tables)`,
        recorderRate,
        `${fmt(multiRate)} (multi-row INSERT of the same rows, 500 per statement, both tables)`,
        recorderRate / multiRate,
        { atLeast: 0.8 },
      ),
      row(
        'P8 same, vs single-row INSERTs from 10 clients (events table only)',
        recorderRate,
        `${fmt(singleRate)} (single-row INSERT, 10 clients)`,
        recorderRate / singleRate,
      ),
    ];
  } finally {
    await pool.end();
    client.close();
  }
}

runMain(main);
