/**
 * `npm run bench:ingest` (issue 14; PERFORMANCE.md P15): a script, not a timed test. Boots the API
 * (delivery interval 1 s) and an in-process worker on a fresh database, makes an organization of
 * INGEST_BENCH_ACCOUNTS accounts, then:
 *
 * 1. sustained ingestion: INGEST_BENCH_BATCHES batches of 500 records (4 in 5 management events
 *    naming a resource, 1 in 5 data events) POSTed to /v1/service-events by 4 concurrent clients
 *    (bodies serialized and signed beforehand, so only the request is timed), in records/s, against
 *    a COPY of the same records' rows into tables made `LIKE` events and event_resources (same
 *    indexes), and a multi-row INSERT of them; median of 3 interleaved repetitions after a warm-up;
 * 2. end-to-end lag: an organization trail logging, records submitted at INGEST_BENCH_RATE records/s
 *    (default 2,000) for INGEST_BENCH_LAG_SECONDS (default 10) seconds, each record's lag from just
 *    before its request to the write of the log file that holds it; p50 and p99 against the 1 s
 *    interval, and p99 from the answer on (delivery alone, without time spent in ingestion).
 *
 * The bench database is dropped at the end.
 */
import { type SubmittedRecord } from '@app/events';
import { Client } from 'pg';
import { BENCH_OPERATOR, type BenchApp, startBenchApp } from './support/bench-app';
import { ScratchTable } from './support/bulk-baseline';
import { createAccount, createOrganization, seedMembers } from './support/fixtures';
import {
  benchLog,
  interleaved,
  loadAverage,
  median,
  percentile,
  printReport,
  type Row,
  row,
  runMain,
  sleep,
} from './support/report';
import {
  createLogBucket,
  EVENT_COLUMNS,
  newlyDelivered,
  RESOURCE_COLUMNS,
  serviceRecord,
  tableRows,
} from './support/service-event-load';
import { expectStatus, SignedClient } from './support/signed-client';

const log = benchLog('ingest');
const ACCOUNTS = Number(process.env.INGEST_BENCH_ACCOUNTS ?? 50);
const BATCHES = Number(process.env.INGEST_BENCH_BATCHES ?? 40);
const RATE = Number(process.env.INGEST_BENCH_RATE ?? 2_000);
const LAG_SECONDS = Number(process.env.INGEST_BENCH_LAG_SECONDS ?? 10);
const BATCH = 500;
const CLIENTS = 4;
const TARGET = { 'content-type': 'application/json' };

interface World {
  readonly app: BenchApp;
  readonly db: Client;
  readonly operator: SignedClient;
  readonly organizationId: string;
  readonly management: SignedClient;
  readonly recipients: readonly string[];
}

async function main(): Promise<void> {
  const load = loadAverage();
  const app = await startBenchApp({ env: { TRAILPLANE_DELIVERY_INTERVAL_SECONDS: '1' } });
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  const operator = new SignedClient(app.url, BENCH_OPERATOR);
  try {
    const management = operator.as(await createAccount(operator, 'ingest-mgmt'));
    const organization = await createOrganization(management);
    const members = await seedMembers(db, organization.id, ACCOUNTS - 1);
    const world: World = {
      app,
      db,
      operator,
      organizationId: organization.id,
      management,
      recipients: [management.credentials.accountId, ...members],
    };
    const rows: Row[] = [...(await throughput(world)), ...(await lag(world))];
    printReport('ingest', rows, load);
  } finally {
    operator.close();
    await db.end();
    await app.close();
  }
}

/** One batch's request, serialized and signed. */
interface PreparedBatch {
  readonly body: string;
  readonly headers: Record<string, string>;
}

function prepare(client: SignedClient, records: readonly SubmittedRecord[]): PreparedBatch {
  const body = JSON.stringify({ records });
  return { body, headers: client.sign('POST', '/v1/service-events', body, TARGET) };
}

/** Sends a batch; a ThrottlingException (back-pressure) is retried after its `Retry-After`, as SDKs do. */
async function send(client: SignedClient, batch: PreparedBatch, throttled = { count: 0 }): Promise<void> {
  let response = await client.send('POST', '/v1/service-events', batch.body, batch.headers);
  while (response.status === 429) {
    throttled.count++;
    await sleep(1_000);
    response = await client.send('POST', '/v1/service-events', batch.body, batch.headers);
  }
  expectStatus(response, 200, 'PutServiceEvents');
  const failed = response.json<{ failed: unknown[] }>().failed;
  if (failed.length > 0) throw new Error(`records refused: ${JSON.stringify(failed[0])}`);
}

// ── 1. Sustained ingestion ────────────────────────────────────────────────────────────────────

async function throughput(world: World): Promise<Row[]> {
  const events = await ScratchTable.create(world.db, world.app.databaseUrl, 'events', EVENT_COLUMNS);
  const resources = await ScratchTable.create(
    world.db,
    world.app.databaseUrl,
    'event_resources',
    RESOURCE_COLUMNS,
  );
  const records = (): SubmittedRecord[] =>
    Array.from({ length: BATCHES * BATCH }, (_, i) => serviceRecord(world.recipients, i));
  const organizationOf = (): string => world.organizationId;
  const total = BATCHES * BATCH;
  try {
    const samples = await interleaved(
      {
        http: async () => {
          const all = records();
          const batches = Array.from({ length: BATCHES }, (_, b) =>
            prepare(world.operator, all.slice(b * BATCH, (b + 1) * BATCH)),
          );
          const started = performance.now();
          let next = 0;
          await Promise.all(
            Array.from({ length: CLIENTS }, async () => {
              while (next < batches.length) await send(world.operator, batches[next++]);
            }),
          );
          return total / ((performance.now() - started) / 1000);
        },
        copy: async () => {
          const { events: eventRows, resources: resourceRows } = tableRows(records(), organizationOf);
          const ms = (await events.copy(eventRows)) + (await resources.copy(resourceRows));
          return total / (ms / 1000);
        },
        insert: async () => {
          const { events: eventRows, resources: resourceRows } = tableRows(records(), organizationOf);
          const ms = (await events.insert(eventRows)) + (await resources.insert(resourceRows));
          return total / (ms / 1000);
        },
      },
      {
        onSample: (key, round, value) => log(`round ${round} ${key}: ${Math.round(value)} records/s`),
      },
    );
    const http = median(samples.http);
    const copy = median(samples.copy);
    const insert = median(samples.insert);
    return [
      row(
        `P15 ingestion through POST /v1/service-events, ${CLIENTS} clients × batches of ${BATCH} (records/s)`,
        http,
        `COPY ${Math.round(copy).toLocaleString('en-US')}/s`,
        http / copy,
        { atLeast: 0.5 },
      ),
      row(
        '  the same rows by multi-row INSERT (records/s)',
        insert,
        `COPY ${Math.round(copy).toLocaleString('en-US')}/s`,
        insert / copy,
      ),
    ];
  } finally {
    await events.drop();
    await resources.drop();
  }
}

// ── 2. Submitted → delivered ──────────────────────────────────────────────────────────────────

async function lag(world: World): Promise<Row[]> {
  const bucket = `ingest-lag-${Date.now().toString(36)}`;
  const name = 'ingest-lag';
  const owner = world.management.credentials;
  await createLogBucket(
    world.app,
    owner,
    bucket,
    `arn:aws:cloudtrail:us-east-1:${owner.accountId}:trail/${name}`,
  );
  expectStatus(
    await world.management.rest('POST', '/v1/trails', {
      name,
      s3BucketName: bucket,
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
    }),
    201,
    'CreateTrail',
  );
  expectStatus(await world.management.rest('POST', `/v1/trails/${name}/logging`), 204, 'StartLogging');
  await sleep(1_500);

  const sentAt = new Map<string, number>();
  const acceptedAt = new Map<string, number>();
  const lags: number[] = [];
  const deliveryLags: number[] = [];
  const seen = new Set<string>();
  const collect = async (): Promise<void> => {
    for (const [id, writtenAt] of await newlyDelivered(world.db, bucket, seen)) {
      const sent = sentAt.get(id);
      if (sent !== undefined) lags.push(writtenAt - sent);
      const accepted = acceptedAt.get(id);
      if (accepted !== undefined) deliveryLags.push(writtenAt - accepted);
    }
  };
  const everyMs = (BATCH / RATE) * 1000;
  const batches = Math.round((LAG_SECONDS * 1000) / everyMs);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  const throttled = { count: 0 };
  for (let b = 0; b < batches; b++) {
    await sleep(Math.max(0, started + b * everyMs - performance.now()));
    const records = Array.from({ length: BATCH }, (_, i) => serviceRecord(world.recipients, b * BATCH + i));
    const prepared = prepare(world.operator, records);
    const now = Date.now();
    // The trail's default selectors deliver management events only.
    for (const record of records) if (record.managementEvent) sentAt.set(record.eventID, now);
    inFlight.push(
      send(world.operator, prepared, throttled).then(() => {
        const answered = Date.now();
        for (const record of records) if (record.managementEvent) acceptedAt.set(record.eventID, answered);
      }),
    );
    if (b % 4 === 3) await collect();
  }
  await Promise.all(inFlight);
  const deadline = Date.now() + 60_000;
  while (lags.length < sentAt.size && Date.now() < deadline) {
    await sleep(200);
    await collect();
  }
  log(`lag: ${lags.length} of ${sentAt.size} records delivered; ${throttled.count} answers throttled`);
  const p99 = percentile(lags, 99);
  return [
    row(
      `ingested → delivered by an organization trail at ${RATE.toLocaleString('en-US')} records/s, p50 (ms)`,
      percentile(lags, 50),
      'interval 1,000 ms',
    ),
    row(
      `  p99 (ms; ${lags.length} of ${sentAt.size} records delivered, ${throttled.count} batches throttled and retried)`,
      lags.length === sentAt.size ? p99 : Number.NaN,
      'interval 1,000 ms',
      p99 / 1000,
      { atMost: 3 },
    ),
    row(
      '  p99 from the answer (accepted) to the file (ms): delivery alone',
      percentile(deliveryLags, 99),
      'interval 1,000 ms',
      percentile(deliveryLags, 99) / 1000,
    ),
  ];
}

runMain(main);
