import {
  type ApiCall,
  buildEvent,
  EventRepository,
  type LookupAttributeKey,
  planLookupQuery,
  type StoredEvent,
} from '@app/events';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { given } from '../support/given';
import { TestApp } from '../support/test-app';
import { rootCall } from './support/root-call';

/**
 * How events are kept (migration 1765950000000): records without the fields that repeat their
 * columns, read back whole; lookups by hashed keys; and LookupEvents' SQL on a read-only connection,
 * as it would run on a read replica.
 */
describe('event storage', () => {
  let app: TestApp;
  let client: Client;
  let readOnly: DataSource;
  let account: Awaited<ReturnType<typeof given.account>>;
  const recorded: StoredEvent[] = [];

  const call = (overrides: Partial<ApiCall>): ApiCall =>
    rootCall(account, {
      eventTime: new Date(Date.now() - 60_000 + recorded.length),
      operation: 'GetTrail',
      resources: [
        { arn: `arn:aws:cloudtrail:us-east-1:${account.accountId}:trail/kept`, accountId: account.accountId },
      ],
      requestParameters: { name: 'kept' },
      ...overrides,
    });

  beforeAll(async () => {
    app = await TestApp.start();
    client = new Client({ connectionString: app.databaseUrl });
    await client.connect();
    readOnly = new DataSource({
      type: 'postgres',
      url: app.databaseUrl,
      extra: { options: '-c default_transaction_read_only=on' },
    });
    await readOnly.initialize();
    account = await given.account(app);
    const events = [
      buildEvent(call({})),
      buildEvent(
        call({
          operation: 'UpdateTrail',
          readOnly: false,
          error: { code: 'AccessDenied', message: 'denied' },
        }),
      ),
      buildEvent(call({ operation: 'ListTrails', resources: [] })),
      buildEvent(call({ service: 'iam', operation: 'ListUsers', resources: [] })),
    ];
    await app.get(EventRepository).insertMany(app.get(DataSource).manager, events);
    recorded.push(...events);
  });
  afterAll(async () => {
    await readOnly.destroy();
    await client.end();
    await app.close();
  });

  it('keeps each record without the fields its columns repeat, and reads it back as recorded', async () => {
    const { rows } = await client.query<{ id: string; stored: string; whole: unknown; stripped: number }>(
      `SELECT event_id::text AS id, record::text AS stored, events_record(e) AS whole, stripped
         FROM events e WHERE account_id = $1 AND event_id = ANY($2::uuid[])`,
      [account.accountId, recorded.map((e) => e.eventId)],
    );
    expect(rows).toHaveLength(recorded.length);
    for (const row of rows) {
      const event = recorded.find((e) => e.eventId === row.id)!;
      expect(row.whole).toEqual(JSON.parse(JSON.stringify(event.record)));
      expect(row.stripped).not.toBe(0);
      expect(row.stored).not.toContain(event.eventId);
    }
  });

  it('answers every lookup on a read-only connection as on the primary', async () => {
    const repository = app.get(EventRepository);
    const primary = app.get(DataSource).manager;
    const cases: Array<[LookupAttributeKey, string] | undefined> = [
      undefined,
      ['EventId', recorded[1].eventId],
      ['EventName', 'ListTrails'],
      ['EventSource', 'iam.amazonaws.com'],
      ['ReadOnly', 'false'],
      ['Username', 'root'],
      ['AccessKeyId', account.accessKeyId],
      ['ResourceName', 'kept'],
      ['ResourceType', 'AWS::CloudTrail::Trail'],
    ];
    for (const attribute of cases) {
      const query = planLookupQuery(
        attribute ? { lookupAttributes: [{ attributeKey: attribute[0], attributeValue: attribute[1] }] } : {},
        new Date(),
      );
      const ids = async (em: DataSource['manager'], cursor?: { eventTime: Date; eventId: string }) =>
        (await repository.lookup(em, account.accountId, 'us-east-1', query, cursor, 2)).map(
          (e) => e.record.eventID,
        );
      const onPrimary = await ids(primary);
      expect(onPrimary.length).toBeGreaterThan(0);
      await expect(ids(readOnly.manager)).resolves.toEqual(onPrimary);
      const last = recorded.find((e) => e.eventId === onPrimary[onPrimary.length - 1])!;
      const cursor = { eventTime: last.eventTime, eventId: last.eventId };
      await expect(ids(readOnly.manager, cursor)).resolves.toEqual(await ids(primary, cursor));
    }
    await expect(readOnly.query(`INSERT INTO events DEFAULT VALUES`)).rejects.toThrow(/read-only/);
  });
});
