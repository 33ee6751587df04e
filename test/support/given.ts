import {
  AcceptHandshakeCommand,
  CreateAccountCommand,
  CreateOrganizationCommand,
  DescribeCreateAccountStatusCommand,
  EnableAWSServiceAccessCommand,
  InviteAccountToOrganizationCommand,
  ListRootsCommand,
  RegisterDelegatedAdministratorCommand,
} from '@aws-sdk/client-organizations';
import { expect } from '@jest/globals';
import { type TestCredentials } from './credentials';
import { eventually, OPERATOR, type TestApp } from './test-app';

let sequence = 0;

export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid.toString(36)}${Date.now().toString(36)}${(sequence++).toString(36)}`;
}

/** Builds each test's own world through the public API, with fresh names and ids. */
export const given = {
  /** A standalone account created by the partition operator, with its root credentials. */
  async account(app: TestApp, name = uniqueName('acct')): Promise<TestCredentials & { email: string }> {
    const email = `${name}@example.com`;
    const response = await app.rest(OPERATOR).post('/v1/accounts', { name: name.slice(0, 50), email });
    expect(response.status).toBe(201);
    const body = response.body as { accountId: string; accessKeyId: string; secretAccessKey: string };
    return {
      accountId: body.accountId,
      accessKeyId: body.accessKeyId,
      secretAccessKey: body.secretAccessKey,
      email,
    };
  },

  /** A fresh account founds an organization (ALL unless asked) and is its management account. */
  async organization(
    app: TestApp,
    options: { featureSet?: 'ALL' | 'CONSOLIDATED_BILLING' } = {},
  ): Promise<GivenOrganization> {
    const management = await given.account(app);
    const client = app.organizations(management);
    const created = await client.send(
      new CreateOrganizationCommand({ FeatureSet: options.featureSet ?? 'ALL' }),
    );
    const roots = await client.send(new ListRootsCommand({}));
    return {
      id: created.Organization!.Id!,
      rootId: roots.Roots![0].Id!,
      featureSet: options.featureSet ?? 'ALL',
      management,
    };
  },

  /** Invites a fresh standalone account into `org` and accepts the invitation with its credentials. */
  async member(app: TestApp, org: GivenOrganization): Promise<GivenMember> {
    const account = await given.account(app);
    const invited = await app
      .organizations(org.management)
      .send(new InviteAccountToOrganizationCommand({ Target: { Type: 'ACCOUNT', Id: account.accountId } }));
    await app
      .organizations(account)
      .send(new AcceptHandshakeCommand({ HandshakeId: invited.Handshake!.Id! }));
    return account;
  },

  /** CreateAccount in `org`, polled until it SUCCEEDED; the new account has no credentials. */
  async createdAccount(app: TestApp, org: GivenOrganization, name = uniqueName('made')): Promise<string> {
    const client = app.organizations(org.management);
    const started = await client.send(
      new CreateAccountCommand({ AccountName: name.slice(0, 50), Email: `${name}@example.com` }),
    );
    const requestId = started.CreateAccountStatus!.Id!;
    const done = await eventually(async () => {
      const { CreateAccountStatus: status } = await client.send(
        new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: requestId }),
      );
      return status?.State === 'IN_PROGRESS' ? undefined : status;
    });
    expect(done.State).toBe('SUCCEEDED');
    return done.AccountId!;
  },

  /** Trusted access for `servicePrincipal`, then `member` registered as its delegated administrator. */
  async delegatedAdministrator(
    app: TestApp,
    org: GivenOrganization,
    member: TestCredentials,
    servicePrincipal = 'cloudtrail.amazonaws.com',
  ): Promise<void> {
    const client = app.organizations(org.management);
    await client.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: servicePrincipal }));
    await client.send(
      new RegisterDelegatedAdministratorCommand({
        AccountId: member.accountId,
        ServicePrincipal: servicePrincipal,
      }),
    );
  },
};

// ── Organizations ────────────────────────────────────────────────────────────────────────────

/** An organization founded by a fresh standalone account, with that management account's credentials. */
export interface GivenOrganization {
  readonly id: string;
  readonly rootId: string;
  readonly featureSet: 'ALL' | 'CONSOLIDATED_BILLING';
  readonly management: TestCredentials & { email: string };
}

/** A member account that joined by invitation, so it has root credentials of its own. */
export type GivenMember = TestCredentials & { email: string };
