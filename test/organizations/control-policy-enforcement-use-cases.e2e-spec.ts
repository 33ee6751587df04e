import { Authorizer, type ResourceRef } from '@app/iam';
import {
  AttachPolicyUseCase,
  CreatePolicyUseCase,
  DisablePolicyTypeUseCase,
  EnablePolicyTypeUseCase,
} from '@app/organizations';
import { type TestCredentials } from '../support/credentials';
import { given, givenIam, type GivenOrganization } from '../support/given';
import { TestApp } from '../support/test-app';
import { rootContext } from './support/use-cases';

/** Denies assuming roles to principals from outside the organization (an identity perimeter). */
function perimeter(organizationId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OrganizationIdentitiesOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': organizationId } },
      },
    ],
  });
}

const DENY_DELETE_TRAIL = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'cloudtrail:DeleteTrail', Resource: '*' }],
});

describe('Organizations use cases: SCPs and RCPs in the policy engine (PostgreSQL)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline' });
  });
  afterAll(() => app.close());

  const ctx = (org: GivenOrganization) => rootContext(org.management);

  async function decide(caller: TestCredentials, action: string, resource: ResourceRef) {
    const authorizer = app.get(Authorizer);
    return authorizer.decide(await authorizer.prepare(rootContext(caller)), action, [resource]);
  }

  async function attachNew(org: GivenOrganization, type: string, content: string, targetId: string) {
    const policy = await app
      .get(CreatePolicyUseCase)
      .execute(ctx(org), { type, name: `P${Date.now()}`, description: '', content });
    await app.get(AttachPolicyUseCase).execute(ctx(org), { policyId: policy.policySummary.id, targetId });
  }

  it('denies an outsider a member’s role once an RCP on the member’s path says so, and only while RCPs are enabled', async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    const outsider = await given.account(app);
    const roleArn = await givenIam.role(app, member, { trustedPrincipals: [outsider.accountId] });
    const role: ResourceRef = { arn: roleArn, account: member.accountId, kind: 'assumable-role' };
    expect((await decide(outsider, 'sts:AssumeRole', role)).decision).toBe('Allow');

    await app
      .get(EnablePolicyTypeUseCase)
      .execute(ctx(org), { rootId: org.rootId, policyType: 'RESOURCE_CONTROL_POLICY' });
    expect((await decide(outsider, 'sts:AssumeRole', role)).decision).toBe('Allow');
    await attachNew(org, 'RESOURCE_CONTROL_POLICY', perimeter(org.id), member.accountId);

    const denied = await decide(outsider, 'sts:AssumeRole', role);
    expect(denied).toMatchObject({
      decision: 'ExplicitDeny',
      reason: { kind: 'rcp', sid: 'OrganizationIdentitiesOnly' },
    });
    expect(denied.error).toMatchObject({
      code: 'AccessDeniedException',
      message: `User: arn:aws:iam::${outsider.accountId}:root is not authorized to perform: sts:AssumeRole on resource: ${roleArn} with an explicit deny in a resource control policy`,
    });

    await app
      .get(DisablePolicyTypeUseCase)
      .execute(ctx(org), { rootId: org.rootId, policyType: 'RESOURCE_CONTROL_POLICY' });
    expect((await decide(outsider, 'sts:AssumeRole', role)).decision).toBe('Allow');
  });

  it('lets principals of the organization through the perimeter, and never bounds the management account’s resources', async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    const sibling = await given.member(app, org);
    const outsider = await given.account(app);
    await app
      .get(EnablePolicyTypeUseCase)
      .execute(ctx(org), { rootId: org.rootId, policyType: 'RESOURCE_CONTROL_POLICY' });
    await attachNew(org, 'RESOURCE_CONTROL_POLICY', perimeter(org.id), org.rootId);

    const memberRole = await givenIam.role(app, member, {
      trustedPrincipals: [sibling.accountId, outsider.accountId],
    });
    const role: ResourceRef = { arn: memberRole, account: member.accountId, kind: 'assumable-role' };
    expect((await decide(sibling, 'sts:AssumeRole', role)).decision).toBe('Allow');
    expect((await decide(outsider, 'sts:AssumeRole', role)).reason.kind).toBe('rcp');

    const managementRole = await givenIam.role(app, org.management, {
      trustedPrincipals: [outsider.accountId],
    });
    const ownedByManagement: ResourceRef = {
      arn: managementRole,
      account: org.management.accountId,
      kind: 'assumable-role',
    };
    expect((await decide(outsider, 'sts:AssumeRole', ownedByManagement)).decision).toBe('Allow');
  });

  it('applies SCPs to a member’s principals only while the SCP type is enabled on the root', async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    const trail: ResourceRef = {
      arn: `arn:aws:cloudtrail:us-east-1:${member.accountId}:trail/audit`,
      account: member.accountId,
      kind: 'trail',
    };
    expect((await decide(member, 'cloudtrail:DeleteTrail', trail)).decision).toBe('Allow');
    await app
      .get(EnablePolicyTypeUseCase)
      .execute(ctx(org), { rootId: org.rootId, policyType: 'SERVICE_CONTROL_POLICY' });
    await attachNew(org, 'SERVICE_CONTROL_POLICY', DENY_DELETE_TRAIL, member.accountId);
    expect(await decide(member, 'cloudtrail:DeleteTrail', trail)).toMatchObject({
      decision: 'ExplicitDeny',
      reason: { kind: 'scp' },
    });
    await app
      .get(DisablePolicyTypeUseCase)
      .execute(ctx(org), { rootId: org.rootId, policyType: 'SERVICE_CONTROL_POLICY' });
    expect((await decide(member, 'cloudtrail:DeleteTrail', trail)).decision).toBe('Allow');
  });
});
