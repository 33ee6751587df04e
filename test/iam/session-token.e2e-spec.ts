import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ListTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { given, givenIam } from '../support/given';
import { TestApp } from '../support/test-app';
import { MovableClock, sdkError, stsClient } from './support/iam-clients';

const run = promisify(execFile);

const READ_TRAILS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'cloudtrail:List*', Resource: '*' }],
};

describe('STS GetSessionToken', () => {
  const clock = new MovableClock();
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ clock });
  });
  afterAll(() => app.close());
  afterEach(() => clock.reset());

  it('gives a user temporary credentials that act as the user, with the user’s permissions', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account, { inlinePolicies: { Read: READ_TRAILS } });
    const before = Date.now();
    const { Credentials } = await stsClient(app, user).send(
      new GetSessionTokenCommand({ DurationSeconds: 900 }),
    );
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    const expiresIn = (Credentials?.Expiration?.getTime() ?? 0) - before;
    expect(expiresIn).toBeGreaterThan(898_000);
    expect(expiresIn).toBeLessThanOrEqual(901_000);
    const session = {
      accountId: account.accountId,
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    };
    expect((await stsClient(app, session).send(new GetCallerIdentityCommand({}))).Arn).toBe(user.arn);
    expect((await app.cloudtrail(session).send(new ListTrailsCommand({}))).Trails).toEqual([]);
    expect((await app.rest(session).get('/v1/trails/nope')).body.error.code).toBe('AccessDeniedException');

    // Session credentials cannot ask for more.
    const again = await app.rest(session).post('/v1/sts/session-token', {});
    expect(again.status).toBe(403);
    expect(again.body.error).toMatchObject({
      code: 'AccessDeniedException',
      message: 'Cannot call GetSessionToken with session credentials',
    });

    clock.advance(901);
    expect(await sdkError(stsClient(app, session).send(new GetCallerIdentityCommand({})))).toMatchObject({
      name: 'ExpiredToken',
    });
  });

  it('keeps DurationSeconds within 900–43,200 seconds, one hour for root, over REST and the query protocol', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account);
    const asUser = await app.rest(user).post('/v1/sts/session-token', {});
    expect(asUser.status).toBe(200);
    expect(new Date(asUser.body.credentials.expiration).getTime() - Date.now()).toBeGreaterThan(43_190_000);

    const asRoot = await app.rest(account).post('/v1/sts/session-token', {});
    expect(asRoot.status).toBe(200);
    const rootSession = { accountId: account.accountId, ...asRoot.body.credentials };
    expect((await app.rest(rootSession).get('/v1/sts/caller-identity')).body.arn).toBe(
      `arn:aws:iam::${account.accountId}:root`,
    );
    const rootTooLong = await app.rest(account).post('/v1/sts/session-token', { durationSeconds: 3601 });
    expect(rootTooLong.body.error).toMatchObject({
      code: 'ValidationError',
      message: expect.stringContaining('Member must have value less than or equal to 3600'),
    });
    expect(
      await sdkError(stsClient(app, user).send(new GetSessionTokenCommand({ DurationSeconds: 899 }))),
    ).toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('Member must have value greater than or equal to 900'),
    });
  });

  it('answers the aws CLI', async () => {
    const account = await given.account(app);
    const user = await givenIam.user(app, account);
    const { stdout } = await run(
      'aws',
      [
        'sts',
        'get-session-token',
        '--duration-seconds',
        '1800',
        '--endpoint-url',
        app.url,
        '--output',
        'json',
      ],
      {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          AWS_ACCESS_KEY_ID: user.accessKeyId,
          AWS_SECRET_ACCESS_KEY: user.secretAccessKey,
          AWS_DEFAULT_REGION: 'us-east-1',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_MAX_ATTEMPTS: '1',
        },
      },
    );
    const { Credentials } = JSON.parse(stdout) as {
      Credentials: { AccessKeyId: string; SessionToken: string };
    };
    expect(Credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(Credentials.SessionToken.length).toBeGreaterThan(100);
  });
});
