import { createHash } from 'node:crypto';
import { type Client } from 'pg';

/**
 * Bulk load of synthetic CloudTrail events straight into `events` and `event_resources`, generated
 * inside PostgreSQL (INSERT … SELECT over generate_series: nothing crosses the wire), with the
 * tables' keys, indexes and foreign key dropped during the load and rebuilt after it from their own
 * definitions (pg_get_indexdef / pg_get_constraintdef), as one loads a table of this size.
 *
 * Event `i` (1…total) belongs to account `i % accounts` and Region `⌊i / accounts⌋ % regions`, is
 * `i`-th in time (85 days back to now, millisecond precision), and draws its operation, user and
 * trail from a hash of `i`: 20 operations (15 CloudTrail, 5 IAM/STS/Organizations; half of them
 * read-only; 12 name a trail, so their resources are recorded), root or one of 9 IAM users each with
 * its access key, one of 5 trails, 5 % AccessDenied. Records are about 900 bytes of JSON.
 */

export interface EventWorld {
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  readonly total: number;
  /** Time of event 1 and the step between events (ms). */
  readonly startMs: number;
  readonly stepMs: number;
}

/** The 20 operations: name, source, read-only, names a trail. */
export const OPERATIONS: ReadonlyArray<readonly [string, string, boolean, boolean]> = [
  ['GetTrail', 'cloudtrail.amazonaws.com', true, true],
  ['GetTrailStatus', 'cloudtrail.amazonaws.com', true, true],
  ['GetEventSelectors', 'cloudtrail.amazonaws.com', true, true],
  ['GetInsightSelectors', 'cloudtrail.amazonaws.com', true, true],
  ['ListTags', 'cloudtrail.amazonaws.com', true, true],
  ['DescribeTrails', 'cloudtrail.amazonaws.com', true, false],
  ['ListTrails', 'cloudtrail.amazonaws.com', true, false],
  ['LookupEvents', 'cloudtrail.amazonaws.com', true, false],
  ['CreateTrail', 'cloudtrail.amazonaws.com', false, true],
  ['UpdateTrail', 'cloudtrail.amazonaws.com', false, true],
  ['DeleteTrail', 'cloudtrail.amazonaws.com', false, true],
  ['StartLogging', 'cloudtrail.amazonaws.com', false, true],
  ['StopLogging', 'cloudtrail.amazonaws.com', false, true],
  ['PutEventSelectors', 'cloudtrail.amazonaws.com', false, true],
  ['AddTags', 'cloudtrail.amazonaws.com', false, false],
  ['ListUsers', 'iam.amazonaws.com', true, false],
  ['CreateUser', 'iam.amazonaws.com', false, false],
  ['GetCallerIdentity', 'sts.amazonaws.com', true, false],
  ['AssumeRole', 'sts.amazonaws.com', false, false],
  ['DescribeOrganization', 'organizations.amazonaws.com', true, false],
];

const OPERATIONS_SQL = OPERATIONS.map(
  ([name, source, readOnly, onTrail], k) => `(${k}, '${name}', '${source}', ${readOnly}, ${onTrail})`,
).join(', ');

/** Every field the application's storedRecord leaves out of such a record, errorCode aside. */
const ALL_BUT_ERROR = 4095 & ~1024;

/**
 * One chunk of events [lo, hi] with their resources, in one statement. Records are stored as the
 * application stores them: without the fields that repeat a column (see storedRecord).
 */
const INSERT_CHUNK = `
WITH base AS MATERIALIZED (
  SELECT i,
         ($3::text[])[1 + i % $5] AS account_id,
         i % $5 AS account_index,
         ($4::text[])[1 + (i / $5) % $6] AS region,
         hashint4(i::int)::bigint & 2147483647 AS h,
         date_trunc('milliseconds', to_timestamp(($7::float8 + i * $8::float8) / 1000)) AS event_time,
         md5(i::text)::uuid AS event_id,
         md5(i::text || 'r')::uuid::text AS request_id
    FROM generate_series($1::bigint, $2::bigint) AS i),
e AS MATERIALIZED (
  SELECT b.*, op.name, op.source, op.read_only, op.on_trail,
         (b.h / 20) % 10 AS user_index,
         CASE WHEN (b.h / 20) % 10 = 0 THEN 'root' ELSE 'bench-user-' || (b.h / 20) % 10 END AS username,
         'AKIABENCH' || lpad(b.account_index::text, 3, '0') || lpad(((b.h / 20) % 10)::text, 4, '0') AS access_key_id,
         'bench-trail-' || (b.h / 200) % 5 AS trail_name,
         'arn:aws:cloudtrail:' || b.region || ':' || b.account_id || ':trail/bench-trail-' || (b.h / 200) % 5 AS trail_arn,
         CASE WHEN (b.h / 1000) % 20 = 0 THEN 'AccessDenied' END AS error_code
    FROM base b JOIN (VALUES ${OPERATIONS_SQL}) AS op(k, name, source, read_only, on_trail) ON op.k = b.h % 20),
inserted AS (
  INSERT INTO events (event_id, account_id, region, event_time, event_name, event_source, read_only,
                      username, access_key_id, error_code, request_id, stripped, record)
  SELECT event_id, account_id, region, event_time, name, source, read_only, username, access_key_id,
         error_code, request_id, CASE WHEN error_code IS NULL THEN ${ALL_BUT_ERROR} ELSE ${ALL_BUT_ERROR} | 1024 END,
         jsonb_build_object(
           'userIdentity', CASE WHEN user_index = 0
             THEN jsonb_build_object('type', 'Root', 'principalId', account_id,
                                     'arn', 'arn:aws:iam::' || account_id || ':root',
                                     'accountId', account_id, 'accessKeyId', access_key_id)
             ELSE jsonb_build_object('type', 'IAMUser', 'principalId', 'AIDA' || substr(access_key_id, 5),
                                     'arn', 'arn:aws:iam::' || account_id || ':user/' || username,
                                     'accountId', account_id, 'accessKeyId', access_key_id, 'userName', username)
             END,
           'sourceIPAddress', '10.' || (h % 250) || '.' || (h / 250) % 250 || '.' || user_index + 1,
           'userAgent', 'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.5 md/arch#x86_64 lang/python#3.11.8',
           'requestParameters', CASE WHEN on_trail THEN jsonb_build_object('name', trail_name) END,
           'responseElements', CASE WHEN on_trail AND NOT read_only THEN jsonb_build_object('trailARN', trail_arn) END,
           'eventType', 'AwsApiCall')
         || CASE WHEN on_trail
              THEN jsonb_build_object('resources', jsonb_build_array(jsonb_build_object(
                     'ARN', trail_arn, 'accountId', account_id, 'type', 'AWS::CloudTrail::Trail')))
              ELSE '{}'::jsonb END
         || CASE WHEN error_code IS NOT NULL
              THEN jsonb_build_object('errorMessage',
                     'User is not authorized to perform: cloudtrail:' || name)
              ELSE '{}'::jsonb END
    FROM e)
INSERT INTO event_resources (event_id, account_id, region, event_time, resource_type, resource_name, is_arn)
SELECT event_id, account_id, region, event_time, 'AWS::CloudTrail::Trail',
       CASE WHEN v.is_arn THEN trail_arn ELSE trail_name END, v.is_arn
  FROM e CROSS JOIN (VALUES (true), (false)) AS v(is_arn)
 WHERE on_trail`;

interface Definition {
  readonly name: string;
  readonly create: string;
}

/** Drops the events tables' constraints and indexes; returns what re-creates them, in order. */
export async function dropEventIndexes(db: Client): Promise<string[]> {
  const { rows: constraints } = await db.query<Definition & { table: string; type: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, contype AS type,
            pg_get_constraintdef(oid) AS create
       FROM pg_constraint
      WHERE conrelid IN ('events'::regclass, 'event_resources'::regclass) AND contype IN ('p', 'f')`,
  );
  const { rows: indexes } = await db.query<Definition>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS create
       FROM pg_index i
      WHERE i.indrelid IN ('events'::regclass, 'event_resources'::regclass)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  );
  const foreign = constraints.filter((c) => c.type === 'f');
  const primary = constraints.filter((c) => c.type === 'p');
  for (const c of foreign) await db.query(`ALTER TABLE ${c.table} DROP CONSTRAINT ${c.name}`);
  for (const c of primary) await db.query(`ALTER TABLE ${c.table} DROP CONSTRAINT ${c.name}`);
  for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);
  return [
    ...primary.map((c) => `ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.create}`),
    // A partitioned table's index is defined `ON ONLY` the parent: re-create it on every partition.
    ...indexes.map((index) => index.create.replace(' ON ONLY ', ' ON ')),
    ...foreign.map((c) => `ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.create}`),
  ];
}

/**
 * Creates the day partitions the load spans (through tomorrow), so the events land in them rather
 * than in the default partition, as they would have had the partition task run all along.
 */
export async function createEventPartitions(db: Client, world: EventWorld): Promise<void> {
  await db.query(
    `SELECT events_ensure_partition(day::date)
       FROM generate_series(date_trunc('day', to_timestamp($1::float8 / 1000) AT TIME ZONE 'UTC'),
                            (now() + interval '1 day') AT TIME ZONE 'UTC', interval '1 day') AS day`,
    [world.startMs],
  );
}

/** Loads events [1, world.total] in chunks over `connections` connections; calls `progress` per chunk. */
export async function loadEvents(
  connections: readonly Client[],
  world: EventWorld,
  progress: (loaded: number) => void,
  chunk = 250_000,
): Promise<void> {
  let next = 1;
  let loaded = 0;
  await Promise.all(
    connections.map(async (db) => {
      await db.query(`SET synchronous_commit = off`);
      for (let lo = next; lo <= world.total; lo = next) {
        next += chunk;
        const hi = Math.min(world.total, lo + chunk - 1);
        await db.query(INSERT_CHUNK, [
          lo,
          hi,
          world.accounts,
          world.regions,
          world.accounts.length,
          world.regions.length,
          world.startMs,
          world.stepMs,
        ]);
        loaded += hi - lo + 1;
        progress(loaded);
      }
    }),
  );
}

/** The id of event `i` (as the load generates it: md5 of its number, as a uuid). */
export function eventIdOf(i: number): string {
  const hex = createHash('md5').update(String(i)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The access key the load gives user `userIndex` (0 = root) of account number `accountIndex`. */
export function accessKeyOf(accountIndex: number, userIndex: number): string {
  return `AKIABENCH${String(accountIndex).padStart(3, '0')}${String(userIndex).padStart(4, '0')}`;
}
