import { given, uniqueName } from '../support/given';
import { DocumentedCalls, openApiDocument } from '../support/openapi-document';
import { eventually, OPERATOR, TestApp } from '../support/test-app';
import { exerciseOrganizations } from './support/organizations-calls';

/**
 * Every REST operation called for real, every answer checked against the schema the OpenAPI
 * document publishes for that operation and status: members exact (none undocumented, none
 * missing), types, enums and error codes as documented.
 */
describe('REST answers match the OpenAPI document', () => {
  let app: TestApp;
  let calls: DocumentedCalls;
  beforeAll(async () => {
    app = await TestApp.start();
    calls = new DocumentedCalls(app, await openApiDocument(app));
  });
  afterAll(() => app.close());

  const document = (action: string) => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
  });

  it('the partition, accounts and Regions', async () => {
    const operator = calls.as(OPERATOR);
    const name = uniqueName('acct').slice(0, 50);
    const created = await operator.ok<{ accountId: string; accessKeyId: string; secretAccessKey: string }>(
      'POST',
      '/v1/accounts',
      { name, email: `${name}@example.com` },
    );
    const account = calls.as({ ...created });
    await operator.ok('POST', '/v1/regions', { name: 'zz-openapi-1', optIn: true });
    await operator.fails('POST', '/v1/regions', 'RegionAlreadyExistsException', {
      name: 'zz-openapi-1',
      optIn: true,
    });
    await account.fails('POST', '/v1/regions', 'AccessDeniedException', {
      name: 'zz-openapi-2',
      optIn: true,
    });
    await operator.ok('GET', '/v1/regions');
    await account.ok('GET', '/v1/account/regions');
    await account.ok('PUT', '/v1/account/regions/zz-openapi-1');
    await account.ok('DELETE', '/v1/account/regions/zz-openapi-1');
    await account.fails('PUT', '/v1/account/regions/us-east-1', 'ValidationException');
  });

  it('trails, their selectors and tags, and the events they leave', async () => {
    const ownerAccount = await given.account(app);
    const owner = calls.as(ownerAccount);
    const name = uniqueName('trail');
    const trail = await owner.ok<{ trailArn: string }>('POST', '/v1/trails', {
      name,
      s3BucketName: 'openapi-audit-logs',
      tagsList: [{ key: 'team', value: 'audit' }],
    });
    await owner.fails('POST', '/v1/trails', 'TrailAlreadyExistsException', {
      name,
      s3BucketName: 'openapi-audit-logs',
    });
    await owner.ok('GET', '/v1/trails');
    await owner.ok('GET', `/v1/trails?name=${name}&includeShadowTrails=false`);
    await owner.ok('GET', '/v1/trail-summaries');
    await owner.ok('GET', `/v1/trails/${name}`);
    await owner.fails('GET', '/v1/trails/no-such-trail', 'TrailNotFoundException');
    await owner.ok('PATCH', `/v1/trails/${name}`, { s3KeyPrefix: 'logs', enableLogFileValidation: true });
    await owner.ok('POST', `/v1/trails/${name}/logging`);
    await owner.ok('GET', `/v1/trails/${name}/status`);
    await owner.ok('DELETE', `/v1/trails/${name}/logging`);
    await owner.ok('GET', `/v1/trails/${name}/status`);
    await owner.ok('PUT', `/v1/trails/${name}/event-selectors`, {
      eventSelectors: [
        {
          readWriteType: 'All',
          dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::openapi-bucket/'] }],
        },
      ],
    });
    await owner.ok('GET', `/v1/trails/${name}/event-selectors`);
    await owner.fails('GET', `/v1/trails/${name}/insight-selectors`, 'InsightNotEnabledException');
    await owner.ok('PUT', `/v1/trails/${name}/insight-selectors`, {
      insightSelectors: [{ insightType: 'ApiCallRateInsight' }],
    });
    await owner.ok('GET', `/v1/trails/${name}/insight-selectors`);
    await owner.ok('PUT', `/v1/trails/${name}/event-selectors`, {
      advancedEventSelectors: [
        { name: 'Management', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] },
      ],
    });
    const arn = encodeURIComponent(trail.trailArn);
    await owner.ok('POST', `/v1/trails/${arn}/tags`, {
      tagsList: [{ key: 'stage' }, { key: 'owner', value: 'sec' }],
    });
    await owner.ok('GET', `/v1/trails/${arn}/tags`);
    await owner.ok('DELETE', `/v1/trails/${arn}/tags?key=stage`);
    await owner.ok('GET', `/v1/trails/${name}/propagation`);
    await owner.ok('GET', `/v1/trails/${name}/deliveries`);
    await owner.ok(
      'GET',
      `/v1/trails/${name}/integrity?startTime=${new Date(Date.now() - 60_000).toISOString()}`,
    );
    await owner.fails('GET', `/v1/trails/${name}/integrity`, 'ValidationException');
    await owner.ok('GET', '/v1/public-keys');
    await owner.ok('DELETE', `/v1/trails/${name}`);

    const page = await eventually(async () => {
      const found = await owner.ok<{ events: unknown[]; nextToken?: string }>(
        'GET',
        '/v1/events?maxResults=1',
      );
      return found.nextToken ? found : undefined;
    });
    expect(page.events).toHaveLength(1);
    await owner.ok('GET', `/v1/events?attributeKey=EventName&attributeValue=CreateTrail`);

    const record = {
      eventVersion: '1.08',
      eventID: '8a5bd2f2-1d1a-4c39-9d55-7d0d2f1e0a01',
      eventTime: new Date().toISOString(),
      eventSource: 'compute.internal',
      eventName: 'RunInstances',
      awsRegion: 'us-east-1',
      recipientAccountId: ownerAccount.accountId,
      eventType: 'AwsApiCall',
      eventCategory: 'Management',
      readOnly: false,
      managementEvent: true,
    };
    await calls.as(OPERATOR).ok('POST', '/v1/service-events', {
      records: [
        record,
        { ...record, eventID: '8a5bd2f2-1d1a-4c39-9d55-7d0d2f1e0a02', awsRegion: 'ap-east-1' },
      ],
    });
    await owner.fails('POST', '/v1/service-events', 'AccessDeniedException', { records: [record] });
  });

  it('IAM users, roles, managed and inline policies, simulation and STS', async () => {
    const root = await given.account(app);
    const admin = calls.as(root);
    const userName = uniqueName('user');
    const user = await admin.ok<{ arn: string }>('POST', '/v1/iam/users', {
      userName,
      tags: [{ key: 'team', value: 'audit' }],
    });
    await admin.fails('POST', '/v1/iam/users', 'EntityAlreadyExists', { userName });
    await admin.ok('GET', '/v1/iam/users');
    await admin.ok('GET', `/v1/iam/users/${userName}`);
    await admin.fails('GET', '/v1/iam/users/nobody', 'NoSuchEntity');
    const key = await admin.ok<{ accessKeyId: string; secretAccessKey: string }>(
      'POST',
      `/v1/iam/users/${userName}/access-keys`,
    );
    await admin.ok('GET', `/v1/iam/users/${userName}/access-keys`);
    const roleName = uniqueName('role');
    const role = await admin.ok<{ arn: string }>('POST', '/v1/iam/roles', {
      roleName,
      assumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: user.arn }, Action: 'sts:AssumeRole' }],
      },
      description: 'Reads trails',
      maxSessionDuration: 7200,
    });
    await admin.ok('GET', '/v1/iam/roles');
    await admin.ok('GET', `/v1/iam/roles/${roleName}`);

    const policy = await admin.ok<{ arn: string }>('POST', '/v1/iam/policies', {
      policyName: uniqueName('readers'),
      policyDocument: document('cloudtrail:Get*'),
      description: 'Trail readers',
    });
    const policyArn = encodeURIComponent(policy.arn);
    const truncated = await admin.ok<{ isTruncated: boolean }>('GET', '/v1/iam/policies?maxItems=1');
    expect(truncated.isTruncated).toBe(true);
    await admin.ok('GET', '/v1/iam/policies?scope=Local&onlyAttached=false');
    await admin.ok('GET', `/v1/iam/policies/${policyArn}`);
    await admin.ok('POST', `/v1/iam/policies/${policyArn}/versions`, {
      policyDocument: document('cloudtrail:List*'),
    });
    await admin.ok('GET', `/v1/iam/policies/${policyArn}/versions`);
    await admin.ok('GET', `/v1/iam/policies/${policyArn}/versions/v2`);
    await admin.ok('PUT', `/v1/iam/policies/${policyArn}/default-version`, { versionId: 'v2' });
    await admin.ok('DELETE', `/v1/iam/policies/${policyArn}/versions/v1`);

    for (const [kind, principal] of [
      ['users', userName],
      ['roles', roleName],
    ]) {
      const base = `/v1/iam/${kind}/${principal}`;
      await admin.ok('POST', `${base}/attached-policies`, { policyArn: policy.arn });
      await admin.ok('GET', `${base}/attached-policies`);
      await admin.ok('DELETE', `${base}/attached-policies?policyArn=${policyArn}`);
      await admin.ok('PUT', `${base}/policies/Assume`, { policyDocument: document('sts:AssumeRole') });
      await admin.ok('GET', `${base}/policies`);
      await admin.ok('GET', `${base}/policies/Assume`);
    }

    await admin.ok('POST', '/v1/iam/simulate', {
      request: {
        principal: { arn: user.arn, account: root.accountId, type: 'User' },
        action: 'cloudtrail:GetTrail',
        resource: { arn: '*', account: root.accountId },
      },
      policies: { identity: [{ name: 'Readers', document: document('cloudtrail:Get*') }] },
    });
    await admin.ok('POST', '/v1/iam/simulate-principal', {
      policySourceArn: user.arn,
      actionNames: ['sts:AssumeRole', 'cloudtrail:DeleteTrail'],
    });

    const asUser = calls.as({ accountId: root.accountId, ...key });
    const session = await asUser.ok<{
      credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
    }>('POST', '/v1/sts/assume-role', { roleArn: role.arn, roleSessionName: 'openapi' });
    await calls
      .as({ accountId: root.accountId, ...session.credentials })
      .ok('GET', '/v1/sts/caller-identity');
    await asUser.ok('POST', '/v1/sts/session-token', { durationSeconds: 900 });
    await admin.ok('GET', '/v1/coverage');
    await admin.fails('POST', '/v1/sts/assume-role', 'AccessDeniedException', {
      roleArn: role.arn,
      roleSessionName: 'root',
    });

    for (const base of [`/v1/iam/users/${userName}`, `/v1/iam/roles/${roleName}`]) {
      await admin.ok('DELETE', `${base}/policies/Assume`);
    }
    await admin.fails('DELETE', `/v1/iam/users/${userName}`, 'DeleteConflict');
    await admin.ok('DELETE', `/v1/iam/users/${userName}/access-keys/${key.accessKeyId}`);
    await admin.ok('DELETE', `/v1/iam/users/${userName}`);
    await admin.ok('DELETE', `/v1/iam/roles/${roleName}`);
    await admin.ok('DELETE', `/v1/iam/policies/${policyArn}`);
  });

  it('Organizations: the organization, accounts, units, handshakes, delegation and policies', async () => {
    await exerciseOrganizations(app, calls);
  });

  it('called every documented REST operation', () => {
    expect(calls.unseen()).toEqual([]);
  });
});
