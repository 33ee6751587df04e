import {
  AcceptHandshakeCommand,
  CreateAccountCommand,
  CreateOrganizationCommand,
  DescribeCreateAccountStatusCommand,
  EnableAWSServiceAccessCommand,
  EnablePolicyTypeCommand,
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

  /**
   * A fresh account founds an organization (ALL unless asked) and is its management account. A new
   * organization has no policy type enabled; `serviceControlPolicies` enables SCPs on its root.
   */
  async organization(
    app: TestApp,
    options: { featureSet?: 'ALL' | 'CONSOLIDATED_BILLING'; serviceControlPolicies?: boolean } = {},
  ): Promise<GivenOrganization> {
    const management = await given.account(app);
    const client = app.organizations(management);
    const created = await client.send(
      new CreateOrganizationCommand({ FeatureSet: options.featureSet ?? 'ALL' }),
    );
    const roots = await client.send(new ListRootsCommand({}));
    if (options.serviceControlPolicies) {
      await client.send(
        new EnablePolicyTypeCommand({ RootId: roots.Roots![0].Id!, PolicyType: 'SERVICE_CONTROL_POLICY' }),
      );
    }
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

// ── IAM and STS ──────────────────────────────────────────────────────────────────────────────

/** An IAM user with one access key: credentials to sign as it, plus its name and ARN. */
export type GivenUser = TestCredentials & { readonly userName: string; readonly arn: string };

/** `AdministratorAccess` → `arn:aws:iam::aws:policy/AdministratorAccess`; ARNs pass unchanged. */
export function managedPolicyArn(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn : `arn:aws:iam::aws:policy/${nameOrArn}`;
}

/** Builds IAM principals and sessions through the public REST API, as an account's root would. */
export const givenIam = {
  /** A user of `account` (signed in as its root) with the managed and inline policies given, and a key. */
  async user(
    app: TestApp,
    account: TestCredentials,
    options: {
      userName?: string;
      managedPolicies?: readonly string[];
      inlinePolicies?: Record<string, object>;
    } = {},
  ): Promise<GivenUser> {
    const root = app.rest(account);
    const userName = options.userName ?? uniqueName('user');
    const created = await root.post('/v1/iam/users', { userName });
    expect(created.status).toBe(201);
    for (const policy of options.managedPolicies ?? []) {
      const attached = await root.post(`/v1/iam/users/${userName}/attached-policies`, {
        policyArn: managedPolicyArn(policy),
      });
      expect(attached.status).toBe(204);
    }
    for (const [policyName, document] of Object.entries(options.inlinePolicies ?? {})) {
      const put = await root.put(`/v1/iam/users/${userName}/policies/${policyName}`, {
        policyDocument: document,
      });
      expect(put.status).toBe(204);
    }
    const key = await root.post(`/v1/iam/users/${userName}/access-keys`);
    expect(key.status).toBe(201);
    const body = key.body as { accessKeyId: string; secretAccessKey: string };
    return {
      accountId: account.accountId,
      accessKeyId: body.accessKeyId,
      secretAccessKey: body.secretAccessKey,
      userName,
      arn: (created.body as { arn: string }).arn,
    };
  },

  /** A role of `account` trusting `trustedPrincipals` (ARNs or account ids), with managed policies; its ARN. */
  async role(
    app: TestApp,
    account: TestCredentials,
    options: {
      roleName?: string;
      trustedPrincipals: readonly string[];
      managedPolicies?: readonly string[];
      maxSessionDuration?: number;
    },
  ): Promise<string> {
    const root = app.rest(account);
    const roleName = options.roleName ?? uniqueName('role');
    const created = await root.post('/v1/iam/roles', {
      roleName,
      assumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { AWS: [...options.trustedPrincipals] }, Action: 'sts:AssumeRole' },
        ],
      },
      ...(options.maxSessionDuration === undefined ? {} : { maxSessionDuration: options.maxSessionDuration }),
    });
    expect(created.status).toBe(201);
    for (const policy of options.managedPolicies ?? []) {
      const attached = await root.post(`/v1/iam/roles/${roleName}/attached-policies`, {
        policyArn: managedPolicyArn(policy),
      });
      expect(attached.status).toBe(204);
    }
    return (created.body as { arn: string }).arn;
  },

  /** Temporary credentials of `roleArn`, assumed by `caller` (a user or a role session, never root). */
  async session(
    app: TestApp,
    caller: TestCredentials,
    roleArn: string,
    options: { sessionName?: string; durationSeconds?: number } = {},
  ): Promise<
    TestCredentials & { readonly sessionToken: string; readonly arn: string; readonly expiresAt: string }
  > {
    const response = await app.rest(caller).post('/v1/sts/assume-role', {
      roleArn,
      roleSessionName: options.sessionName ?? uniqueName('s'),
      ...(options.durationSeconds === undefined ? {} : { durationSeconds: options.durationSeconds }),
    });
    expect(response.status).toBe(200);
    const body = response.body as {
      credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string };
      assumedRoleUser: { arn: string };
    };
    return {
      accountId: roleArn.split(':')[4],
      accessKeyId: body.credentials.accessKeyId,
      secretAccessKey: body.credentials.secretAccessKey,
      sessionToken: body.credentials.sessionToken,
      arn: body.assumedRoleUser.arn,
      expiresAt: body.credentials.expiration,
    };
  },

  /**
   * A session in a member account created through CreateAccount, the way AWS users reach one: an
   * administrator of the management account assumes the member's OrganizationAccountAccessRole.
   */
  async memberAccessSession(
    app: TestApp,
    org: GivenOrganization,
    memberAccountId: string,
  ): Promise<TestCredentials & { readonly arn: string }> {
    const admin = await givenIam.user(app, org.management, { managedPolicies: ['AdministratorAccess'] });
    return givenIam.session(app, admin, `arn:aws:iam::${memberAccountId}:role/OrganizationAccountAccessRole`);
  },
};
