import { randomUUID } from 'node:crypto';
import {
  CreateTrailCommand,
  LookupEventsCommand,
  type LookupEventsCommandInput,
  PutEventSelectorsCommand,
  StartLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { EnableAWSServiceAccessCommand } from '@aws-sdk/client-organizations';
import { type TestCredentials } from '../support/credentials';
import { given, type GivenOrganization, givenIam, uniqueName } from '../support/given';
import { eventually, OPERATOR, TestApp } from '../support/test-app';
import { givenLogBucket, storedLogFiles } from '../delivery/support/log-buckets';
import {
  invocation,
  type PutAnswer,
  putServiceEvents,
  putServiceEventsAwsJson,
  serviceRecord,
  type ServiceRecord,
} from './support/service-records';

/** Events of the cloud's other services (delivery.md §7): checked, stored once, looked up, delivered. */
describe('service events (PutServiceEvents)', () => {
  let app: TestApp;
  let org: GivenOrganization;
  let member: TestCredentials;
  let ingest: TestCredentials;
  let computeOnly: TestCredentials;
  let unprivileged: TestCredentials;
  const bucket = uniqueName('svc').toLowerCase();

  /** A role of the operator account with the inline policy given, and a session of it. */
  async function operatorRole(admin: TestCredentials, statement: object): Promise<TestCredentials> {
    const roleName = uniqueName('svc-role');
    const arn = await givenIam.role(app, OPERATOR, { roleName, trustedPrincipals: [OPERATOR.accountId] });
    const put = await app.rest(OPERATOR).put(`/v1/iam/roles/${roleName}/policies/ingest`, {
      policyDocument: { Version: '2012-10-17', Statement: [statement] },
    });
    expect(put.status).toBe(204);
    return givenIam.session(app, admin, arn);
  }

  beforeAll(async () => {
    app = await TestApp.start({ env: { TRAILPLANE_DELIVERY_INTERVAL_SECONDS: '1' } });
    org = await given.organization(app);
    member = await given.member(app, org);
    await app
      .organizations(org.management)
      .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' }));
    const admin = await givenIam.user(app, OPERATOR, { managedPolicies: ['AdministratorAccess'] });
    unprivileged = await givenIam.user(app, OPERATOR);
    const put = { Effect: 'Allow', Action: 'trailplane:PutServiceEvents', Resource: '*' };
    ingest = await operatorRole(admin, put);
    computeOnly = await operatorRole(admin, {
      ...put,
      Condition: { StringEquals: { 'trailplane:EventSource': 'compute.internal' } },
    });
  }, 120_000);
  afterAll(() => app.close());

  const lookup = (account: TestCredentials, region: string, input: LookupEventsCommandInput) =>
    app.cloudtrail(account, region).send(new LookupEventsCommand(input));
  const byEventId = (id: string) => ({
    LookupAttributes: [{ AttributeKey: 'EventId' as const, AttributeValue: id }],
  });

  it('stores a mixed batch once, answers each record, looks up management events and delivers by selectors', async () => {
    const trails = app.cloudtrail(org.management);
    const names = { basic: uniqueName('basic'), advanced: uniqueName('advanced') };
    const arns = Object.values(names).map(
      (n) => `arn:aws:cloudtrail:us-east-1:${org.management.accountId}:trail/${n}`,
    );
    await givenLogBucket(app, org.management, bucket, arns, [`basic/AWSLogs/*`, `advanced/AWSLogs/*`]);
    for (const [prefix, name] of Object.entries(names)) {
      await trails.send(
        new CreateTrailCommand({
          Name: name,
          S3BucketName: bucket,
          S3KeyPrefix: prefix,
          IsOrganizationTrail: true,
          IsMultiRegionTrail: true,
        }),
      );
    }
    await trails.send(
      new PutEventSelectorsCommand({
        TrailName: names.basic,
        EventSelectors: [
          {
            ReadWriteType: 'All',
            IncludeManagementEvents: true,
            DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }],
          },
        ],
      }),
    );
    await trails.send(
      new PutEventSelectorsCommand({
        TrailName: names.advanced,
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] },
              { Field: 'resources.ARN', StartsWith: ['arn:aws:lambda:eu-west-1:'] },
            ],
          },
        ],
      }),
    );
    for (const name of Object.values(names)) await trails.send(new StartLoggingCommand({ Name: name }));

    const instance = `arn:aws:compute:us-east-1:${member.accountId}:instance/i-${randomUUID().slice(0, 8)}`;
    const created = serviceRecord(member.accountId, {
      resources: [{ ARN: instance, accountId: member.accountId, type: 'AWS::Compute::Instance' }],
      sharedEventID: randomUUID(),
    });
    const batch: Array<ServiceRecord | string> = [
      created,
      invocation(member.accountId, 'eu-west-1', 'resize'),
      invocation(org.management.accountId, 'us-west-2', 'thumbs'),
      serviceRecord(org.management.accountId, {
        eventSource: 'storage.internal',
        eventName: 'ListVolumes',
        awsRegion: 'eu-west-1',
        readOnly: true,
      }),
      { ...created },
      serviceRecord(member.accountId, { eventTime: new Date(Date.now() - 8 * 86_400_000).toISOString() }),
      serviceRecord('000000000000'),
      serviceRecord(member.accountId, { awsRegion: 'ap-east-1' }),
      serviceRecord(member.accountId, { eventSource: 'cloudtrail.amazonaws.com' }),
      'not a record',
    ];
    const idOf = (index: number) => (batch[index] as ServiceRecord).eventID as string;
    const answered = await putServiceEvents(app, ingest, batch);
    expect(answered.status).toBe(200);
    const answer = answered.body as PutAnswer;
    expect(answer.accepted).toEqual([0, 1, 2, 3, 4].map((index) => ({ index, eventID: idOf(index) })));
    expect(answer.failed.map((f) => [f.index, f.errorCode])).toEqual([
      [5, 'EventTimeOutOfRange'],
      [6, 'AccountNotFound'],
      [7, 'RegionNotEnabled'],
      [8, 'InvalidEventSource'],
      [9, 'InvalidRecord'],
    ]);

    // A retried batch (here over AWS JSON) is answered the same and stores nothing twice.
    const retried = await putServiceEventsAwsJson(app, ingest, batch);
    expect(retried.status).toBe(200);
    expect((JSON.parse(retried.text) as { Accepted: unknown[] }).Accepted).toHaveLength(5);

    const found = await lookup(member, 'us-east-1', byEventId(created.eventID as string));
    expect(found.Events).toHaveLength(1);
    const stored = JSON.parse(found.Events![0].CloudTrailEvent!) as Record<string, unknown>;
    expect(stored).toEqual({ ...created, eventVersion: '1.11', sharedEventID: undefined });
    expect(stored).not.toHaveProperty('sharedEventID');
    for (const [key, value] of [
      ['ResourceName', instance],
      ['ResourceName', instance.split('/')[1]],
      ['ResourceType', 'AWS::Compute::Instance'],
      ['EventSource', 'compute.internal'],
      ['Username', 'alice'],
      ['AccessKeyId', 'ASIAEXAMPLEALICE0001'],
    ] as const) {
      const { Events } = await lookup(member, 'us-east-1', {
        LookupAttributes: [{ AttributeKey: key, AttributeValue: value }],
      });
      expect(Events?.map((e) => e.EventId)).toEqual([created.eventID]);
    }
    // Data events reach trails only.
    expect((await lookup(member, 'eu-west-1', byEventId(idOf(1)))).Events).toEqual([]);

    const delivered = async (prefix: string) =>
      (await storedLogFiles(app, bucket, `${prefix}/`))
        .flatMap((file) => file.records)
        .filter((r) => String(r.eventSource).endsWith('.internal'));
    const basic = await eventually(async () => {
      const records = await delivered('basic');
      return records.length >= 4 ? records : undefined;
    });
    const idsOf = (indexes: number[]) => indexes.map(idOf).sort();
    expect(basic.map((r) => r.eventID).sort()).toEqual(idsOf([0, 1, 2, 3]));
    expect(basic.find((r) => r.eventID === created.eventID)).toEqual(stored);
    const advanced = await eventually(async () => {
      const records = await delivered('advanced');
      return records.length >= 1 ? records : undefined;
    });
    expect(advanced.map((r) => r.eventID)).toEqual(idsOf([1]));
  }, 90_000);

  it('is refused to member accounts, to operator principals without the permission, and outside the allowed source', async () => {
    const record = () => serviceRecord(member.accountId);
    const refused = [
      await putServiceEvents(app, member, [record()]),
      await putServiceEvents(app, unprivileged, [record()]),
      await putServiceEvents(app, computeOnly, [
        serviceRecord(member.accountId, { eventSource: 'storage.internal' }),
      ]),
      await putServiceEvents(app, computeOnly, [
        record(),
        serviceRecord(member.accountId, { eventSource: 'db.internal' }),
      ]),
    ];
    expect(refused.map((r) => [r.status, r.body.error?.code])).toEqual(
      Array.from({ length: 4 }, () => [403, 'AccessDeniedException']),
    );
    const allowed = await putServiceEvents(app, computeOnly, [record()]);
    expect(allowed.status).toBe(200);
    expect((allowed.body as PutAnswer).accepted).toHaveLength(1);
  });

  it('refuses whole requests past the limits, storing nothing', async () => {
    const tooMany = Array.from({ length: 501 }, () => serviceRecord(member.accountId));
    const many = await putServiceEvents(app, ingest, tooMany);
    expect([many.status, many.body.error?.code]).toEqual([400, 'ValidationException']);
    const big = serviceRecord(member.accountId, { requestParameters: { blob: 'x'.repeat(200_000) } });
    const tooLarge = await putServiceEvents(
      app,
      ingest,
      Array.from({ length: 6 }, () => ({ ...big, eventID: randomUUID() })),
    );
    expect(tooLarge.status).toBe(413);
    const oneTooLarge = await putServiceEvents(app, ingest, [
      serviceRecord(member.accountId, { requestParameters: { blob: 'x'.repeat(270_000) } }),
    ]);
    expect((oneTooLarge.body as PutAnswer).failed.map((f) => f.errorCode)).toEqual(['RecordTooLarge']);
    for (const id of [tooMany[0].eventID, ...tooMany.slice(-1).map((r) => r.eventID)]) {
      expect((await lookup(member, 'us-east-1', byEventId(id as string))).Events).toEqual([]);
    }
  });
});
