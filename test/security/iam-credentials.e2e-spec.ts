import {
  CreateTrailCommand,
  GetTrailCommand,
  ListTrailsCommand,
  LookupEventsCommand,
} from '@aws-sdk/client-cloudtrail';
import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { EventRecorder } from '@app/events';
import { presignUrl } from '@app/sigv4';
import { Client } from 'pg';
import { type Response } from 'supertest';
import { type TestCredentials } from '../support/credentials';
import { given, givenIam, uniqueName } from '../support/given';
import { signedRequest } from '../support/signed-request';
import { OPERATOR, TestApp } from '../support/test-app';
import { sdkError, stsClient } from '../iam/support/iam-clients';

const ASSUME_ANY_ROLE = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
};
const INVALID_TOKEN = 'The security token included in the request is invalid.';

describe('IAM and STS credentials: revoked sessions refused, secrets never leak', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ captureLogs: true });
  });
  afterAll(() => app.close());

  /** A REST GET presigned with `credentials` (its session token travels in the query string). */
  const presignedGet = (credentials: TestCredentials, path: string): Promise<globalThis.Response> =>
    fetch(
      presignUrl({
        url: `${app.url}${path}`,
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        sessionToken: credentials.sessionToken,
        region: 'us-east-1',
        service: 'trailplane',
        now: new Date(),
      }),
    );

  it('refuses the session of a deleted role on every protocol, even once a role of that name exists again', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account, { inlinePolicies: { Assume: ASSUME_ANY_ROLE } });
    const roleName = uniqueName('gone');
    const roleArn = await givenIam.role(app, account, { roleName, trustedPrincipals: [user.arn] });
    const session = await givenIam.session(app, user, roleArn);

    // Authenticated before: STS and REST answer, CloudTrail authorizes (and denies: the role has no policy).
    expect((await stsClient(app, session).send(new GetCallerIdentityCommand({}))).Arn).toBe(session.arn);
    expect((await app.rest(session).get('/v1/sts/caller-identity')).status).toBe(200);
    expect((await presignedGet(session, '/v1/sts/caller-identity')).status).toBe(200);
    expect(await sdkError(app.cloudtrail(session).send(new ListTrailsCommand({})))).toMatchObject({
      name: 'AccessDeniedException',
    });

    expect((await app.rest(account).delete(`/v1/iam/roles/${roleName}`)).status).toBe(204);
    const refusedEverywhere = async (): Promise<void> => {
      expect(await sdkError(app.cloudtrail(session).send(new ListTrailsCommand({})))).toEqual({
        name: 'UnrecognizedClientException',
        message: INVALID_TOKEN,
      });
      expect(
        await sdkError(app.organizations(session).send(new DescribeOrganizationCommand({}))),
      ).toMatchObject({ name: 'UnrecognizedClientException', message: INVALID_TOKEN });
      expect(await sdkError(stsClient(app, session).send(new GetCallerIdentityCommand({})))).toMatchObject({
        name: 'InvalidClientTokenId',
      });
      const rest = await app.rest(session).get('/v1/sts/caller-identity');
      expect([rest.status, rest.body.error?.code]).toEqual([403, 'UnrecognizedClientException']);
      const presigned = await presignedGet(session, '/v1/sts/caller-identity');
      expect(presigned.status).toBe(403);
      expect(((await presigned.json()) as { error: { code: string } }).error.code).toBe(
        'UnrecognizedClientException',
      );
    };
    await refusedEverywhere();

    // A new role under the same name is another role: the old session does not come back with it.
    await givenIam.role(app, account, { roleName, trustedPrincipals: [user.arn] });
    await refusedEverywhere();
    const fresh = await givenIam.session(app, user, roleArn);
    expect((await stsClient(app, fresh).send(new GetCallerIdentityCommand({}))).Arn).toBe(fresh.arn);
  });

  it('keeps IAM access-key secrets and STS secrets and session tokens out of logs, events, stored rows and errors', async () => {
    const secrets: string[] = [OPERATOR.secretAccessKey];
    const errors: Array<{ what: string; body: string }> = [];
    const failed = (what: string, response: Response): void => {
      expect({ what, status: response.status >= 400 }).toEqual({ what, status: true });
      errors.push({ what, body: JSON.stringify(response.body) + response.text });
    };
    const sdkFailed = async (what: string, call: Promise<unknown>): Promise<void> =>
      void errors.push({ what, body: JSON.stringify(await sdkError(call)) });

    const account = await given.account(app);
    secrets.push(account.secretAccessKey);
    // An IAM user and its access key, created through REST.
    const user = await givenIam.user(app, account, {
      managedPolicies: ['AWSCloudTrail_FullAccess'],
      inlinePolicies: { Assume: ASSUME_ANY_ROLE },
    });
    secrets.push(user.secretAccessKey);
    const spareKey = await app.rest(account).post(`/v1/iam/users/${user.userName}/access-keys`);
    expect(spareKey.status).toBe(201);
    const spare = {
      accountId: account.accountId,
      ...(spareKey.body as { accessKeyId: string; secretAccessKey: string }),
    };
    secrets.push(spare.secretAccessKey);

    // STS temporary credentials, from @aws-sdk/client-sts (query protocol) and from REST.
    const roleArn = await givenIam.role(app, account, {
      trustedPrincipals: [user.arn],
      managedPolicies: ['AWSCloudTrail_FullAccess'],
    });
    const assumed = await stsClient(app, user).send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'leak-check' }),
    );
    const viaSdk = {
      accountId: account.accountId,
      accessKeyId: assumed.Credentials!.AccessKeyId!,
      secretAccessKey: assumed.Credentials!.SecretAccessKey!,
      sessionToken: assumed.Credentials!.SessionToken!,
    };
    const viaRest = await givenIam.session(app, user, roleArn);
    secrets.push(viaSdk.secretAccessKey, viaSdk.sessionToken, viaRest.secretAccessKey, viaRest.sessionToken);

    // Every credential at work: writes, reads, LookupEvents, presigned reads with the token in the URL.
    const name = uniqueName('s');
    await app.cloudtrail(user).send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));
    for (const credentials of [user, viaSdk, viaRest]) {
      await app.cloudtrail(credentials).send(new GetTrailCommand({ Name: name }));
      await app.cloudtrail(credentials).send(new LookupEventsCommand({ MaxResults: 5 }));
      await stsClient(app, credentials).send(new GetCallerIdentityCommand({}));
      expect((await presignedGet(credentials, '/v1/sts/caller-identity')).status).toBe(200);
    }
    await app
      .cloudtrail(viaSdk)
      .send(new CreateTrailCommand({ Name: uniqueName('s'), S3BucketName: 'audit-logs' }));

    // Failures that carry a secret: wrong secrets, tampered tokens, a deleted key, secrets as parameters.
    const wrong = 'WrongSecretWrongSecretWrongSecret0000001';
    secrets.push(wrong);
    failed(
      'user key, wrong secret',
      await signedRequest(app.url, { ...user, secretAccessKey: wrong }, 'GET', '/v1/sts/caller-identity'),
    );
    await sdkFailed(
      'session, wrong secret',
      app.cloudtrail({ ...viaSdk, secretAccessKey: wrong }).send(new ListTrailsCommand({})),
    );
    const tampered = `${viaSdk.sessionToken.slice(0, -8)}AAAAAAAA`;
    secrets.push(tampered);
    await sdkFailed(
      'tampered token (STS)',
      stsClient(app, { ...viaSdk, sessionToken: tampered }).send(new GetCallerIdentityCommand({})),
    );
    failed(
      'tampered token (REST)',
      await app.rest({ ...viaRest, sessionToken: tampered }).get('/v1/sts/caller-identity'),
    );
    await sdkFailed(
      'session token presented with a long-term key',
      app.cloudtrail({ ...user, sessionToken: viaSdk.sessionToken }).send(new ListTrailsCommand({})),
    );
    expect(
      (await app.rest(account).delete(`/v1/iam/users/${user.userName}/access-keys/${spare.accessKeyId}`))
        .status,
    ).toBe(204);
    await sdkFailed('deleted key', app.cloudtrail(spare).send(new ListTrailsCommand({})));
    failed(
      'secrets sent as REST parameters',
      await app.rest(user).post('/v1/sts/assume-role', {
        roleArn,
        roleSessionName: 'echo',
        secretAccessKey: user.secretAccessKey,
        sessionToken: viaSdk.sessionToken,
      }),
    );
    await sdkFailed(
      'call denied to a session',
      app.organizations(viaRest).send(new DescribeOrganizationCommand({})),
    );
    // Buffered events (reads, failures) reach the table.
    await app.get(EventRecorder).flush();

    for (const { what, body } of errors)
      for (const secret of secrets)
        expect({ what, leaks: body.includes(secret) }).toEqual({ what, leaks: false });
    const logs = app.logs.join('\n');
    expect(logs).toContain('"operation":"sts:AssumeRole"');
    for (const secret of secrets)
      expect({ secret, inLogs: logs.includes(secret) }).toEqual({ secret, inLogs: false });

    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      const { rows: recorded } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events WHERE account_id = $1 AND event_name IN ('AssumeRole', 'CreateAccessKey')`,
        [account.accountId],
      );
      expect(recorded[0].n).toBeGreaterThanOrEqual(5);
      // A presigned URL's X-Amz-* members authenticate it: none is recorded as a parameter.
      const { rows: presigned } = await db.query<{ parameters: Record<string, unknown> | null }>(
        `SELECT record->'requestParameters' AS parameters FROM events
          WHERE account_id = $1 AND event_name = 'GetCallerIdentity' AND event_source = 'sts.amazonaws.com'`,
        [account.accountId],
      );
      expect(presigned.length).toBeGreaterThanOrEqual(6);
      for (const { parameters } of presigned)
        expect(Object.keys(parameters ?? {}).filter((key) => /^x-amz-/i.test(key))).toEqual([]);
      // Every table, every row: no secret or token in clear anywhere (sealed secrets, hashed tokens).
      const { rows: tables } = await db.query<{ name: string }>(
        `SELECT quote_ident(table_name) AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['events', 'access_keys', 'sts_sessions']),
      );
      for (const secret of secrets) {
        for (const { name: table } of tables) {
          const { rows } = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${table} t WHERE t::text LIKE $1`,
            [`%${secret}%`],
          );
          expect({ secret, table, rows: rows[0].n }).toEqual({ secret, table, rows: 0 });
        }
      }
    } finally {
      await db.end();
    }
  });
});
