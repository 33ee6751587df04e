import {
  type Account,
  CreateAccountCommand,
  type CreateAccountStatus,
  DescribeAccountCommand,
  DescribeCreateAccountStatusCommand,
  DescribeOrganizationCommand,
  LeaveOrganizationCommand,
  ListAccountsCommand,
  ListCreateAccountStatusCommand,
  ListRootsCommand,
  type OrganizationsClient,
  RemoveAccountFromOrganizationCommand,
} from '@aws-sdk/client-organizations';
import { given, type GivenOrganization, uniqueName } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import { awsFailure } from './failures';

/** Polls DescribeCreateAccountStatus until the request is no longer IN_PROGRESS. */
async function finished(client: OrganizationsClient, requestId: string): Promise<CreateAccountStatus> {
  return eventually(async () => {
    const { CreateAccountStatus: status } = await client.send(
      new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: requestId }),
    );
    return status?.State === 'IN_PROGRESS' ? undefined : status;
  });
}

async function accountIds(app: TestApp, org: GivenOrganization): Promise<string[]> {
  const { Accounts } = await app.organizations(org.management).send(new ListAccountsCommand({}));
  return Accounts!.map((a) => a.Id!).sort();
}

describe('Organizations: member accounts (AWS SDK)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  describe('CreateAccount', () => {
    it('answers IN_PROGRESS at once, then SUCCEEDED with a member account joined under the root', async () => {
      const org = await given.organization(app);
      const sut = app.organizations(org.management);
      const name = uniqueName('audit');

      const { CreateAccountStatus: started } = await sut.send(
        new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }),
      );

      expect(started).toEqual({
        Id: expect.stringMatching(/^car-[a-z0-9]{8,32}$/),
        AccountName: name,
        State: 'IN_PROGRESS',
        RequestedTimestamp: expect.any(Date),
      });
      const done = await finished(sut, started!.Id!);
      expect(done).toMatchObject({
        Id: started!.Id,
        State: 'SUCCEEDED',
        AccountId: expect.stringMatching(/^\d{12}$/),
        CompletedTimestamp: expect.any(Date),
      });
      expect(done.FailureReason).toBeUndefined();

      const { Account } = await sut.send(new DescribeAccountCommand({ AccountId: done.AccountId }));
      expect(Account).toEqual({
        Id: done.AccountId,
        Arn: `arn:aws:organizations::${org.management.accountId}:account/${org.id}/${done.AccountId}`,
        Email: `${name}@example.com`,
        Name: name,
        Status: 'ACTIVE',
        State: 'ACTIVE',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: expect.any(Date),
      });
      expect(await accountIds(app, org)).toEqual([org.management.accountId, done.AccountId].sort());
    });

    it('fails the request with EMAIL_ALREADY_EXISTS for an address in use, and no account joins', async () => {
      const org = await given.organization(app);
      const taken = await given.account(app);
      const sut = app.organizations(org.management);

      const { CreateAccountStatus: started } = await sut.send(
        new CreateAccountCommand({ AccountName: 'Duplicate', Email: taken.email }),
      );
      const done = await finished(sut, started!.Id!);

      expect(done).toMatchObject({ State: 'FAILED', FailureReason: 'EMAIL_ALREADY_EXISTS' });
      expect(done.AccountId).toBeUndefined();
      expect(await accountIds(app, org)).toEqual([org.management.accountId]);
    });

    it('lists requests, filtered by state', async () => {
      const org = await given.organization(app);
      const taken = await given.account(app);
      const sut = app.organizations(org.management);
      const created = await given.createdAccount(app, org);
      const failed = await sut.send(new CreateAccountCommand({ AccountName: 'Dup', Email: taken.email }));
      await finished(sut, failed.CreateAccountStatus!.Id!);

      const all = await sut.send(new ListCreateAccountStatusCommand({}));
      const onlyFailed = await sut.send(new ListCreateAccountStatusCommand({ States: ['FAILED'] }));

      expect(all.CreateAccountStatuses!.map((s) => s.State).sort()).toEqual(['FAILED', 'SUCCEEDED']);
      expect(all.CreateAccountStatuses!.find((s) => s.State === 'SUCCEEDED')!.AccountId).toBe(created);
      expect(onlyFailed.CreateAccountStatuses).toEqual([
        expect.objectContaining({
          Id: failed.CreateAccountStatus!.Id,
          FailureReason: 'EMAIL_ALREADY_EXISTS',
        }),
      ]);
      expect(
        await awsFailure(sut.send(new ListCreateAccountStatusCommand({ States: ['DONE' as never] }))),
      ).toEqual({ name: 'InvalidInputException', status: 400, reason: 'INVALID_ENUM' });
    });

    it.each([
      ['a malformed e-mail', 'INVALID_PATTERN', { AccountName: 'X', Email: 'not-an-address' }],
      ['a too short e-mail', 'MIN_LENGTH_EXCEEDED', { AccountName: 'X', Email: 'a@b.c' }],
      [
        'a 51-character name',
        'MAX_LENGTH_EXCEEDED',
        { AccountName: 'n'.repeat(51), Email: 'long@example.com' },
      ],
      ['a missing name', 'INPUT_REQUIRED', { Email: 'noname@example.com' }],
      [
        'a bad role name',
        'INVALID_ROLE_NAME',
        { AccountName: 'X', Email: 'r@example.com', RoleName: 'has space' },
      ],
      [
        'an unknown billing access',
        'INVALID_ENUM',
        { AccountName: 'X', Email: 'b@example.com', IamUserAccessToBilling: 'MAYBE' },
      ],
    ])('refuses %s with InvalidInputException %s and records no request', async (_case, reason, input) => {
      const org = await given.organization(app);
      const sut = app.organizations(org.management);

      expect(await awsFailure(sut.send(new CreateAccountCommand(input as never)))).toEqual({
        name: 'InvalidInputException',
        status: 400,
        reason,
      });
      expect((await sut.send(new ListCreateAccountStatusCommand({}))).CreateAccountStatuses).toEqual([]);
    });

    it('answers AccessDeniedException to a member and AWSOrganizationsNotInUseException to a standalone account', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const standalone = await given.account(app);
      const input = { AccountName: 'Nope', Email: `${uniqueName('nope')}@example.com` };

      expect(await awsFailure(app.organizations(member).send(new CreateAccountCommand(input)))).toEqual({
        name: 'AccessDeniedException',
        status: 403,
      });
      expect(await awsFailure(app.organizations(standalone).send(new CreateAccountCommand(input)))).toEqual({
        name: 'AWSOrganizationsNotInUseException',
        status: 400,
      });
      const statuses = await app.organizations(org.management).send(new ListCreateAccountStatusCommand({}));
      expect(statuses.CreateAccountStatuses).toEqual([]);
    });
  });

  describe('DescribeCreateAccountStatus', () => {
    it("answers CreateAccountStatusNotFoundException for an unknown id and for another organization's request", async () => {
      const org = await given.organization(app);
      const other = await given.organization(app);
      const theirs = await app
        .organizations(other.management)
        .send(
          new CreateAccountCommand({ AccountName: 'Theirs', Email: `${uniqueName('theirs')}@example.com` }),
        );
      const sut = app.organizations(org.management);

      for (const id of ['car-0123456789abcdef0123456789abcdef', theirs.CreateAccountStatus!.Id!]) {
        expect(
          await awsFailure(sut.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: id }))),
        ).toEqual({ name: 'CreateAccountStatusNotFoundException', status: 400 });
      }
      expect(
        await awsFailure(
          sut.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: 'car-X' })),
        ),
      ).toEqual({ name: 'InvalidInputException', status: 400, reason: 'INVALID_PATTERN' });
    });
  });

  describe('ListAccounts', () => {
    it('pages through every member with MaxResults and NextToken, each account once', async () => {
      const org = await given.organization(app);
      const created = await Promise.all([1, 2, 3, 4].map(() => given.createdAccount(app, org)));
      const expected = [org.management.accountId, ...created].sort();
      const sut = app.organizations(org.management);

      for (const pageSize of [1, 2, 3, 20]) {
        const seen: Account[] = [];
        let token: string | undefined;
        let pages = 0;
        do {
          const page = await sut.send(new ListAccountsCommand({ MaxResults: pageSize, NextToken: token }));
          expect(page.Accounts!.length).toBeLessThanOrEqual(pageSize);
          seen.push(...page.Accounts!);
          token = page.NextToken;
          pages++;
        } while (token);
        expect(seen.map((a) => a.Id).sort()).toEqual(expected);
        expect(pages).toBe(Math.ceil(expected.length / pageSize));
      }
    });

    it.each([
      [0, 'MIN_VALUE_EXCEEDED'],
      [21, 'MAX_VALUE_EXCEEDED'],
    ])('refuses MaxResults %p with InvalidInputException %s', async (maxResults, reason) => {
      const org = await given.organization(app);
      expect(
        await awsFailure(
          app.organizations(org.management).send(new ListAccountsCommand({ MaxResults: maxResults })),
        ),
      ).toEqual({ name: 'InvalidInputException', status: 400, reason });
    });

    it('refuses a tampered NextToken, or one from another listing, with InvalidInputException INVALID_NEXT_TOKEN', async () => {
      const org = await given.organization(app);
      await given.member(app, org);
      const sut = app.organizations(org.management);
      const { NextToken } = await sut.send(new ListAccountsCommand({ MaxResults: 1 }));
      expect(NextToken).toBeDefined();
      const [payload, signature] = NextToken!.split('.');
      const tampered = `${payload.slice(0, -2)}${payload.endsWith('A') ? 'B' : 'A'}${payload.slice(-1)}.${signature}`;
      const otherOrg = await given.organization(app);
      await given.member(app, otherOrg);
      const foreign = (
        await app.organizations(otherOrg.management).send(new ListAccountsCommand({ MaxResults: 1 }))
      ).NextToken!;

      for (const token of [tampered, 'garbage', foreign]) {
        expect(await awsFailure(sut.send(new ListAccountsCommand({ NextToken: token })))).toEqual({
          name: 'InvalidInputException',
          status: 400,
          reason: 'INVALID_NEXT_TOKEN',
        });
      }
      expect(await awsFailure(sut.send(new ListRootsCommand({ NextToken })))).toMatchObject({
        reason: 'INVALID_NEXT_TOKEN',
      });
    });
  });

  describe('DescribeAccount', () => {
    it('answers AccountNotFoundException for an account outside the organization', async () => {
      const org = await given.organization(app);
      const outsider = await given.account(app);
      expect(
        await awsFailure(
          app
            .organizations(org.management)
            .send(new DescribeAccountCommand({ AccountId: outsider.accountId })),
        ),
      ).toEqual({ name: 'AccountNotFoundException', status: 400 });
    });

    it('answers InvalidInputException for a malformed or missing AccountId', async () => {
      const org = await given.organization(app);
      const sut = app.organizations(org.management);
      expect(await awsFailure(sut.send(new DescribeAccountCommand({ AccountId: '1234' })))).toEqual({
        name: 'InvalidInputException',
        status: 400,
        reason: 'INVALID_PATTERN',
      });
      expect(await awsFailure(sut.send(new DescribeAccountCommand({} as never)))).toEqual({
        name: 'InvalidInputException',
        status: 400,
        reason: 'INPUT_REQUIRED',
      });
    });
  });

  describe('RemoveAccountFromOrganization', () => {
    it('removes a member, which becomes standalone again', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);

      const removed = await app
        .organizations(org.management)
        .send(new RemoveAccountFromOrganizationCommand({ AccountId: member.accountId }));

      expect(removed.$metadata.httpStatusCode).toBe(200);
      expect(await accountIds(app, org)).toEqual([org.management.accountId]);
      expect(
        await awsFailure(app.organizations(member).send(new DescribeOrganizationCommand({}))),
      ).toMatchObject({
        name: 'AWSOrganizationsNotInUseException',
      });
    });

    it('refuses the management account (MasterCannotLeaveOrganizationException) and an outsider (AccountNotFoundException)', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const outsider = await given.account(app);
      const sut = app.organizations(org.management);

      expect(
        await awsFailure(
          sut.send(new RemoveAccountFromOrganizationCommand({ AccountId: org.management.accountId })),
        ),
      ).toEqual({ name: 'MasterCannotLeaveOrganizationException', status: 400 });
      expect(
        await awsFailure(
          sut.send(new RemoveAccountFromOrganizationCommand({ AccountId: outsider.accountId })),
        ),
      ).toEqual({ name: 'AccountNotFoundException', status: 400 });
      expect(await accountIds(app, org)).toEqual([org.management.accountId, member.accountId].sort());
    });
  });

  describe('LeaveOrganization', () => {
    it('lets a member leave on its own', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);

      await app.organizations(member).send(new LeaveOrganizationCommand({}));

      expect(await accountIds(app, org)).toEqual([org.management.accountId]);
    });

    it('refuses the management account with MasterCannotLeaveOrganizationException and a standalone account with AWSOrganizationsNotInUseException', async () => {
      const org = await given.organization(app);
      const standalone = await given.account(app);

      expect(
        await awsFailure(app.organizations(org.management).send(new LeaveOrganizationCommand({}))),
      ).toEqual({ name: 'MasterCannotLeaveOrganizationException', status: 400 });
      expect(await awsFailure(app.organizations(standalone).send(new LeaveOrganizationCommand({})))).toEqual({
        name: 'AWSOrganizationsNotInUseException',
        status: 400,
      });
      expect(await accountIds(app, org)).toEqual([org.management.accountId]);
    });
  });
});
