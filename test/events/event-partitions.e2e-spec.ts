import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  buildEvent,
  EventPartitionTask,
  EventRepository,
  EventRetentionTask,
  whenEventTablesFree,
} from '@app/events';
import { Client } from 'pg';
import { TransactionRunner } from '@app/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { given } from '../support/given';
import { TestApp } from '../support/test-app';
import { rootCall } from './support/root-call';

const DAY = 86_400_000;
const dayOf = (time: number): string => new Date(time).toISOString().slice(0, 10);
const midnight = (daysAgo: number): number => Math.floor(Date.now() / DAY) * DAY - daysAgo * DAY;

describe('event partitions', () => {
  let app: TestApp;
  let client: Client;
  beforeAll(async () => {
    app = await TestApp.start();
    client = new Client({ connectionString: app.databaseUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await app.close();
  });

  const partitionDays = async (): Promise<string[]> => {
    const { rows } = await client.query<{ day: string }>(
      `SELECT to_char(to_date(right(c.relname, 8), 'YYYYMMDD'), 'YYYY-MM-DD') AS day
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'event_resources'::regclass AND c.relname ~ '_p[0-9]{8}$'
       INTERSECT
       SELECT to_char(to_date(right(c.relname, 8), 'YYYYMMDD'), 'YYYY-MM-DD')
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'events'::regclass AND c.relname ~ '_p[0-9]{8}$'
        ORDER BY 1`,
    );
    return rows.map((row) => row.day);
  };

  /**
   * A partition change as the periodic tasks make it: the app's own event recording may hold the
   * tables for a moment, and the repository takes them NOWAIT, so it is retried until they are free.
   */
  const partitionChange = <T>(
    change: (events: EventRepository, em: EntityManager) => Promise<T>,
  ): Promise<T> =>
    whenEventTablesFree(() => app.get(TransactionRunner).run((em) => change(app.get(EventRepository), em)));
  const ensureDay = (day: string): Promise<boolean> =>
    partitionChange((events, em) => events.ensurePartition(em, day));

  const record = async (
    account: Awaited<ReturnType<typeof given.account>>,
    times: number[],
    name: string,
  ) => {
    const events = times.map((time, i) =>
      buildEvent(
        rootCall(account, {
          eventTime: new Date(time),
          operation: `${name}${i}`,
          resources: [
            {
              arn: `arn:aws:cloudtrail:us-east-1:${account.accountId}:trail/${name}`,
              accountId: account.accountId,
            },
          ],
        }),
      ),
    );
    await app.get(EventRepository).insertMany(app.get(DataSource).manager, events);
  };

  const lookupAll = async (
    account: Awaited<ReturnType<typeof given.account>>,
    attributes: { AttributeKey: 'ResourceName' | 'EventSource'; AttributeValue: string },
  ): Promise<string[]> => {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await app.cloudtrail(account).send(
        new LookupEventsCommand({
          StartTime: new Date(midnight(3)),
          MaxResults: 2,
          NextToken: token,
          LookupAttributes: [attributes],
        }),
      );
      names.push(...page.Events!.map((e) => e.EventName!));
      token = page.NextToken;
    } while (token);
    return names;
  };

  it('has the day partitions of both tables ready from today through three days ahead', async () => {
    await app.get(EventPartitionTask).run();
    const days = await partitionDays();
    expect(days).toEqual(expect.arrayContaining([0, 1, 2, 3].map((ahead) => dayOf(midnight(-ahead)))));
  });

  it('creates a day once when several processes create it at the same moment (one answers created, none fails)', async () => {
    const day = dayOf(midnight(-40));
    const created = await Promise.all(Array.from({ length: 6 }, () => ensureDay(day)));
    expect(created.filter(Boolean)).toHaveLength(1);
    expect(await partitionDays()).toContain(day);
  });

  it('pages LookupEvents across partition boundaries, newest first, each event once', async () => {
    const account = await given.account(app);
    // Yesterday and the day before have no partition yet: their events wait in the default one.
    const times = [
      midnight(2) + 1,
      midnight(1) - 1,
      midnight(1),
      midnight(1) + 1,
      midnight(0) - 1,
      midnight(0),
    ];
    await record(account, times, 'Boundary');
    await ensureDay(dayOf(midnight(2)));
    await ensureDay(dayOf(midnight(1)));
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM events_default WHERE account_id = $1`,
      [account.accountId],
    );
    expect(rows[0].n).toBe(0);
    const newestFirst = ['Boundary5', 'Boundary4', 'Boundary3', 'Boundary2', 'Boundary1', 'Boundary0'];
    expect(
      await lookupAll(account, { AttributeKey: 'EventSource', AttributeValue: 'cloudtrail.amazonaws.com' }),
    ).toEqual(newestFirst);
    expect(await lookupAll(account, { AttributeKey: 'ResourceName', AttributeValue: 'Boundary' })).toEqual(
      newestFirst,
    );
  });

  it('retention drops whole partitions older than 90 days, and only those', async () => {
    const account = await given.account(app);
    const expired = dayOf(midnight(92));
    const kept = dayOf(midnight(89));
    for (const day of [expired, kept]) await ensureDay(day);
    await record(account, [midnight(92) + 3_600_000, midnight(89) + 3_600_000], 'Aged');
    const before = await partitionDays();
    await app.get(EventRetentionTask).run();
    const after = await partitionDays();
    expect(before.filter((day) => !after.includes(day))).toEqual([expired]);
    const { rows } = await client.query<{ event_name: string }>(
      `SELECT event_name FROM events WHERE account_id = $1 AND event_name LIKE 'Aged%' ORDER BY event_name`,
      [account.accountId],
    );
    expect(rows.map((row) => row.event_name)).toEqual(['Aged1']);
    expect(await dayTables(expired)).toEqual([]);
  });

  it('a day detached but not yet dropped (a crash between the two steps) is dropped by the next run', async () => {
    const expired = dayOf(midnight(93));
    await ensureDay(expired);
    await partitionChange((events, em) => events.detachPartitionsBefore(em, new Date(midnight(92))));
    expect(await partitionDays()).not.toContain(expired);
    expect(await dayTables(expired)).toEqual([
      `event_resources_p${expired.replaceAll('-', '')}`,
      `events_p${expired.replaceAll('-', '')}`,
    ]);

    await app.get(EventRetentionTask).run();
    expect(await dayTables(expired)).toEqual([]);
  });

  /** The tables of one day, attached or not. */
  const dayTables = async (day: string): Promise<string[]> => {
    const suffix = day.replaceAll('-', '');
    const { rows } = await client.query<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relname IN ($1, $2) ORDER BY relname`,
      [`events_p${suffix}`, `event_resources_p${suffix}`],
    );
    return rows.map((row) => row.relname);
  };
});
