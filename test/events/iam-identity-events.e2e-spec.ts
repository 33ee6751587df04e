import {
  CreateTrailCommand,
  type Event,
  LookupEventsCommand,
  type LookupAttributeKey,
} from '@aws-sdk/client-cloudtrail';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { type CloudTrailRecord } from '@app/events';
import { type TestCredentials } from '../support/credentials';
import { given, givenIam, uniqueName } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import { sdkError, stsClient } from '../iam/support/iam-clients';

const ASSUME_ANY_ROLE = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
};
const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';
/** CloudTrail's `eventTime` / `creationDate` form: ISO 8601 UTC to the second. */
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('events of IAM users and role sessions (issue 6)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  /** The events of `account` matching one lookup attribute (LookupEvents through the SDK, as root). */
  const lookup = async (
    account: TestCredentials,
    key: LookupAttributeKey,
    value: string,
    region = 'us-east-1',
  ): Promise<Event[]> =>
    (
      await app
        .cloudtrail(account, region)
        .send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: key, AttributeValue: value }] }))
    ).Events ?? [];

  /** The one event named `eventName` in `account` that `match` accepts; waits for buffered events. */
  const eventOf = (
    account: TestCredentials,
    eventName: string,
    match: (record: CloudTrailRecord) => boolean = () => true,
  ): Promise<{ event: Event; record: CloudTrailRecord }> =>
    eventually(async () => {
      const found = (await lookup(account, 'EventName', eventName))
        .map((event) => ({ event, record: JSON.parse(event.CloudTrailEvent!) as CloudTrailRecord }))
        .filter(({ record }) => match(record));
      expect(found.length).toBeLessThanOrEqual(1);
      return found[0];
    });

  const userIdOf = async (account: TestCredentials, userName: string): Promise<string> => {
    const response = await app.rest(account).get(`/v1/iam/users/${userName}`);
    expect(response.status).toBe(200);
    return response.body.userId as string;
  };
  const roleIdOf = async (account: TestCredentials, roleName: string): Promise<string> => {
    const response = await app.rest(account).get(`/v1/iam/roles/${roleName}`);
    expect(response.status).toBe(200);
    return response.body.roleId as string;
  };

  it('records a CreateTrail by an IAM user with its IAMUser identity, camelCase parameters, response and the trail', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account, { managedPolicies: ['AWSCloudTrail_FullAccess'] });
    const name = uniqueName('t');
    const created = await app
      .cloudtrail(user)
      .send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs', IsMultiRegionTrail: true }));

    const { event, record } = await eventOf(account, 'CreateTrail');
    expect(event).toMatchObject({
      EventName: 'CreateTrail',
      EventSource: 'cloudtrail.amazonaws.com',
      ReadOnly: 'false',
      Username: user.userName,
      AccessKeyId: user.accessKeyId,
      Resources: [{ ResourceType: 'AWS::CloudTrail::Trail', ResourceName: created.TrailARN }],
    });
    expect(record.userIdentity).toEqual({
      type: 'IAMUser',
      principalId: await userIdOf(account, user.userName),
      arn: `arn:aws:iam::${account.accountId}:user/${user.userName}`,
      accountId: account.accountId,
      accessKeyId: user.accessKeyId,
      userName: user.userName,
    });
    expect(user.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(record.userIdentity.principalId).toMatch(/^AIDA[A-Z0-9]{16}$/);
    expect(record).toMatchObject({
      eventVersion: '1.11',
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'CreateTrail',
      awsRegion: 'us-east-1',
      readOnly: false,
      requestParameters: { name, s3BucketName: 'audit-logs', isMultiRegionTrail: true },
      responseElements: {
        name,
        trailARN: created.TrailARN,
        s3BucketName: 'audit-logs',
        isMultiRegionTrail: true,
      },
      eventType: 'AwsApiCall',
      managementEvent: true,
      eventCategory: 'Management',
      recipientAccountId: account.accountId,
    });
    expect(record.eventTime).toMatch(ISO_SECONDS);
    expect(record).not.toHaveProperty('errorCode');
    expect(record.resources).toEqual([
      { ARN: created.TrailARN, accountId: account.accountId, type: 'AWS::CloudTrail::Trail' },
    ]);

    // The user's name and key find the event too (and only the user's own calls).
    const byUser = await lookup(account, 'Username', user.userName);
    expect(byUser.map((e) => e.EventId)).toContain(event.EventId);
    expect(byUser.every((e) => e.Username === user.userName)).toBe(true);
    const byKey = await lookup(account, 'AccessKeyId', user.accessKeyId);
    expect(byKey.map((e) => e.EventId)).toContain(event.EventId);
    expect(byKey.every((e) => e.AccessKeyId === user.accessKeyId)).toBe(true);
  });

  it('records a CreateTrail by a role session with its AssumedRole identity and session context', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account, { inlinePolicies: { Assume: ASSUME_ANY_ROLE } });
    const roleName = uniqueName('ops');
    const roleArn = await givenIam.role(app, account, {
      roleName,
      trustedPrincipals: [user.arn],
      managedPolicies: ['AWSCloudTrail_FullAccess'],
    });
    const before = Math.floor(Date.now() / 1000) * 1000;
    const session = await givenIam.session(app, user, roleArn, { sessionName: 'deploy' });
    const after = Date.now();
    expect(session.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    const name = uniqueName('t');
    const created = await app
      .cloudtrail(session, 'eu-west-1')
      .send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));

    const { event, record } = await eventually(async () => {
      const [found] = await lookup(account, 'EventName', 'CreateTrail', 'eu-west-1');
      return found && { event: found, record: JSON.parse(found.CloudTrailEvent!) as CloudTrailRecord };
    });
    const roleId = await roleIdOf(account, roleName);
    expect(event).toMatchObject({ Username: 'deploy', AccessKeyId: session.accessKeyId });
    expect(record.userIdentity).toEqual({
      type: 'AssumedRole',
      principalId: `${roleId}:deploy`,
      arn: `arn:aws:sts::${account.accountId}:assumed-role/${roleName}/deploy`,
      accountId: account.accountId,
      accessKeyId: session.accessKeyId,
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: roleId,
          arn: roleArn,
          accountId: account.accountId,
          userName: roleName,
        },
        attributes: { creationDate: expect.stringMatching(ISO_SECONDS), mfaAuthenticated: 'false' },
      },
    });
    const sessionContext = record.userIdentity.sessionContext as { attributes: { creationDate: string } };
    const issued = Date.parse(sessionContext.attributes.creationDate);
    expect(issued).toBeGreaterThanOrEqual(before);
    expect(issued).toBeLessThanOrEqual(after);
    expect(record).toMatchObject({
      eventSource: 'cloudtrail.amazonaws.com',
      awsRegion: 'eu-west-1',
      readOnly: false,
      requestParameters: { name, s3BucketName: 'audit-logs' },
      responseElements: { name, trailARN: created.TrailARN },
      recipientAccountId: account.accountId,
      resources: [{ ARN: created.TrailARN, accountId: account.accountId, type: 'AWS::CloudTrail::Trail' }],
    });
  });

  it('records a call denied to an IAM user with errorCode AccessDenied and the denial message', async () => {
    const account = await given.account(app);
    const reader = await givenIam.user(app, account, { managedPolicies: ['AWSCloudTrail_ReadOnlyAccess'] });
    const name = uniqueName('t');
    const denied = await sdkError(
      app.cloudtrail(reader).send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' })),
    );
    expect(denied).toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(
        `User: ${reader.arn} is not authorized to perform: cloudtrail:CreateTrail`,
      ),
    });

    const { event, record } = await eventOf(account, 'CreateTrail');
    expect(event).toMatchObject({
      Username: reader.userName,
      AccessKeyId: reader.accessKeyId,
      ReadOnly: 'false',
    });
    expect(record).toMatchObject({
      userIdentity: { type: 'IAMUser', arn: reader.arn, userName: reader.userName },
      eventSource: 'cloudtrail.amazonaws.com',
      errorCode: 'AccessDenied',
      errorMessage: denied.message,
      requestParameters: { name, s3BucketName: 'audit-logs' },
      responseElements: null,
      readOnly: false,
    });

    // A denied STS call (query protocol) too.
    const roleArn = await givenIam.role(app, account, { trustedPrincipals: [account.accountId] });
    const refused = await sdkError(
      stsClient(app, reader).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'nope' })),
    );
    expect(refused.name).toBe('AccessDenied');
    const assume = await eventOf(account, 'AssumeRole', (r) => r.errorCode !== undefined);
    expect(assume.record).toMatchObject({
      eventSource: 'sts.amazonaws.com',
      errorCode: 'AccessDenied',
      errorMessage: refused.message,
      userIdentity: { type: 'IAMUser', arn: reader.arn },
      requestParameters: { roleArn, roleSessionName: 'nope' },
      responseElements: null,
    });
  });

  it('records IAM calls (REST) and STS calls in us-east-1 under their own event source, without secrets', async () => {
    const account = await given.account(app);
    // IAM is global: called with a eu-west-1 scope, its events are still us-east-1's.
    const root = app.rest(account, 'eu-west-1');
    const userName = uniqueName('u');
    const createdUser = await root.post('/v1/iam/users', { userName });
    expect(createdUser.status).toBe(201);
    await root.put(`/v1/iam/users/${userName}/policies/Assume`, { policyDocument: ASSUME_ANY_ROLE });
    const createdKey = await root.post(`/v1/iam/users/${userName}/access-keys`);
    expect(createdKey.status).toBe(201);
    const key = createdKey.body as { accessKeyId: string; secretAccessKey: string };

    const createUser = await eventOf(account, 'CreateUser');
    expect(createUser.event).toMatchObject({ EventSource: 'iam.amazonaws.com', Username: 'root' });
    expect(createUser.record).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      awsRegion: 'us-east-1',
      readOnly: false,
      requestParameters: { userName },
      responseElements: { userName, arn: createdUser.body.arn, userId: createdUser.body.userId },
      userIdentity: { type: 'Root', accountId: account.accountId },
      recipientAccountId: account.accountId,
    });
    expect(createUser.record.resources).toContainEqual({
      ARN: createdUser.body.arn,
      accountId: account.accountId,
      type: 'AWS::IAM::User',
    });
    expect(await lookup(account, 'EventName', 'CreateUser', 'eu-west-1')).toEqual([]);

    const createKey = await eventOf(account, 'CreateAccessKey');
    expect(createKey.record).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      awsRegion: 'us-east-1',
      requestParameters: { userName },
      responseElements: { userName, accessKeyId: key.accessKeyId, secretAccessKey: HIDDEN },
    });
    expect(createKey.event.CloudTrailEvent).not.toContain(key.secretAccessKey);

    // AssumeRole through @aws-sdk/client-sts, signed for eu-west-1.
    const user = { accountId: account.accountId, ...key };
    const roleName = uniqueName('r');
    const roleArn = await givenIam.role(app, account, {
      roleName,
      trustedPrincipals: [createdUser.body.arn],
    });
    const assumed = await stsClient(app, user, 'eu-west-1').send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'evt', DurationSeconds: 900 }),
    );
    const credentials = assumed.Credentials!;
    const assume = await eventOf(account, 'AssumeRole');
    expect(assume.event).toMatchObject({ EventSource: 'sts.amazonaws.com', Username: userName });
    expect(assume.record).toMatchObject({
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      awsRegion: 'us-east-1',
      userIdentity: { type: 'IAMUser', accessKeyId: key.accessKeyId, userName },
      requestParameters: { roleArn, roleSessionName: 'evt', durationSeconds: 900 },
      responseElements: {
        credentials: { accessKeyId: credentials.AccessKeyId },
        assumedRoleUser: {
          arn: `arn:aws:sts::${account.accountId}:assumed-role/${roleName}/evt`,
          assumedRoleId: assumed.AssumedRoleUser!.AssumedRoleId,
        },
      },
    });
    const recorded = (assume.record.responseElements as { credentials: Record<string, unknown> }).credentials;
    expect(recorded.secretAccessKey).toBe(HIDDEN);
    expect(recorded.sessionToken).toBe(HIDDEN);
    expect(assume.record.resources).toContainEqual({
      ARN: roleArn,
      accountId: account.accountId,
      type: 'AWS::IAM::Role',
    });
    for (const secret of [credentials.SecretAccessKey!, credentials.SessionToken!, key.secretAccessKey])
      expect(assume.event.CloudTrailEvent).not.toContain(secret);
    expect(await lookup(account, 'EventSource', 'sts.amazonaws.com', 'eu-west-1')).toEqual([]);
  });
});
