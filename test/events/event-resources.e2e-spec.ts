import {
  CreateTrailCommand,
  DeleteTrailCommand,
  DescribeTrailsCommand,
  GetTrailCommand,
  ListTrailsCommand,
  LookupEventsCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { given, uniqueName } from '../support/given';
import { type TestCredentials } from '../support/credentials';
import { eventually, TestApp } from '../support/test-app';

interface RecordedEvent {
  readonly eventName: string;
  readonly requestParameters: Record<string, unknown> | null;
  readonly resources?: Array<{ ARN: string; type: string }>;
}

/**
 * An event names what its request names (the trail resolved from a name or an ARN); lists name
 * none. The same call records the same `requestParameters` (the AWS member names) whichever
 * transport carried it.
 */
describe('event resources and parameters', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  async function recorded(
    account: TestCredentials,
    attribute: { key: string; value: string },
  ): Promise<RecordedEvent[]> {
    const { Events } = await app.cloudtrail(account).send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: attribute.key as never, AttributeValue: attribute.value }],
      }),
    );
    return (Events ?? []).map((event) => JSON.parse(event.CloudTrailEvent ?? '{}') as RecordedEvent);
  }

  it('finds every call that named a trail by its ARN, whether it was named by name or by ARN', async () => {
    const account = await given.account(app);
    const cloudtrail = app.cloudtrail(account);
    const name = uniqueName('named');
    const { TrailARN: arn } = await cloudtrail.send(
      new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }),
    );
    await cloudtrail.send(new StartLoggingCommand({ Name: name }));
    expect((await app.rest(account).delete(`/v1/trails/${name}/logging`)).status).toBe(204);
    await cloudtrail.send(new GetTrailCommand({ Name: arn }));
    await cloudtrail.send(new DescribeTrailsCommand({ trailNameList: [name] }));
    await cloudtrail.send(new ListTrailsCommand({}));
    await cloudtrail.send(new DeleteTrailCommand({ Name: name }));

    const byArn = await eventually(async () => {
      const events = await recorded(account, { key: 'ResourceName', value: arn! });
      return events.length >= 5 ? events : undefined;
    });
    expect(byArn.map((event) => event.eventName).sort()).toEqual(
      ['CreateTrail', 'DeleteTrail', 'GetTrail', 'StartLogging', 'StopLogging'].sort(),
    );
    for (const event of byArn) {
      expect(event.resources).toEqual([
        { ARN: arn, accountId: account.accountId, type: 'AWS::CloudTrail::Trail' },
      ]);
    }
    const lists = await eventually(async () => {
      const describe = await recorded(account, { key: 'EventName', value: 'DescribeTrails' });
      const list = await recorded(account, { key: 'EventName', value: 'ListTrails' });
      return describe.length > 0 && list.length > 0 ? [...describe, ...list] : undefined;
    });
    for (const event of lists) expect(event.resources).toBeUndefined();
  });

  it('records the same requestParameters for the same call over REST and the AWS protocol', async () => {
    const account = await given.account(app);
    const cloudtrail = app.cloudtrail(account);
    const name = uniqueName('same');
    await cloudtrail.send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));
    const selectors = [{ ReadWriteType: 'WriteOnly' as const, IncludeManagementEvents: true }];
    await cloudtrail.send(new PutEventSelectorsCommand({ TrailName: name, EventSelectors: selectors }));
    await cloudtrail.send(new GetTrailCommand({ Name: name }));
    const rest = app.rest(account);
    expect(
      (
        await rest.put(`/v1/trails/${name}/event-selectors`, {
          eventSelectors: [{ readWriteType: 'WriteOnly', includeManagementEvents: true }],
        })
      ).status,
    ).toBe(200);
    expect((await rest.get(`/v1/trails/${name}`)).status).toBe(200);

    for (const [operation, expected] of [
      [
        'PutEventSelectors',
        { trailName: name, eventSelectors: [{ readWriteType: 'WriteOnly', includeManagementEvents: true }] },
      ],
      ['GetTrail', { name }],
    ] as const) {
      const events = await eventually(async () => {
        const found = await recorded(account, { key: 'EventName', value: operation });
        return found.length === 2 ? found : undefined;
      });
      expect(events.map((event) => event.requestParameters)).toEqual([expected, expected]);
    }
  });
});
