import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ListTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ExpiredSessionsTask } from '@app/identity';
import { type TestCredentials } from '../support/credentials';
import { given, givenIam, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';
import { MovableClock, sdkError, stsClient } from './support/iam-clients';

const run = promisify(execFile);

/** The AWS CLI v1 (installed here), isolated from any local configuration. */
async function awsCli(app: TestApp, credentials: TestCredentials, args: string[]): Promise<unknown> {
  const { stdout } = await run('aws', [...args, '--endpoint-url', app.url, '--output', 'json'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_MAX_ATTEMPTS: '1',
    },
  });
  return JSON.parse(stdout) as unknown;
}

const READ_TRAILS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'cloudtrail:List*', Resource: '*' }],
};
const ASSUME_ANY_ROLE = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
};

describe('STS', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('answers GetCallerIdentity through @aws-sdk/client-sts for root, users and sessions', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account, { inlinePolicies: { Assume: ASSUME_ANY_ROLE } });
    const roleArn = await givenIam.role(app, account, { trustedPrincipals: [user.arn] });
    const session = await givenIam.session(app, user, roleArn, { sessionName: 'whoami' });

    expect(await stsClient(app, account).send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: account.accountId,
      Arn: `arn:aws:iam::${account.accountId}:root`,
      UserId: account.accountId,
    });
    const asUser = await stsClient(app, user).send(new GetCallerIdentityCommand({}));
    expect(asUser).toMatchObject({ Account: account.accountId, Arn: user.arn });
    expect(asUser.UserId).toMatch(/^AIDA[A-Z0-9]{16}$/);
    const asSession = await stsClient(app, session).send(new GetCallerIdentityCommand({}));
    expect(asSession).toMatchObject({
      Account: account.accountId,
      Arn: `arn:aws:sts::${account.accountId}:assumed-role/${roleArn.split('/').pop()}/whoami`,
    });
    expect(asSession.UserId).toMatch(/^AROA[A-Z0-9]{16}:whoami$/);
  });

  it('answers GetCallerIdentity whatever the policies say, as AWS does', async () => {
    const account = await given.account(app);
    const denied = await givenIam.user(app, account, {
      inlinePolicies: {
        DenyAll: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] },
      },
    });
    expect((await stsClient(app, denied).send(new GetCallerIdentityCommand({}))).Arn).toBe(denied.arn);
    expect((await app.rest(denied).get('/v1/sts/caller-identity')).body).toEqual({
      userId: expect.stringMatching(/^AIDA/),
      account: account.accountId,
      arn: denied.arn,
    });
  });

  it('issues temporary credentials through AssumeRole that sign requests with X-Amz-Security-Token', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account, { inlinePolicies: { Assume: ASSUME_ANY_ROLE } });
    const roleName = uniqueName('reader');
    const roleArn = await givenIam.role(app, account, { roleName, trustedPrincipals: [user.arn] });
    await app
      .rest(account)
      .put(`/v1/iam/roles/${roleName}/policies/ReadTrails`, { policyDocument: READ_TRAILS });

    const before = Date.now();
    const assumed = await stsClient(app, user).send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'audit' }),
    );
    const credentials = assumed.Credentials!;
    expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(credentials.SecretAccessKey).toHaveLength(40);
    expect(credentials.SessionToken!.length).toBeGreaterThan(100);
    expect(credentials.Expiration!.getTime()).toBeGreaterThanOrEqual(
      Math.floor(before / 1000) * 1000 + 3_600_000,
    );
    expect(credentials.Expiration!.getTime()).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(assumed.AssumedRoleUser).toEqual({
      Arn: `arn:aws:sts::${account.accountId}:assumed-role/${roleName}/audit`,
      AssumedRoleId: expect.stringMatching(/^AROA[A-Z0-9]{16}:audit$/),
    });

    const session = {
      accountId: account.accountId,
      accessKeyId: credentials.AccessKeyId!,
      secretAccessKey: credentials.SecretAccessKey!,
      sessionToken: credentials.SessionToken!,
    };
    expect((await app.cloudtrail(session).send(new ListTrailsCommand({}))).Trails).toEqual([]);
    // The role's policies apply to the session, not the user's.
    expect(
      await sdkError(
        stsClient(app, session).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'again' })),
      ),
    ).toMatchObject({ name: 'AccessDenied' });
  });

  it('refuses AssumeRole when the trust policy does not name the caller, whatever its identity policy allows', async () => {
    const account = await given.account(app);
    const stranger = await given.account(app);
    const admin = await givenIam.user(app, account, { managedPolicies: ['AdministratorAccess'] });
    const roleArn = await givenIam.role(app, account, { trustedPrincipals: [stranger.accountId] });

    const denied = await sdkError(
      stsClient(app, admin).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'nope' })),
    );
    expect(denied).toEqual({
      name: 'AccessDenied',
      message: `User: ${admin.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn} because no resource-based policy allows the sts:AssumeRole action`,
    });
    const rest = await app.rest(admin).post('/v1/sts/assume-role', { roleArn, roleSessionName: 'nope' });
    expect(rest.status).toBe(403);
    expect(rest.body.error.code).toBe('AccessDeniedException');
  });

  it('needs both sides: a trust policy naming the account requires the caller’s identity policy too', async () => {
    const account = await given.account(app);
    const roleArn = await givenIam.role(app, account, {
      trustedPrincipals: [`arn:aws:iam::${account.accountId}:root`],
    });
    const without = await givenIam.user(app, account);
    const withPolicy = await givenIam.user(app, account, { inlinePolicies: { Assume: ASSUME_ANY_ROLE } });

    expect(
      await sdkError(
        stsClient(app, without).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 's1' })),
      ),
    ).toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining('because no identity-based policy allows'),
    });
    const allowed = await stsClient(app, withPolicy).send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 's1' }),
    );
    expect(allowed.Credentials?.AccessKeyId).toMatch(/^ASIA/);

    // A trust policy naming the user itself is enough within the account.
    const named = await givenIam.role(app, account, { trustedPrincipals: [without.arn] });
    const direct = await stsClient(app, without).send(
      new AssumeRoleCommand({ RoleArn: named, RoleSessionName: 's2' }),
    );
    expect(direct.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it('lets another account assume a role its trust policy names, when its own policy allows sts:AssumeRole', async () => {
    const owner = await given.account(app);
    const caller = await given.account(app);
    const roleArn = await givenIam.role(app, owner, {
      trustedPrincipals: [caller.accountId],
      managedPolicies: ['ReadOnlyAccess'],
    });
    const allowed = await givenIam.user(app, caller, { inlinePolicies: { Assume: ASSUME_ANY_ROLE } });
    const notAllowed = await givenIam.user(app, caller, { managedPolicies: ['AWSCloudTrail_FullAccess'] });

    const session = await givenIam.session(app, allowed, roleArn);
    expect(session.arn).toMatch(new RegExp(`^arn:aws:sts::${owner.accountId}:assumed-role/`));
    expect((await app.cloudtrail(session).send(new ListTrailsCommand({}))).Trails).toEqual([]);
    expect(
      await sdkError(
        stsClient(app, notAllowed).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'x1' })),
      ),
    ).toMatchObject({ name: 'AccessDenied' });
  });

  it('refuses the root user, roles that do not exist, and durations outside 900 s – the role’s maximum', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account, { inlinePolicies: { Assume: ASSUME_ANY_ROLE } });
    const roleArn = await givenIam.role(app, account, {
      trustedPrincipals: [`arn:aws:iam::${account.accountId}:root`],
    });
    const sts = stsClient(app, user);

    expect(
      await sdkError(
        stsClient(app, account).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'root' })),
      ),
    ).toEqual({ name: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' });
    expect(
      await sdkError(
        sts.send(
          new AssumeRoleCommand({
            RoleArn: `arn:aws:iam::${account.accountId}:role/missing`,
            RoleSessionName: 'm1',
          }),
        ),
      ),
    ).toMatchObject({ name: 'AccessDenied' });
    expect(
      await sdkError(
        sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'd1', DurationSeconds: 899 })),
      ),
    ).toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('greater than or equal to 900'),
    });
    expect(
      await sdkError(
        sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'd2', DurationSeconds: 7200 })),
      ),
    ).toEqual({
      name: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    });
    expect(
      await sdkError(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'bad name!' }))),
    ).toMatchObject({ name: 'ValidationError' });
    const shortest = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'd3', DurationSeconds: 900 }),
    );
    expect(shortest.Credentials!.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(900_000);

    const longRole = await givenIam.role(app, account, {
      trustedPrincipals: [user.arn],
      maxSessionDuration: 43_200,
    });
    const long = await sts.send(
      new AssumeRoleCommand({ RoleArn: longRole, RoleSessionName: 'd4', DurationSeconds: 43_200 }),
    );
    expect(long.Credentials!.Expiration!.getTime() - Date.now()).toBeGreaterThan(43_000_000);
  });

  it('limits role chaining to one hour', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account, { inlinePolicies: { Assume: ASSUME_ANY_ROLE } });
    const first = await givenIam.role(app, account, {
      trustedPrincipals: [user.arn],
      maxSessionDuration: 43_200,
    });
    await app
      .rest(account)
      .put(`/v1/iam/roles/${first.split('/').pop()}/policies/Assume`, { policyDocument: ASSUME_ANY_ROLE });
    const second = await givenIam.role(app, account, {
      trustedPrincipals: [`arn:aws:iam::${account.accountId}:root`],
      maxSessionDuration: 43_200,
    });
    const session = await givenIam.session(app, user, first);
    expect(
      await sdkError(
        stsClient(app, session).send(
          new AssumeRoleCommand({ RoleArn: second, RoleSessionName: 'c1', DurationSeconds: 7200 }),
        ),
      ),
    ).toEqual({
      name: 'ValidationError',
      message:
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
    const chained = await givenIam.session(app, session, second);
    expect(chained.arn).toContain(':assumed-role/');
  });

  it('rejects a temporary key without its token, with a wrong token, or after its role was deleted', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account, { inlinePolicies: { Assume: ASSUME_ANY_ROLE } });
    const roleName = uniqueName('short');
    const roleArn = await givenIam.role(app, account, { roleName, trustedPrincipals: [user.arn] });
    const session = await givenIam.session(app, user, roleArn);
    const { sessionToken: _token, ...withoutToken } = session;

    for (const credentials of [
      withoutToken,
      { ...session, sessionToken: `${session.sessionToken.slice(0, -4)}AAAA` },
    ]) {
      expect(await sdkError(app.cloudtrail(credentials).send(new ListTrailsCommand({})))).toMatchObject({
        name: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      });
      expect(
        await sdkError(stsClient(app, credentials).send(new GetCallerIdentityCommand({}))),
      ).toMatchObject({
        name: 'InvalidClientTokenId',
      });
    }
    // A long-term key presented with a session token is refused too.
    expect(
      await sdkError(
        stsClient(app, { ...user, sessionToken: session.sessionToken }).send(
          new GetCallerIdentityCommand({}),
        ),
      ),
    ).toMatchObject({ name: 'InvalidClientTokenId' });

    expect((await stsClient(app, session).send(new GetCallerIdentityCommand({}))).Arn).toBe(session.arn);
    expect((await app.rest(account).delete(`/v1/iam/roles/${roleName}`)).status).toBe(204);
    expect(await sdkError(stsClient(app, session).send(new GetCallerIdentityCommand({})))).toMatchObject({
      name: 'InvalidClientTokenId',
    });
  });

  it('works with the AWS CLI v1: get-caller-identity and assume-role', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account, { inlinePolicies: { Assume: ASSUME_ANY_ROLE } });
    const roleName = uniqueName('cli');
    const roleArn = await givenIam.role(app, account, { roleName, trustedPrincipals: [user.arn] });

    expect(await awsCli(app, user, ['sts', 'get-caller-identity'])).toEqual({
      UserId: expect.stringMatching(/^AIDA/),
      Account: account.accountId,
      Arn: user.arn,
    });
    const assumed = (await awsCli(app, user, [
      'sts',
      'assume-role',
      '--role-arn',
      roleArn,
      '--role-session-name',
      'cli-session',
      '--duration-seconds',
      '900',
    ])) as {
      Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string };
      AssumedRoleUser: { Arn: string; AssumedRoleId: string };
    };
    expect(assumed.AssumedRoleUser.Arn).toBe(
      `arn:aws:sts::${account.accountId}:assumed-role/${roleName}/cli-session`,
    );
    expect(new Date(assumed.Credentials.Expiration).getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    const session = {
      accountId: account.accountId,
      accessKeyId: assumed.Credentials.AccessKeyId,
      secretAccessKey: assumed.Credentials.SecretAccessKey,
      sessionToken: assumed.Credentials.SessionToken,
    };
    expect(await awsCli(app, session, ['sts', 'get-caller-identity'])).toEqual({
      UserId: assumed.AssumedRoleUser.AssumedRoleId,
      Account: account.accountId,
      Arn: assumed.AssumedRoleUser.Arn,
    });
    await expect(
      awsCli(app, account, ['sts', 'assume-role', '--role-arn', roleArn, '--role-session-name', 'root']),
    ).rejects.toThrow(/An error occurred \(AccessDenied\) when calling the AssumeRole operation/);
  });
});

describe('STS temporary credentials expire', () => {
  const clock = new MovableClock();
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ clock });
  });
  afterAll(() => app.close());

  it('answers ExpiredTokenException once the session is past its expiration, and ExpiredToken on STS', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account, { inlinePolicies: { Assume: ASSUME_ANY_ROLE } });
    const roleName = uniqueName('brief');
    const roleArn = await givenIam.role(app, account, { roleName, trustedPrincipals: [user.arn] });
    await app
      .rest(account)
      .put(`/v1/iam/roles/${roleName}/policies/ReadTrails`, { policyDocument: READ_TRAILS });
    const session = await givenIam.session(app, user, roleArn, { durationSeconds: 900 });

    clock.advance(890);
    expect((await app.cloudtrail(session).send(new ListTrailsCommand({}))).Trails).toEqual([]);
    clock.advance(20);
    try {
      expect(await sdkError(app.cloudtrail(session).send(new ListTrailsCommand({})))).toEqual({
        name: 'ExpiredTokenException',
        message: 'The security token included in the request is expired',
      });
      expect(await sdkError(stsClient(app, session).send(new GetCallerIdentityCommand({})))).toMatchObject({
        name: 'ExpiredToken',
      });
      const rest = await app.rest(session).get('/v1/sts/caller-identity');
      expect(rest.status).toBe(403);
      expect(rest.body.error.code).toBe('ExpiredTokenException');
    } finally {
      clock.reset();
    }
  });

  it('sweeps sessions a day past their expiration', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account, { inlinePolicies: { Assume: ASSUME_ANY_ROLE } });
    const roleArn = await givenIam.role(app, account, { trustedPrincipals: [user.arn] });
    const session = await givenIam.session(app, user, roleArn, { durationSeconds: 900 });
    const sweep = app.get(ExpiredSessionsTask);
    try {
      clock.advance(3_600);
      expect(await sweep.run()).toBe(0);
      expect(await sdkError(stsClient(app, session).send(new GetCallerIdentityCommand({})))).toMatchObject({
        name: 'ExpiredToken',
      });
      clock.advance(2 * 86_400);
      // (The worker's own sweep may get there first: either way the session is gone.)
      await sweep.run();
      expect(await sdkError(stsClient(app, session).send(new GetCallerIdentityCommand({})))).toMatchObject({
        name: 'InvalidClientTokenId',
      });
    } finally {
      clock.reset();
    }
  });
});
