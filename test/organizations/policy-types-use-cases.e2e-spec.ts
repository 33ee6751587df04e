import {
  AttachPolicyUseCase,
  CreateOrganizationalUnitUseCase,
  CreatePolicyUseCase,
  DescribeOrganizationUseCase,
  DetachPolicyUseCase,
  DisablePolicyTypeUseCase,
  EnablePolicyTypeUseCase,
  ListPoliciesForTargetUseCase,
  ListPoliciesUseCase,
  ListRootsUseCase,
  ListTargetsForPolicyUseCase,
  OrganizationDirectory,
  UpdatePolicyUseCase,
} from '@app/organizations';
import { TransactionRunner } from '@app/platform';
import { given, type GivenOrganization } from '../support/given';
import { TestApp } from '../support/test-app';
import { failureOf, rootContext } from './support/use-cases';

const SCP = 'SERVICE_CONTROL_POLICY';
const RCP = 'RESOURCE_CONTROL_POLICY';
const DENY_DELETE_TRAIL = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'cloudtrail:DeleteTrail', Resource: '*' }],
});
const TAG_POLICY = JSON.stringify({
  tags: { costcenter: { tag_key: { '@@assign': 'CostCenter' }, tag_value: { '@@assign': ['100', '200'] } } },
});

describe('Organizations use cases: policy types (PostgreSQL)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline' });
  });
  afterAll(() => app.close());

  const ctx = (org: GivenOrganization) => rootContext(org.management);

  async function policyIdsOf(org: GivenOrganization, targetId: string, filter: string): Promise<string[]> {
    const page = await app.get(ListPoliciesForTargetUseCase).execute(ctx(org), { targetId, filter });
    return page.items.map((policy) => policy.id);
  }

  async function enable(org: GivenOrganization, policyType: string) {
    return app.get(EnablePolicyTypeUseCase).execute(ctx(org), { rootId: org.rootId, policyType });
  }

  it('gives a new organization no policy type on its root, while AvailablePolicyTypes shows SCPs as AWS does', async () => {
    const org = await given.organization(app);
    const { items } = await app.get(ListRootsUseCase).execute(ctx(org), {});
    expect(items).toEqual([expect.objectContaining({ id: org.rootId, policyTypes: [] })]);
    expect((await app.get(DescribeOrganizationUseCase).execute(ctx(org))).availablePolicyTypes).toEqual([
      { type: SCP, status: 'ENABLED' },
    ]);
    expect(await policyIdsOf(org, org.rootId, SCP)).toEqual([]);
    const created = await app
      .get(CreatePolicyUseCase)
      .execute(ctx(org), { type: SCP, name: 'NoDelete', description: '', content: DENY_DELETE_TRAIL });
    expect(
      await failureOf(
        app
          .get(AttachPolicyUseCase)
          .execute(ctx(org), { policyId: created.policySummary.id, targetId: org.rootId }),
      ),
    ).toEqual({
      code: 'PolicyTypeNotEnabledException',
      message: 'This operation can be performed only for enabled policy types.',
    });
  });

  it('puts FullAWSAccess on the root, every OU and every account when SCPs are enabled, and on those created later', async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    const before = await app
      .get(CreateOrganizationalUnitUseCase)
      .execute(ctx(org), { parentId: org.rootId, name: 'Before' });
    const root = await enable(org, SCP);
    expect(root.policyTypes).toEqual([{ type: SCP, status: 'ENABLED' }]);
    const after = await app
      .get(CreateOrganizationalUnitUseCase)
      .execute(ctx(org), { parentId: org.rootId, name: 'After' });
    for (const target of [org.rootId, before.id, after.id, member.accountId, org.management.accountId]) {
      expect(await policyIdsOf(org, target, SCP)).toEqual(['p-FullAWSAccess']);
    }
    const targets = await app
      .get(ListTargetsForPolicyUseCase)
      .execute(ctx(org), { policyId: 'p-FullAWSAccess' });
    expect(targets.items.map((target) => target.targetId).sort()).toEqual(
      [org.rootId, before.id, after.id, member.accountId, org.management.accountId].sort(),
    );
    expect(await failureOf(enable(org, SCP))).toEqual({
      code: 'PolicyTypeAlreadyEnabledException',
      message: 'The specified policy type is already enabled.',
    });
  });

  it('puts RCPFullAWSAccess everywhere when RCPs are enabled, which no target can shed', async () => {
    const org = await given.organization(app);
    const root = await enable(org, RCP);
    expect(root.policyTypes).toEqual([{ type: RCP, status: 'ENABLED' }]);
    expect(await policyIdsOf(org, org.rootId, RCP)).toEqual(['p-RCPFullAWSAccess']);
    expect(await policyIdsOf(org, org.rootId, SCP)).toEqual([]);
    expect(
      await failureOf(
        app
          .get(DetachPolicyUseCase)
          .execute(ctx(org), { policyId: 'p-RCPFullAWSAccess', targetId: org.rootId }),
      ),
    ).toEqual({
      code: 'InvalidInputException',
      reason: 'NON_DETACHABLE_POLICY',
      message: "You can't detach this AWS Managed Policy.",
    });
    const rcp = await app.get(CreatePolicyUseCase).execute(ctx(org), {
      type: RCP,
      name: 'Perimeter',
      description: 'Only the organization',
      content: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 'sts:AssumeRole',
            Resource: '*',
            Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': org.id } },
          },
        ],
      }),
    });
    expect(rcp.policySummary.arn).toBe(
      `arn:aws:organizations::${org.management.accountId}:policy/${org.id}/resource_control_policy/${rcp.policySummary.id}`,
    );
    const typeOf = (policyId: string) =>
      app
        .get(TransactionRunner)
        .read((em) => app.get(OrganizationDirectory).policyType(em, org.id, policyId));
    expect(await typeOf(rcp.policySummary.id)).toBe(RCP);
    expect(await typeOf('p-FullAWSAccess')).toBe(SCP);
    expect(await typeOf('p-zzzzzzzz')).toBeUndefined();
    await app
      .get(AttachPolicyUseCase)
      .execute(ctx(org), { policyId: rcp.policySummary.id, targetId: org.rootId });
    expect(await policyIdsOf(org, org.rootId, RCP)).toEqual(['p-RCPFullAWSAccess', rcp.policySummary.id]);
  });

  it('creates, attaches and lists a management policy type once enabled, with its own validation', async () => {
    const org = await given.organization(app);
    const create = (content: string) =>
      app
        .get(CreatePolicyUseCase)
        .execute(ctx(org), { type: 'TAG_POLICY', name: 'CostCenters', description: 'Tags', content });
    expect(await failureOf(create(DENY_DELETE_TRAIL))).toEqual({
      code: 'MalformedPolicyDocumentException',
      message:
        'The provided policy document does not meet the requirements of the specified policy type: the top-level key "Version" is not one of tags.',
    });
    const policy = await create(TAG_POLICY);
    expect(policy.policySummary).toMatchObject({ type: 'TAG_POLICY', awsManaged: false });
    const listed = await app.get(ListPoliciesUseCase).execute(ctx(org), { filter: 'TAG_POLICY' });
    expect(listed.items.map((item) => item.id)).toEqual([policy.policySummary.id]);
    const attach = () =>
      app
        .get(AttachPolicyUseCase)
        .execute(ctx(org), { policyId: policy.policySummary.id, targetId: org.rootId });
    expect((await failureOf(attach())).code).toBe('PolicyTypeNotEnabledException');
    await enable(org, 'TAG_POLICY');
    await attach();
    expect(await policyIdsOf(org, org.rootId, 'TAG_POLICY')).toEqual([policy.policySummary.id]);
    expect(
      await failureOf(
        app
          .get(UpdatePolicyUseCase)
          .execute(ctx(org), { policyId: policy.policySummary.id, content: '{"tags":[]}' }),
      ),
    ).toMatchObject({ code: 'MalformedPolicyDocumentException' });
    await app
      .get(DetachPolicyUseCase)
      .execute(ctx(org), { policyId: policy.policySummary.id, targetId: org.rootId });
    expect(await policyIdsOf(org, org.rootId, 'TAG_POLICY')).toEqual([]);
  });

  it('detaches every policy of a type when it is disabled, and starts again from the default when re-enabled', async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    await enable(org, SCP);
    const scp = await app
      .get(CreatePolicyUseCase)
      .execute(ctx(org), { type: SCP, name: 'NoDelete', description: '', content: DENY_DELETE_TRAIL });
    await app
      .get(AttachPolicyUseCase)
      .execute(ctx(org), { policyId: scp.policySummary.id, targetId: member.accountId });
    expect(await policyIdsOf(org, member.accountId, SCP)).toEqual(['p-FullAWSAccess', scp.policySummary.id]);

    const disabled = await app
      .get(DisablePolicyTypeUseCase)
      .execute(ctx(org), { rootId: org.rootId, policyType: SCP });
    expect(disabled.policyTypes).toEqual([]);
    expect(await policyIdsOf(org, member.accountId, SCP)).toEqual([]);
    expect(
      await failureOf(
        app.get(DisablePolicyTypeUseCase).execute(ctx(org), { rootId: org.rootId, policyType: SCP }),
      ),
    ).toMatchObject({ code: 'PolicyTypeNotEnabledException' });

    await enable(org, SCP);
    expect(await policyIdsOf(org, member.accountId, SCP)).toEqual(['p-FullAWSAccess']);
  });

  it('refuses policy types in a consolidated-billing organization, an unknown type and another root', async () => {
    const billing = await given.organization(app, { featureSet: 'CONSOLIDATED_BILLING' });
    expect((await failureOf(enable(billing, SCP))).code).toBe(
      'PolicyTypeNotAvailableForOrganizationException',
    );
    const org = await given.organization(app);
    expect(await failureOf(enable(org, 'SOMETHING_POLICY'))).toEqual({
      code: 'InvalidInputException',
      reason: 'INVALID_ENUM',
      message: 'You specified an invalid value.',
    });
    expect(
      await failureOf(
        app.get(EnablePolicyTypeUseCase).execute(ctx(org), { rootId: 'r-zz99', policyType: SCP }),
      ),
    ).toEqual({ code: 'RootNotFoundException', message: "You specified a root that doesn't exist." });
    expect(
      await failureOf(
        app.get(ListPoliciesForTargetUseCase).execute(ctx(org), { targetId: '999999999999', filter: SCP }),
      ),
    ).toEqual({ code: 'TargetNotFoundException', message: "You specified a target that doesn't exist." });
  });
});
