import {
  AcceptHandshakeCommand,
  CancelHandshakeCommand,
  DeclineHandshakeCommand,
  DescribeHandshakeCommand,
  DescribeOrganizationCommand,
  type Handshake,
  InviteAccountToOrganizationCommand,
  ListAccountsCommand,
  ListHandshakesForAccountCommand,
} from '@aws-sdk/client-organizations';
import { given, type GivenOrganization } from '../support/given';
import { type TestCredentials } from '../support/credentials';
import { TestApp } from '../support/test-app';
import { awsFailure } from './failures';

describe('Organizations: invitations and handshakes (AWS SDK)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  async function invite(org: GivenOrganization, target: TestCredentials, notes?: string): Promise<Handshake> {
    const { Handshake } = await app.organizations(org.management).send(
      new InviteAccountToOrganizationCommand({
        Target: { Type: 'ACCOUNT', Id: target.accountId },
        ...(notes === undefined ? {} : { Notes: notes }),
      }),
    );
    return Handshake!;
  }

  async function memberIds(org: GivenOrganization): Promise<string[]> {
    const { Accounts } = await app.organizations(org.management).send(new ListAccountsCommand({}));
    return Accounts!.map((a) => a.Id!).sort();
  }

  async function stateOf(caller: TestCredentials, handshakeId: string): Promise<string | undefined> {
    const { Handshake } = await app
      .organizations(caller)
      .send(new DescribeHandshakeCommand({ HandshakeId: handshakeId }));
    return Handshake!.State;
  }

  describe('InviteAccountToOrganization + AcceptHandshake', () => {
    it('sends an open invitation that the invited account sees and accepts, joining the organization', async () => {
      const org = await given.organization(app);
      const invitee = await given.account(app);

      const sent = await invite(org, invitee, 'welcome aboard');

      expect(sent).toEqual({
        Id: expect.stringMatching(/^h-[0-9a-z]{8,32}$/),
        Arn: `arn:aws:organizations::${org.management.accountId}:handshake/${org.id}/invite/${sent.Id}`,
        Parties: [
          { Id: org.id, Type: 'ORGANIZATION' },
          { Id: invitee.accountId, Type: 'ACCOUNT' },
        ],
        State: 'OPEN',
        RequestedTimestamp: expect.any(Date),
        ExpirationTimestamp: expect.any(Date),
        Action: 'INVITE',
        Resources: [
          {
            Type: 'ORGANIZATION',
            Value: org.id,
            Resources: [
              { Type: 'MASTER_EMAIL', Value: org.management.email },
              { Type: 'MASTER_NAME', Value: expect.any(String) },
              { Type: 'ORGANIZATION_FEATURE_SET', Value: 'FULL' },
            ],
          },
          { Type: 'ACCOUNT', Value: invitee.accountId },
          { Type: 'NOTES', Value: 'welcome aboard' },
        ],
      });
      const fifteenDays = 15 * 24 * 3600 * 1000;
      expect(sent.ExpirationTimestamp!.getTime() - sent.RequestedTimestamp!.getTime()).toBe(fifteenDays);

      const inbox = await app.organizations(invitee).send(new ListHandshakesForAccountCommand({}));
      expect(inbox.Handshakes).toEqual([sent]);

      const { Handshake: accepted } = await app
        .organizations(invitee)
        .send(new AcceptHandshakeCommand({ HandshakeId: sent.Id }));

      expect(accepted).toMatchObject({ Id: sent.Id, State: 'ACCEPTED' });
      const { Organization } = await app.organizations(invitee).send(new DescribeOrganizationCommand({}));
      expect(Organization!.Id).toBe(org.id);
      const { Accounts } = await app.organizations(org.management).send(new ListAccountsCommand({}));
      expect(Accounts!.find((a) => a.Id === invitee.accountId)).toMatchObject({ JoinedMethod: 'INVITED' });
      expect(await stateOf(org.management, sent.Id!)).toBe('ACCEPTED');
    });

    it('invites by e-mail address and echoes the address as the party', async () => {
      const org = await given.organization(app);
      const invitee = await given.account(app);

      const { Handshake } = await app
        .organizations(org.management)
        .send(new InviteAccountToOrganizationCommand({ Target: { Type: 'EMAIL', Id: invitee.email } }));

      expect(Handshake!.Parties).toEqual([
        { Id: org.id, Type: 'ORGANIZATION' },
        { Id: invitee.email, Type: 'EMAIL' },
      ]);
      await app.organizations(invitee).send(new AcceptHandshakeCommand({ HandshakeId: Handshake!.Id }));
      expect(await memberIds(org)).toContain(invitee.accountId);
    });

    it('filters the inbox by action type', async () => {
      const org = await given.organization(app);
      const invitee = await given.account(app);
      const sent = await invite(org, invitee);
      const sut = app.organizations(invitee);

      const invites = await sut.send(
        new ListHandshakesForAccountCommand({ Filter: { ActionType: 'INVITE' } }),
      );
      const others = await sut.send(
        new ListHandshakesForAccountCommand({ Filter: { ActionType: 'ENABLE_ALL_FEATURES' } }),
      );

      expect(invites.Handshakes!.map((h) => h.Id)).toEqual([sent.Id]);
      expect(others.Handshakes).toEqual([]);
    });

    it('answers DuplicateHandshakeException to a second invitation while the first is open', async () => {
      const org = await given.organization(app);
      const invitee = await given.account(app);
      const first = await invite(org, invitee);

      expect(await awsFailure(invite(org, invitee))).toEqual({
        name: 'DuplicateHandshakeException',
        status: 400,
      });
      const inbox = await app.organizations(invitee).send(new ListHandshakesForAccountCommand({}));
      expect(inbox.Handshakes!.map((h) => h.Id)).toEqual([first.Id]);
    });

    it('answers HandshakeConstraintViolationException ALREADY_IN_AN_ORGANIZATION when inviting a member of an organization', async () => {
      const org = await given.organization(app);
      const elsewhere = await given.organization(app);
      const taken = await given.member(app, elsewhere);

      for (const target of [taken, elsewhere.management]) {
        expect(await awsFailure(invite(org, target))).toEqual({
          name: 'HandshakeConstraintViolationException',
          status: 400,
          reason: 'ALREADY_IN_AN_ORGANIZATION',
        });
      }
      const inbox = await app.organizations(taken).send(new ListHandshakesForAccountCommand({}));
      expect(inbox.Handshakes!.filter((h) => h.Parties![0].Id === org.id)).toEqual([]);
    });

    it.each([
      ['an unknown account', { Type: 'ACCOUNT', Id: '999999999990' }, undefined],
      ['a malformed account id', { Type: 'ACCOUNT', Id: '12345' }, 'INVALID_PATTERN'],
      ['an organization', { Type: 'ORGANIZATION', Id: 'o-abcdefghij' }, 'INVALID_PARTY_TYPE_TARGET'],
      ['an invalid e-mail', { Type: 'EMAIL', Id: 'nobody' }, 'INVALID_EMAIL_ADDRESS_TARGET'],
      ['an unknown e-mail', { Type: 'EMAIL', Id: 'nobody@nowhere.example' }, 'INVALID_EMAIL_ADDRESS_TARGET'],
      ['an unknown party type', { Type: 'PERSON', Id: 'x' }, 'INVALID_ENUM'],
      ['a missing target', undefined, 'INPUT_REQUIRED'],
    ])('refuses a target that is %s with InvalidInputException', async (_case, target, reason) => {
      const org = await given.organization(app);
      const failure = await awsFailure(
        app
          .organizations(org.management)
          .send(new InviteAccountToOrganizationCommand({ Target: target } as never)),
      );
      expect(failure).toEqual({
        name: 'InvalidInputException',
        status: 400,
        ...(reason === undefined ? {} : { reason }),
      });
    });

    it('refuses notes over 1,024 characters with InvalidInputException MAX_LENGTH_EXCEEDED', async () => {
      const org = await given.organization(app);
      const invitee = await given.account(app);
      expect(await awsFailure(invite(org, invitee, 'n'.repeat(1025)))).toEqual({
        name: 'InvalidInputException',
        status: 400,
        reason: 'MAX_LENGTH_EXCEEDED',
      });
      const inbox = await app.organizations(invitee).send(new ListHandshakesForAccountCommand({}));
      expect(inbox.Handshakes).toEqual([]);
    });

    it('answers HandshakeNotFoundException to an account the handshake is not for, and nobody joins', async () => {
      const org = await given.organization(app);
      const invitee = await given.account(app);
      const intruder = await given.account(app);
      const sent = await invite(org, invitee);

      for (const call of [
        app.organizations(intruder).send(new AcceptHandshakeCommand({ HandshakeId: sent.Id })),
        app.organizations(intruder).send(new DescribeHandshakeCommand({ HandshakeId: sent.Id })),
        app.organizations(intruder).send(new DeclineHandshakeCommand({ HandshakeId: sent.Id })),
        app.organizations(invitee).send(new AcceptHandshakeCommand({ HandshakeId: 'h-0123456789abcdef' })),
      ]) {
        expect(await awsFailure(call)).toEqual({ name: 'HandshakeNotFoundException', status: 400 });
      }
      expect(await memberIds(org)).toEqual([org.management.accountId]);
      expect(await stateOf(invitee, sent.Id!)).toBe('OPEN');
    });

    it('answers InvalidInputException INVALID_PATTERN to a malformed handshake id', async () => {
      const invitee = await given.account(app);
      expect(
        await awsFailure(
          app.organizations(invitee).send(new AcceptHandshakeCommand({ HandshakeId: 'h-NOPE' })),
        ),
      ).toEqual({ name: 'InvalidInputException', status: 400, reason: 'INVALID_PATTERN' });
    });

    it('refuses an acceptance once the account has joined another organization', async () => {
      const first = await given.organization(app);
      const second = await given.organization(app);
      const invitee = await given.account(app);
      const fromFirst = await invite(first, invitee);
      const fromSecond = await invite(second, invitee);
      await app.organizations(invitee).send(new AcceptHandshakeCommand({ HandshakeId: fromFirst.Id }));

      expect(
        await awsFailure(
          app.organizations(invitee).send(new AcceptHandshakeCommand({ HandshakeId: fromSecond.Id })),
        ),
      ).toEqual({
        name: 'HandshakeConstraintViolationException',
        status: 400,
        reason: 'ALREADY_IN_AN_ORGANIZATION',
      });
      expect(await memberIds(second)).toEqual([second.management.accountId]);
      expect(await stateOf(invitee, fromSecond.Id!)).toBe('OPEN');
    });
  });

  it('lets exactly one of two concurrent acceptances (from two organizations) join', async () => {
    const [first, second] = await Promise.all([given.organization(app), given.organization(app)]);
    const invitee = await given.account(app);
    const invitations = [await invite(first, invitee), await invite(second, invitee)];

    const results = await Promise.allSettled(
      invitations.map((h) =>
        app.organizations(invitee).send(new AcceptHandshakeCommand({ HandshakeId: h.Id })),
      ),
    );

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(rejected.reason).toMatchObject({
      name: 'HandshakeConstraintViolationException',
      Reason: 'ALREADY_IN_AN_ORGANIZATION',
    });
    const joined = [await memberIds(first), await memberIds(second)].filter((ids) =>
      ids.includes(invitee.accountId),
    );
    expect(joined).toHaveLength(1);
  });

  describe('DeclineHandshake', () => {
    it('declines an invitation: the account stays standalone and the handshake cannot be accepted', async () => {
      const org = await given.organization(app);
      const invitee = await given.account(app);
      const sent = await invite(org, invitee);
      const sut = app.organizations(invitee);

      const { Handshake } = await sut.send(new DeclineHandshakeCommand({ HandshakeId: sent.Id }));

      expect(Handshake!.State).toBe('DECLINED');
      expect(await awsFailure(sut.send(new AcceptHandshakeCommand({ HandshakeId: sent.Id })))).toEqual({
        name: 'InvalidHandshakeTransitionException',
        status: 400,
      });
      expect(await awsFailure(sut.send(new DeclineHandshakeCommand({ HandshakeId: sent.Id })))).toEqual({
        name: 'HandshakeAlreadyInStateException',
        status: 400,
      });
      expect(await awsFailure(sut.send(new DescribeOrganizationCommand({})))).toMatchObject({
        name: 'AWSOrganizationsNotInUseException',
      });
      expect(await stateOf(org.management, sent.Id!)).toBe('DECLINED');
    });

    it('lets the organization invite the account again after a decline', async () => {
      const org = await given.organization(app);
      const invitee = await given.account(app);
      const sent = await invite(org, invitee);
      await app.organizations(invitee).send(new DeclineHandshakeCommand({ HandshakeId: sent.Id }));

      const again = await invite(org, invitee);

      expect(again.Id).not.toBe(sent.Id);
      expect(again.State).toBe('OPEN');
    });
  });

  describe('CancelHandshake', () => {
    it('lets the management account withdraw an open invitation, which can then not be accepted', async () => {
      const org = await given.organization(app);
      const invitee = await given.account(app);
      const sent = await invite(org, invitee);

      const { Handshake } = await app
        .organizations(org.management)
        .send(new CancelHandshakeCommand({ HandshakeId: sent.Id }));

      expect(Handshake!.State).toBe('CANCELED');
      expect(
        await awsFailure(
          app.organizations(invitee).send(new AcceptHandshakeCommand({ HandshakeId: sent.Id })),
        ),
      ).toEqual({ name: 'InvalidHandshakeTransitionException', status: 400 });
      expect(
        await awsFailure(
          app.organizations(org.management).send(new CancelHandshakeCommand({ HandshakeId: sent.Id })),
        ),
      ).toEqual({ name: 'HandshakeAlreadyInStateException', status: 400 });
      expect(await memberIds(org)).toEqual([org.management.accountId]);
    });

    it('refuses the invited account and a member of the inviting organization with AccessDeniedException', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const invitee = await given.account(app);
      const sent = await invite(org, invitee);

      for (const caller of [invitee, member]) {
        expect(
          await awsFailure(
            app.organizations(caller).send(new CancelHandshakeCommand({ HandshakeId: sent.Id })),
          ),
        ).toEqual({ name: 'AccessDeniedException', status: 403 });
      }
      expect(await stateOf(invitee, sent.Id!)).toBe('OPEN');
    });

    it('cannot cancel an accepted invitation (InvalidHandshakeTransitionException)', async () => {
      const org = await given.organization(app);
      const invitee = await given.account(app);
      const sent = await invite(org, invitee);
      await app.organizations(invitee).send(new AcceptHandshakeCommand({ HandshakeId: sent.Id }));

      expect(
        await awsFailure(
          app.organizations(org.management).send(new CancelHandshakeCommand({ HandshakeId: sent.Id })),
        ),
      ).toEqual({ name: 'InvalidHandshakeTransitionException', status: 400 });
      expect(await memberIds(org)).toContain(invitee.accountId);
    });
  });

  describe('ListHandshakesForAccount', () => {
    it('pages with MaxResults and NextToken', async () => {
      const invitee = await given.account(app);
      const orgs = await Promise.all([1, 2, 3].map(() => given.organization(app)));
      const sent = [];
      for (const org of orgs) sent.push(await invite(org, invitee));
      const sut = app.organizations(invitee);

      const first = await sut.send(new ListHandshakesForAccountCommand({ MaxResults: 2 }));
      const second = await sut.send(
        new ListHandshakesForAccountCommand({ MaxResults: 2, NextToken: first.NextToken }),
      );

      expect(first.Handshakes).toHaveLength(2);
      expect(second.Handshakes).toHaveLength(1);
      expect(second.NextToken).toBeUndefined();
      expect([...first.Handshakes!, ...second.Handshakes!].map((h) => h.Id).sort()).toEqual(
        sent.map((h) => h.Id).sort(),
      );
    });
  });
});
