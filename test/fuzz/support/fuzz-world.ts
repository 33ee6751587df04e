import { CreatePolicyCommand, InviteAccountToOrganizationCommand } from '@aws-sdk/client-organizations';
import { expect } from '@jest/globals';
import { type TestCredentials } from '../../support/credentials';
import { given } from '../../support/given';
import { OPERATOR, type TestApp } from '../../support/test-app';
import { type Identity } from './fuzz-call';
import { type KnownValues } from './hostile-bodies';

/** The identities the suite signs as, and the real names and ids their calls may refer to. */
export interface FuzzWorld {
  readonly identities: readonly Identity[];
  readonly known: KnownValues;
  readonly standalone: TestCredentials;
  readonly management: TestCredentials;
}

const TRAIL = 'fuzz-trail';
const USER = 'fuzz-user';

async function created(
  response: Promise<{ status: number; body: unknown }>,
): Promise<Record<string, unknown>> {
  const { status, body } = await response;
  expect(status).toBeLessThan(300);
  return body as Record<string, unknown>;
}

/**
 * Builds a small world: the partition operator, a standalone account and an organization (its
 * management account, a member, an OU, a pending handshake, an SCP), a trail in each account and
 * an IAM user. Its names and ids feed the generators, so some calls get past "not found".
 */
export async function buildWorld(app: TestApp): Promise<FuzzWorld> {
  const standalone = await given.account(app);
  const org = await given.organization(app);
  const management = org.management;
  const member = await given.member(app, org);
  const invitee = await given.account(app);
  const organizations = app.organizations(management);
  const invited = await organizations.send(
    new InviteAccountToOrganizationCommand({ Target: { Type: 'ACCOUNT', Id: invitee.accountId } }),
  );
  const policy = await organizations.send(
    new CreatePolicyCommand({
      Name: 'fuzz-scp',
      Description: 'fuzz',
      Type: 'SERVICE_CONTROL_POLICY',
      Content: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: 'cloudtrail:DeleteTrail', Resource: '*' }],
      }),
    }),
  );
  const unit = await created(
    app.rest(management).post('/v1/organization/units', { parentId: org.rootId, name: 'fuzz-ou' }),
  );
  for (const account of [standalone, management]) {
    await created(app.rest(account).post('/v1/trails', { name: TRAIL, s3BucketName: 'audit-logs' }));
  }
  await created(app.rest(standalone).post('/v1/iam/users', { userName: USER }));

  const accounts = [OPERATOR, standalone, management, member, invitee].map((a) => a.accountId);
  const strings = [
    ...accounts,
    org.id,
    org.rootId,
    String(unit.id),
    invited.Handshake!.Id!,
    policy.Policy!.PolicySummary!.Id!,
    policy.Policy!.PolicySummary!.Arn!,
    TRAIL,
    ...[standalone, management].map((a) => `arn:aws:cloudtrail:us-east-1:${a.accountId}:trail/${TRAIL}`),
    USER,
    `arn:aws:iam::${standalone.accountId}:user/${USER}`,
    'arn:aws:iam::aws:policy/AdministratorAccess',
    'arn:aws:iam::aws:policy/ReadOnlyAccess',
    `arn:aws:iam::${management.accountId}:role/OrganizationAccountAccessRole`,
    'OrganizationAccountAccessRole',
    'cloudtrail.amazonaws.com',
    'config.amazonaws.com',
    'SERVICE_CONTROL_POLICY',
    'ALL',
    'CONSOLIDATED_BILLING',
    'ACCOUNT',
    'EMAIL',
    'ORGANIZATION',
    'us-east-1',
    'eu-west-1',
    'af-south-1',
    'audit-logs',
    'ReadOnly',
    'All',
  ];
  return {
    identities: [
      { name: 'operator', credentials: OPERATOR },
      { name: 'standalone', credentials: standalone },
      { name: 'management', credentials: management },
    ],
    known: { strings },
    standalone,
    management,
  };
}
