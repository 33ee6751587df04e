import {
  CreateTrailCommand,
  GetTrailCommand,
  LookupEventsCommand,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { buildEvent, EventRepository, EventRetentionTask } from '@app/events';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { given, uniqueName } from '../support/given';
import { eventually, OPERATOR, TestApp } from '../support/test-app';
import { rootCall } from './support/root-call';

type Lookup = LookupEventsCommandInput;

describe('event history (LookupEvents)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  const lookup = (account: Parameters<TestApp['cloudtrail']>[0], input: Lookup, region = 'us-east-1') =>
    app.cloudtrail(account, region).send(new LookupEventsCommand(input));

  it('records a CreateTrail with its identity, parameters, response and resources, in the same transaction', async () => {
    const account = await given.account(app);
    const name = uniqueName('t');
    const created = await app
      .cloudtrail(account)
      .send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));
    // A change's event commits with the change: visible at once, no flush to wait for.
    const { Events } = await lookup(account, {
      LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateTrail' }],
    });
    expect(Events).toHaveLength(1);
    const event = Events![0];
    expect(event).toMatchObject({
      EventName: 'CreateTrail',
      EventSource: 'cloudtrail.amazonaws.com',
      ReadOnly: 'false',
      Username: 'root',
      AccessKeyId: account.accessKeyId,
      Resources: [{ ResourceType: 'AWS::CloudTrail::Trail', ResourceName: created.TrailARN }],
    });
    const record = JSON.parse(event.CloudTrailEvent!);
    expect(record).toMatchObject({
      eventVersion: '1.11',
      userIdentity: {
        type: 'Root',
        accountId: account.accountId,
        arn: `arn:aws:iam::${account.accountId}:root`,
        accessKeyId: account.accessKeyId,
      },
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'CreateTrail',
      awsRegion: 'us-east-1',
      requestParameters: { name, s3BucketName: 'audit-logs' },
      responseElements: { trailARN: created.TrailARN, name },
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account.accountId,
      eventCategory: 'Management',
    });
    expect(record.eventID).toMatch(/^[0-9a-f-]{36}$/);
    expect(record.requestID).toEqual(expect.any(String));
  });

  it('records reads (with null responseElements) and denied calls with their errorCode', async () => {
    const account = await given.account(app);
    await expect(
      app.cloudtrail(account).send(new GetTrailCommand({ Name: 'missing-trail' })),
    ).rejects.toMatchObject({
      name: 'TrailNotFoundException',
    });
    const denied = await app
      .rest(account)
      .post('/v1/accounts', { name: 'x', email: `${uniqueName('x')}@example.com` });
    expect(denied.status).toBe(403);

    const getTrail = await eventually(async () => {
      const { Events } = await lookup(account, {
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetTrail' }],
      });
      return Events?.[0];
    });
    const record = JSON.parse(getTrail.CloudTrailEvent!);
    expect(record).toMatchObject({
      errorCode: 'TrailNotFoundException',
      readOnly: true,
      responseElements: null,
    });

    const createAccount = await eventually(async () => {
      const { Events } = await lookup(account, {
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateAccount' }],
      });
      return Events?.[0];
    });
    expect(JSON.parse(createAccount.CloudTrailEvent!)).toMatchObject({
      errorCode: 'AccessDenied',
      eventSource: 'trailplane.amazonaws.com',
    });
  });

  it('filters by every lookup attribute, by time range, and pages through every event exactly once', async () => {
    const account = await given.account(app);
    const client = app.cloudtrail(account, 'eu-west-1');
    const names = [uniqueName('a'), uniqueName('b'), uniqueName('c')];
    const arns: string[] = [];
    for (const name of names)
      arns.push(
        (await client.send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }))).TrailARN!,
      );
    for (const name of names) await client.send(new GetTrailCommand({ Name: name }));
    // LookupEvents calls are events too; the assertions look at the trail calls only.
    const trailCalls = <T extends { EventName?: string }>(events: T[] | undefined): T[] =>
      (events ?? []).filter((e) => e.EventName !== 'LookupEvents');
    const all = await eventually(async () => {
      const events = trailCalls((await lookup(account, {}, 'eu-west-1')).Events);
      return events.length === 6 ? events : undefined;
    });
    const times = all.map((e) => e.EventTime!.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const by = async (key: string, value: string): Promise<string[]> =>
      trailCalls(
        (
          await lookup(
            account,
            { LookupAttributes: [{ AttributeKey: key as never, AttributeValue: value }] },
            'eu-west-1',
          )
        ).Events,
      ).map((e) => e.EventName!);
    expect(await by('EventName', 'GetTrail')).toEqual(['GetTrail', 'GetTrail', 'GetTrail']);
    expect(await by('ReadOnly', 'false')).toEqual(['CreateTrail', 'CreateTrail', 'CreateTrail']);
    expect((await by('ReadOnly', 'true')).length).toBe(3);
    expect((await by('Username', 'root')).length).toBe(6);
    expect((await by('AccessKeyId', account.accessKeyId)).length).toBe(6);
    expect((await by('EventSource', 'cloudtrail.amazonaws.com')).length).toBe(6);
    expect(await by('ResourceName', arns[1])).toEqual(['GetTrail', 'CreateTrail']);
    expect(await by('ResourceName', names[1])).toEqual(['GetTrail', 'CreateTrail']);
    expect((await by('ResourceType', 'AWS::CloudTrail::Trail')).length).toBe(6);
    expect(await by('EventId', all[0].EventId!)).toEqual([all[0].EventName]);
    expect(await by('EventName', 'DeleteTrail')).toEqual([]);

    const middle = all[2].EventTime!;
    const ranged = trailCalls(
      (await lookup(account, { StartTime: middle, EndTime: all[0].EventTime }, 'eu-west-1')).Events,
    );
    expect(ranged.map((e) => e.EventId)).toEqual(all.slice(0, ranged.length).map((e) => e.EventId));
    expect(ranged.length).toBeGreaterThanOrEqual(3);
    expect(ranged.every((e) => e.EventTime!.getTime() >= middle.getTime())).toBe(true);
    const before = trailCalls(
      (await lookup(account, { EndTime: new Date(all[5].EventTime!.getTime() - 2000) }, 'eu-west-1')).Events,
    );
    expect(before).toEqual([]);

    const end = all[0].EventTime!;
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await lookup(account, { MaxResults: 4, EndTime: end, NextToken: token }, 'eu-west-1');
      seen.push(...page.Events!.map((e) => e.EventId!));
      token = page.NextToken;
    } while (token);
    const expected = trailCalls((await lookup(account, { EndTime: end }, 'eu-west-1')).Events).map(
      (e) => e.EventId!,
    );
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => expected.includes(id)).sort()).toEqual(all.map((e) => e.EventId!).sort());
  });

  it('keeps accounts and Regions apart', async () => {
    const [a, b] = [await given.account(app), await given.account(app)];
    await app
      .cloudtrail(a)
      .send(new CreateTrailCommand({ Name: uniqueName('t'), S3BucketName: 'audit-logs' }));
    expect(
      (await lookup(b, { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateTrail' }] }))
        .Events,
    ).toEqual([]);
    expect(
      (
        await lookup(
          a,
          { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateTrail' }] },
          'eu-west-1',
        )
      ).Events,
    ).toEqual([]);
  });

  it('rejects bad input with the §2.15 codes', async () => {
    const account = await given.account(app);
    await expect(lookup(account, { MaxResults: 0 })).rejects.toMatchObject({
      name: 'InvalidMaxResultsException',
    });
    await expect(lookup(account, { MaxResults: 51 })).rejects.toMatchObject({
      name: 'InvalidMaxResultsException',
    });
    await expect(
      lookup(account, {
        LookupAttributes: [
          { AttributeKey: 'EventName', AttributeValue: 'a' },
          { AttributeKey: 'Username', AttributeValue: 'b' },
        ],
      }),
    ).rejects.toMatchObject({ name: 'InvalidLookupAttributesException' });
    await expect(
      lookup(account, { StartTime: new Date(2026, 1, 2), EndTime: new Date(2026, 1, 1) }),
    ).rejects.toMatchObject({
      name: 'InvalidTimeRangeException',
    });
    await expect(lookup(account, { EventCategory: 'management' as never })).rejects.toMatchObject({
      name: 'InvalidEventCategoryException',
    });
  });

  it('rejects a tampered NextToken and one reused with other parameters', async () => {
    const account = await given.account(app);
    for (let i = 0; i < 3; i++)
      await app
        .cloudtrail(account)
        .send(new CreateTrailCommand({ Name: uniqueName('t'), S3BucketName: 'audit-logs' }));
    const first = await lookup(account, { MaxResults: 1 });
    expect(first.NextToken).toBeDefined();
    const token = first.NextToken!;
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    await expect(lookup(account, { MaxResults: 1, NextToken: tampered })).rejects.toMatchObject({
      name: 'InvalidNextTokenException',
    });
    await expect(lookup(account, { MaxResults: 2, NextToken: token })).rejects.toMatchObject({
      name: 'InvalidNextTokenException',
    });
    await expect(
      lookup(account, {
        MaxResults: 1,
        NextToken: token,
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateTrail' }],
      }),
    ).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
    expect((await lookup(account, { MaxResults: 1, NextToken: token })).Events).toHaveLength(1);
  });

  it('serves the same history over REST at GET /v1/events', async () => {
    const account = await given.account(app);
    await app
      .cloudtrail(account)
      .send(new CreateTrailCommand({ Name: uniqueName('t'), S3BucketName: 'audit-logs' }));
    const response = await app
      .rest(account)
      .get('/v1/events?attributeKey=EventName&attributeValue=CreateTrail');
    expect(response.status).toBe(200);
    expect(response.body.events).toHaveLength(1);
    expect(response.body.events[0]).toMatchObject({
      eventName: 'CreateTrail',
      readOnly: false,
      username: 'root',
    });
    const bad = await app.rest(account).get('/v1/events?maxResults=51');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('InvalidMaxResultsException');
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the events table', async () => {
    const client = new Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      await expect(client.query(`UPDATE events SET event_name = 'x'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM events`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE events CASCADE`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });

  it('purges only events older than 90 days', async () => {
    const account = await given.account(app);
    const repository = app.get(EventRepository);
    const dataSource = app.get(DataSource);
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
    const event = (daysAgo: number) =>
      buildEvent(rootCall(account, { eventTime: at(daysAgo), operation: `Aged${daysAgo}` }));
    await repository.insertMany(dataSource.manager, [event(100), event(91), event(89), event(1)]);
    await app.get(EventRetentionTask).run();
    const { Events } = await lookup(account, { StartTime: at(200) });
    expect(Events!.map((e) => e.EventName).filter((n) => n!.startsWith('Aged'))).toEqual(['Aged1', 'Aged89']);
  });

  it('never stores a secret: root credentials returned by CreateAccount are redacted', async () => {
    const response = await app
      .rest(OPERATOR)
      .post('/v1/accounts', { name: 'secret-check', email: `${uniqueName('s')}@example.com` });
    expect(response.status).toBe(201);
    const secret = response.body.secretAccessKey as string;
    const client = new Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM events WHERE record::text LIKE $1`,
        [`%${secret}%`],
      );
      expect(rows[0].n).toBe(0);
      const { rows: redacted } = await client.query(
        `SELECT record FROM events WHERE event_name = 'CreateAccount' AND account_id = $1 AND error_code IS NULL ORDER BY event_time DESC LIMIT 1`,
        [OPERATOR.accountId],
      );
      expect(redacted[0].record.responseElements.secretAccessKey).toBe('HIDDEN_DUE_TO_SECURITY_REASONS');
    } finally {
      await client.end();
    }
  });
});

describe('LookupEvents throttling', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ env: { TRAILPLANE_THROTTLING: 'on' } });
  });
  afterAll(() => app.close());

  it('allows 2 requests per second per account and Region, then ThrottlingException, which the SDK retries', async () => {
    const account = await given.account(app);
    const client = app.cloudtrail(account);
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map(() => client.send(new LookupEventsCommand({}))),
    );
    const throttled = results.filter((r) => r.status === 'rejected');
    expect(throttled.length).toBeGreaterThanOrEqual(2);
    expect(throttled[0].reason).toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 },
    });

    const other = await given.account(app);
    await expect(app.cloudtrail(other).send(new LookupEventsCommand({}))).resolves.toBeDefined();

    const { CloudTrailClient } = await import('@aws-sdk/client-cloudtrail');
    const retrying = new CloudTrailClient({
      endpoint: app.url,
      region: 'us-east-1',
      credentials: account,
      maxAttempts: 5,
    });
    await expect(retrying.send(new LookupEventsCommand({}))).resolves.toBeDefined();
  });
});
