import {
  AcceptHandshakeCommand,
  CreateAccountCommand,
  DescribeCreateAccountStatusCommand,
  DescribeHandshakeCommand,
  InviteAccountToOrganizationCommand,
  ListAccountsCommand,
  ListHandshakesForAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { Clock } from '@app/platform';
import { type TestCredentials } from '../support/credentials';
import { given, type GivenOrganization, uniqueName } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import { awsFailure } from './failures';

/** A clock the test moves forward; the app (SigV4 window included) and the SDK both follow it. */
class MovableClock extends Clock {
  offsetMs = 0;
  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

const DAY_MS = 24 * 3600 * 1000;

describe('Organizations: account limit and handshake expiry (AWS SDK)', () => {
  const clock = new MovableClock();
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ clock, env: { TRAILPLANE_MAX_ACCOUNTS_PER_ORGANIZATION: '2' } });
  });
  afterEach(() => {
    clock.offsetMs = 0;
  });
  afterAll(() => app.close());

  /** An SDK client whose signatures carry the app's (moved) time. */
  function client(credentials: TestCredentials): OrganizationsClient {
    return new OrganizationsClient({
      endpoint: app.url,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
      systemClockOffset: clock.offsetMs,
    });
  }

  function invite(org: GivenOrganization, target: TestCredentials) {
    return client(org.management).send(
      new InviteAccountToOrganizationCommand({ Target: { Type: 'ACCOUNT', Id: target.accountId } }),
    );
  }

  async function memberIds(org: GivenOrganization): Promise<string[]> {
    const { Accounts } = await client(org.management).send(new ListAccountsCommand({}));
    return Accounts!.map((a) => a.Id!).sort();
  }

  describe('an organization at its account limit (2 here)', () => {
    it('refuses another invitation with HandshakeConstraintViolationException ACCOUNT_NUMBER_LIMIT_EXCEEDED', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const extra = await given.account(app);

      expect(await awsFailure(invite(org, extra))).toEqual({
        name: 'HandshakeConstraintViolationException',
        status: 400,
        reason: 'ACCOUNT_NUMBER_LIMIT_EXCEEDED',
      });
      expect((await client(extra).send(new ListHandshakesForAccountCommand({}))).Handshakes).toEqual([]);
      expect(await memberIds(org)).toEqual([org.management.accountId, member.accountId].sort());
    });

    it('refuses an acceptance that would go over the limit, and the invitation stays open', async () => {
      const org = await given.organization(app);
      const [first, second] = await Promise.all([given.account(app), given.account(app)]);
      const toFirst = await invite(org, first);
      const toSecond = await invite(org, second);
      await client(first).send(new AcceptHandshakeCommand({ HandshakeId: toFirst.Handshake!.Id }));

      expect(
        await awsFailure(
          client(second).send(new AcceptHandshakeCommand({ HandshakeId: toSecond.Handshake!.Id })),
        ),
      ).toEqual({
        name: 'HandshakeConstraintViolationException',
        status: 400,
        reason: 'ACCOUNT_NUMBER_LIMIT_EXCEEDED',
      });
      const { Handshake } = await client(second).send(
        new DescribeHandshakeCommand({ HandshakeId: toSecond.Handshake!.Id }),
      );
      expect(Handshake!.State).toBe('OPEN');
      expect(await memberIds(org)).toEqual([org.management.accountId, first.accountId].sort());
    });

    it('fails CreateAccount with ACCOUNT_LIMIT_EXCEEDED', async () => {
      const org = await given.organization(app);
      await given.member(app, org);
      const sut = client(org.management);
      const name = uniqueName('full');

      const { CreateAccountStatus } = await sut.send(
        new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }),
      );
      const done = await eventually(async () => {
        const { CreateAccountStatus: status } = await sut.send(
          new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: CreateAccountStatus!.Id }),
        );
        return status?.State === 'IN_PROGRESS' ? undefined : status;
      });

      expect(done).toMatchObject({ State: 'FAILED', FailureReason: 'ACCOUNT_LIMIT_EXCEEDED' });
      expect(await memberIds(org)).toHaveLength(2);
    });
  });

  describe('handshake expiry', () => {
    it('reads an invitation as EXPIRED after 15 days: it cannot be accepted, and the account can be invited again', async () => {
      const org = await given.organization(app);
      const invitee = await given.account(app);
      const sent = (await invite(org, invitee)).Handshake!;

      clock.offsetMs = 16 * DAY_MS;

      const { Handshake } = await client(invitee).send(
        new DescribeHandshakeCommand({ HandshakeId: sent.Id }),
      );
      expect(Handshake!.State).toBe('EXPIRED');
      expect(
        await awsFailure(client(invitee).send(new AcceptHandshakeCommand({ HandshakeId: sent.Id }))),
      ).toEqual({ name: 'InvalidHandshakeTransitionException', status: 400 });
      expect(await memberIds(org)).toEqual([org.management.accountId]);

      const again = (await invite(org, invitee)).Handshake!;
      expect(again.State).toBe('OPEN');
      await client(invitee).send(new AcceptHandshakeCommand({ HandshakeId: again.Id }));
      expect(await memberIds(org)).toEqual([org.management.accountId, invitee.accountId].sort());
    });
  });
});
