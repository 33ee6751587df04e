import fc from 'fast-check';
import { Client } from 'pg';
import { type TestCredentials } from '../support/credentials';
import { given, givenIam } from '../support/given';
import { OPERATOR, TestApp } from '../support/test-app';
import {
  type PutAnswer,
  putServiceEvents,
  putServiceEventsAwsJson,
  serviceRecord,
} from './support/service-records';

/**
 * PutServiceEvents under random batches (valid records, records with members broken or replaced
 * by hostile values, non-records), on both transports: never a 5xx; a 200 answers every record
 * once, and exactly the accepted ones are stored; a refused request stores none of its records.
 */
describe('PutServiceEvents, fuzzed', () => {
  let app: TestApp;
  let db: Client;
  let recipient: TestCredentials;
  let caller: TestCredentials;

  beforeAll(async () => {
    app = await TestApp.start();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    recipient = await given.account(app);
    caller = await givenIam.user(app, OPERATOR, {
      inlinePolicies: {
        ingest: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'trailplane:PutServiceEvents', Resource: '*' }],
        },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  const hostile = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      '',
      '../..',
      'cloudtrail.amazonaws.com',
      '9999-99-99T99:99:99Z',
      'AwsConsoleSignIn',
      '1.99',
    ),
    fc.jsonValue({ maxDepth: 3 }),
  );
  const members = Object.keys(serviceRecord('111122223333')).concat(
    'resources',
    'sharedEventID',
    'errorCode',
  );
  const record = fc.oneof(
    { weight: 3, arbitrary: fc.constant(null).map(() => serviceRecord(recipient.accountId)) },
    {
      weight: 4,
      arbitrary: fc
        .dictionary(fc.constantFrom(...members), fc.option(hostile, { nil: undefined }), { maxKeys: 3 })
        .map((broken) => ({ ...serviceRecord(recipient.accountId), ...broken })),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );
  const body = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.array(record, { minLength: 0, maxLength: 12 }).map((records) => ({ records })),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((records) => ({ records })) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })) },
  );

  async function storedIds(ids: readonly string[]): Promise<Set<string>> {
    const { rows } = await db.query<{ event_id: string }>(
      `SELECT event_id::text FROM events WHERE event_id::text = ANY($1::text[])`,
      [ids.map((id) => id.toLowerCase())],
    );
    return new Set(rows.map((row) => row.event_id));
  }

  const uuidsOf = (value: unknown): string[] =>
    JSON.stringify(value ?? null).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ??
    [];

  it('never answers 5xx, stores exactly what it accepts, and nothing of what it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (sent, awsJson) => {
        const records = (sent as { records?: unknown }).records;
        const response = awsJson
          ? await putServiceEventsAwsJson(app, caller, Array.isArray(records) ? records : [records])
          : await app.rest(caller).post('/v1/service-events', sent);
        expect(response.status).toBeLessThan(500);
        const ids = uuidsOf(sent);
        if (response.status !== 200) {
          expect(await storedIds(ids)).toEqual(new Set());
          return;
        }
        const answer = awsJson ? lowerAnswer(response.text) : (response.body as PutAnswer);
        const sentRecords = (Array.isArray(records) ? records : [records]) as unknown[];
        const indexes = [...answer.accepted, ...answer.failed].map((r) => r.index).sort((a, b) => a - b);
        expect(indexes).toEqual(sentRecords.map((_, index) => index));
        const stored = await storedIds(ids);
        for (const accepted of answer.accepted) expect(stored.has(accepted.eventID.toLowerCase())).toBe(true);
        const acceptedIds = new Set(answer.accepted.map((a) => a.eventID.toLowerCase()));
        for (const id of stored) expect(acceptedIds.has(id)).toBe(true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  }, 300_000);

  it('accepts a well-formed batch of 500 in one call', async () => {
    const records = Array.from({ length: 500 }, () => serviceRecord(recipient.accountId));
    const response = await putServiceEvents(app, caller, records);
    expect(response.status).toBe(200);
    expect((response.body as PutAnswer).accepted).toHaveLength(500);
    expect((await storedIds(records.map((r) => r.eventID as string))).size).toBe(500);
  });
});

function lowerAnswer(text: string): PutAnswer {
  const wire = JSON.parse(text) as {
    Accepted: Array<{ Index: number; EventID: string }>;
    Failed: Array<{ Index: number; EventID?: string; ErrorCode: string; ErrorMessage: string }>;
  };
  return {
    accepted: wire.Accepted.map((a) => ({ index: a.Index, eventID: a.EventID })),
    failed: wire.Failed.map((f) => ({
      index: f.Index,
      eventID: f.EventID,
      errorCode: f.ErrorCode,
      errorMessage: f.ErrorMessage,
    })),
  };
}
