import {
  CreateTrailCommand,
  DeleteTrailCommand,
  DescribeTrailsCommand,
  ListTrailsCommand,
} from '@aws-sdk/client-cloudtrail';
import {
  AttachPolicyCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  DeletePolicyCommand,
  DescribePolicyCommand,
  DetachPolicyCommand,
  DisablePolicyTypeCommand,
  EnablePolicyTypeCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  MoveAccountCommand,
  type OrganizationsClient,
  type PolicyType,
  UpdatePolicyCommand,
} from '@aws-sdk/client-organizations';
import { type TestCredentials } from '../support/credentials';
import { given, givenIam, type GivenOrganization, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';
import { sdkError } from './support/iam-clients';

const SCP = 'SERVICE_CONTROL_POLICY';
const FULL_AWS_ACCESS = 'p-FullAWSAccess';
const BUCKET = 'audit-logs';

function document(statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

const DENY_DELETE_TRAIL = document([{ Effect: 'Deny', Action: 'cloudtrail:DeleteTrail', Resource: '*' }]);

/** What the SDK reports for an Organizations failure, Reason included. */
async function orgError(call: Promise<unknown>): Promise<{ name: string; reason?: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as { name: string; Reason?: string };
    return e.Reason === undefined ? { name: e.name } : { name: e.name, reason: e.Reason };
  }
  throw new Error('The call succeeded');
}

describe('service control policies', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  async function createPolicy(
    client: OrganizationsClient,
    content = DENY_DELETE_TRAIL,
    name = uniqueName('scp'),
  ) {
    const { Policy } = await client.send(
      new CreatePolicyCommand({ Content: content, Description: 'test policy', Name: name, Type: SCP }),
    );
    return Policy!.PolicySummary!.Id!;
  }

  const policiesOf = async (client: OrganizationsClient, targetId: string): Promise<string[]> =>
    (
      (await client.send(new ListPoliciesForTargetCommand({ TargetId: targetId, Filter: SCP }))).Policies ??
      []
    ).map((policy) => policy.Id!);

  it('holds FullAWSAccess on the root, every OU and every account once SCPs are enabled', async () => {
    const org = await given.organization(app);
    const member = await given.member(app, org);
    const client = app.organizations(org.management);
    expect((await client.send(new ListRootsCommand({}))).Roots?.[0].PolicyTypes).toEqual([]);
    expect(await policiesOf(client, member.accountId)).toEqual([]);
    await client.send(new EnablePolicyTypeCommand({ RootId: org.rootId, PolicyType: SCP }));
    const { OrganizationalUnit: ou } = await client.send(
      new CreateOrganizationalUnitCommand({ ParentId: org.rootId, Name: uniqueName('ou') }),
    );

    const { Policies } = await client.send(new ListPoliciesCommand({ Filter: SCP }));
    expect(Policies).toContainEqual({
      Id: FULL_AWS_ACCESS,
      Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
      Name: 'FullAWSAccess',
      Description: 'Allows access to every operation',
      Type: SCP,
      AwsManaged: true,
    });
    for (const target of [org.rootId, ou!.Id!, member.accountId, org.management.accountId]) {
      expect(await policiesOf(client, target)).toEqual([FULL_AWS_ACCESS]);
    }
    const { Targets } = await client.send(new ListTargetsForPolicyCommand({ PolicyId: FULL_AWS_ACCESS }));
    expect(Targets?.map((t) => t.TargetId).sort()).toEqual(
      [org.rootId, ou!.Id!, member.accountId, org.management.accountId].sort(),
    );
    expect(Targets).toContainEqual({
      TargetId: org.rootId,
      Arn: `arn:aws:organizations::${org.management.accountId}:root/${org.id}/${org.rootId}`,
      Name: 'Root',
      Type: 'ROOT',
    });
    const { Roots } = await client.send(new ListRootsCommand({}));
    expect(Roots?.[0].PolicyTypes).toEqual([{ Type: SCP, Status: 'ENABLED' }]);
  });

  it('creates, describes, updates and deletes a policy; duplicates, malformed documents and oversize content are refused', async () => {
    const org = await given.organization(app, { serviceControlPolicies: true });
    const client = app.organizations(org.management);
    const name = uniqueName('scp');
    const id = await createPolicy(client, DENY_DELETE_TRAIL, name);
    expect(id).toMatch(/^p-[0-9a-z]{8}$/);

    const described = await client.send(new DescribePolicyCommand({ PolicyId: id }));
    expect(described.Policy).toEqual({
      PolicySummary: {
        Id: id,
        Arn: `arn:aws:organizations::${org.management.accountId}:policy/${org.id}/service_control_policy/${id}`,
        Name: name,
        Description: 'test policy',
        Type: SCP,
        AwsManaged: false,
      },
      Content: DENY_DELETE_TRAIL,
    });

    const updated = await client.send(new UpdatePolicyCommand({ PolicyId: id, Description: 'changed' }));
    expect(updated.Policy?.PolicySummary?.Description).toBe('changed');
    expect(updated.Policy?.Content).toBe(DENY_DELETE_TRAIL);

    const before = (await client.send(new ListPoliciesCommand({ Filter: SCP }))).Policies;
    expect(await orgError(createPolicy(client, DENY_DELETE_TRAIL, name))).toEqual({
      name: 'DuplicatePolicyException',
    });
    const malformed = await sdkError(
      createPolicy(client, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}'),
    );
    expect(malformed.name).toBe('MalformedPolicyDocumentException');
    expect(await orgError(createPolicy(client, 'not json'))).toEqual({
      name: 'MalformedPolicyDocumentException',
    });
    const huge = document(
      Array.from({ length: 80 }, (_, i) => ({
        Sid: `S${i}`,
        Effect: 'Deny',
        Action: 'cloudtrail:DeleteTrail',
        Resource: '*',
      })),
    );
    expect(await orgError(createPolicy(client, huge))).toEqual({
      name: 'ConstraintViolationException',
      reason: 'POLICY_CONTENT_LIMIT_EXCEEDED',
    });
    expect(
      await orgError(client.send(new UpdatePolicyCommand({ PolicyId: id, Content: '{"Statement":[]' }))),
    ).toEqual({ name: 'MalformedPolicyDocumentException' });
    expect((await client.send(new ListPoliciesCommand({ Filter: SCP }))).Policies).toEqual(before);
    expect((await client.send(new DescribePolicyCommand({ PolicyId: id }))).Policy?.Content).toBe(
      DENY_DELETE_TRAIL,
    );
    expect(
      await orgError(
        client.send(
          new CreatePolicyCommand({
            Content: DENY_DELETE_TRAIL,
            Description: '',
            Name: 'x',
            Type: 'NO_SUCH_POLICY' as PolicyType,
          }),
        ),
      ),
    ).toEqual({ name: 'InvalidInputException', reason: 'INVALID_ENUM' });

    expect(
      await orgError(client.send(new UpdatePolicyCommand({ PolicyId: FULL_AWS_ACCESS, Name: 'Mine' }))),
    ).toEqual({
      name: 'AccessDeniedException',
    });
    await client.send(new DeletePolicyCommand({ PolicyId: id }));
    await expect(client.send(new DescribePolicyCommand({ PolicyId: id }))).rejects.toMatchObject({
      name: 'PolicyNotFoundException',
      message: "We can't find a policy with the PolicyId that you specified.",
    });
  });

  it('attaches and detaches with every rule: duplicates, unknown targets, at most five, at least one, in-use deletion', async () => {
    const org = await given.organization(app, { serviceControlPolicies: true });
    const member = await given.member(app, org);
    const client = app.organizations(org.management);
    const id = await createPolicy(client);

    await client.send(new AttachPolicyCommand({ PolicyId: id, TargetId: member.accountId }));
    expect(await policiesOf(client, member.accountId)).toEqual([FULL_AWS_ACCESS, id]);
    expect(
      await orgError(client.send(new AttachPolicyCommand({ PolicyId: id, TargetId: member.accountId }))),
    ).toEqual({
      name: 'DuplicatePolicyAttachmentException',
    });
    expect(
      await orgError(
        client.send(new AttachPolicyCommand({ PolicyId: 'p-00000000', TargetId: member.accountId })),
      ),
    ).toEqual({
      name: 'PolicyNotFoundException',
    });
    expect(
      await orgError(client.send(new AttachPolicyCommand({ PolicyId: id, TargetId: '123456789012' }))),
    ).toEqual({
      name: 'TargetNotFoundException',
    });
    expect(
      await orgError(
        client.send(
          new AttachPolicyCommand({ PolicyId: id, TargetId: `ou-${org.rootId.slice(2)}-zzzzzzzz` }),
        ),
      ),
    ).toEqual({ name: 'TargetNotFoundException' });
    expect(await orgError(client.send(new AttachPolicyCommand({ PolicyId: id, TargetId: 'bogus' })))).toEqual(
      {
        name: 'InvalidInputException',
        reason: 'INVALID_PATTERN',
      },
    );
    expect(await orgError(client.send(new DeletePolicyCommand({ PolicyId: id })))).toEqual({
      name: 'PolicyInUseException',
    });

    for (let i = 0; i < 3; i++) {
      await client.send(
        new AttachPolicyCommand({ PolicyId: await createPolicy(client), TargetId: member.accountId }),
      );
    }
    expect(await policiesOf(client, member.accountId)).toHaveLength(5);
    expect(
      await orgError(
        client.send(
          new AttachPolicyCommand({ PolicyId: await createPolicy(client), TargetId: member.accountId }),
        ),
      ),
    ).toEqual({ name: 'ConstraintViolationException', reason: 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED' });

    await client.send(new DetachPolicyCommand({ PolicyId: id, TargetId: member.accountId }));
    expect(
      await orgError(client.send(new DetachPolicyCommand({ PolicyId: id, TargetId: member.accountId }))),
    ).toEqual({
      name: 'PolicyNotAttachedException',
    });
    expect(
      await orgError(
        client.send(new DetachPolicyCommand({ PolicyId: FULL_AWS_ACCESS, TargetId: org.rootId })),
      ),
    ).toEqual({
      name: 'ConstraintViolationException',
      reason: 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
    });
    await client.send(new DeletePolicyCommand({ PolicyId: id }));
    const { Targets } = await client.send(new ListTargetsForPolicyCommand({ PolicyId: FULL_AWS_ACCESS }));
    expect(Targets?.map((t) => t.TargetId)).toContain(member.accountId);
  });

  it('lets only the management account change policies', async () => {
    const org = await given.organization(app, { serviceControlPolicies: true });
    const member = await given.member(app, org);
    expect(await orgError(createPolicy(app.organizations(member)))).toEqual({
      name: 'AccessDeniedException',
    });
    expect(await orgError(app.organizations(member).send(new ListPoliciesCommand({ Filter: SCP })))).toEqual({
      name: 'AccessDeniedException',
    });
  });

  async function memberInOu(org: GivenOrganization): Promise<{ member: TestCredentials; ouId: string }> {
    const member = await given.member(app, org);
    const client = app.organizations(org.management);
    const { OrganizationalUnit: ou } = await client.send(
      new CreateOrganizationalUnitCommand({ ParentId: org.rootId, Name: uniqueName('ou') }),
    );
    await client.send(
      new MoveAccountCommand({
        AccountId: member.accountId,
        SourceParentId: org.rootId,
        DestinationParentId: ou!.Id!,
      }),
    );
    return { member, ouId: ou!.Id! };
  }

  it('stops a member’s root user with an SCP denying cloudtrail:DeleteTrail on its OU, but not the management account', async () => {
    const org = await given.organization(app, { serviceControlPolicies: true });
    const { member, ouId } = await memberInOu(org);
    const client = app.organizations(org.management);
    await client.send(new AttachPolicyCommand({ PolicyId: await createPolicy(client), TargetId: ouId }));

    const memberTrail = uniqueName('m');
    const memberTrails = app.cloudtrail(member);
    await memberTrails.send(new CreateTrailCommand({ Name: memberTrail, S3BucketName: BUCKET }));
    const denied = await sdkError(memberTrails.send(new DeleteTrailCommand({ Name: memberTrail })));
    expect(denied).toEqual({
      name: 'AccessDeniedException',
      message: `User: arn:aws:iam::${member.accountId}:root is not authorized to perform: cloudtrail:DeleteTrail on resource: arn:aws:cloudtrail:us-east-1:${member.accountId}:trail/${memberTrail} with an explicit deny in a service control policy`,
    });
    expect((await memberTrails.send(new DescribeTrailsCommand({}))).trailList?.map((t) => t.Name)).toContain(
      memberTrail,
    );

    // A member IAM administrator is bound too.
    const admin = await givenIam.user(app, member, { managedPolicies: ['AdministratorAccess'] });
    expect(
      await sdkError(app.cloudtrail(admin).send(new DeleteTrailCommand({ Name: memberTrail }))),
    ).toMatchObject({
      name: 'AccessDeniedException',
    });

    const managementTrail = uniqueName('mg');
    const managementTrails = app.cloudtrail(org.management);
    await managementTrails.send(new CreateTrailCommand({ Name: managementTrail, S3BucketName: BUCKET }));
    await managementTrails.send(new DeleteTrailCommand({ Name: managementTrail }));
  });

  it('bounds a member at every level: without an allow at its own level, nothing is allowed', async () => {
    const org = await given.organization(app, { serviceControlPolicies: true });
    const { member } = await memberInOu(org);
    const client = app.organizations(org.management);
    const readOnly = await createPolicy(
      client,
      document([{ Effect: 'Allow', Action: ['cloudtrail:Describe*', 'cloudtrail:List*'], Resource: '*' }]),
    );
    await client.send(new AttachPolicyCommand({ PolicyId: readOnly, TargetId: member.accountId }));
    await client.send(new DetachPolicyCommand({ PolicyId: FULL_AWS_ACCESS, TargetId: member.accountId }));

    const cloudtrail = app.cloudtrail(member);
    expect((await cloudtrail.send(new ListTrailsCommand({}))).Trails).toEqual([]);
    expect(
      await sdkError(
        cloudtrail.send(new CreateTrailCommand({ Name: uniqueName('x'), S3BucketName: BUCKET })),
      ),
    ).toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringMatching(
        /because no service control policy allows the cloudtrail:CreateTrail action$/,
      ),
    });
  });

  it('stops applying SCPs when the type is disabled, and attaches FullAWSAccess everywhere when enabled again', async () => {
    const org = await given.organization(app, { serviceControlPolicies: true });
    const { member, ouId } = await memberInOu(org);
    const client = app.organizations(org.management);
    const deny = await createPolicy(client);
    await client.send(new AttachPolicyCommand({ PolicyId: deny, TargetId: ouId }));
    const name = uniqueName('t');
    await app.cloudtrail(member).send(new CreateTrailCommand({ Name: name, S3BucketName: BUCKET }));
    expect(await sdkError(app.cloudtrail(member).send(new DeleteTrailCommand({ Name: name })))).toMatchObject(
      {
        name: 'AccessDeniedException',
      },
    );

    const disabled = await client.send(new DisablePolicyTypeCommand({ RootId: org.rootId, PolicyType: SCP }));
    expect(disabled.Root?.PolicyTypes).toEqual([]);
    expect((await client.send(new ListRootsCommand({}))).Roots?.[0].PolicyTypes).toEqual([]);
    expect(await policiesOf(client, ouId)).toEqual([]);
    expect(await orgError(client.send(new AttachPolicyCommand({ PolicyId: deny, TargetId: ouId })))).toEqual({
      name: 'PolicyTypeNotEnabledException',
    });
    expect(
      await orgError(client.send(new DisablePolicyTypeCommand({ RootId: org.rootId, PolicyType: SCP }))),
    ).toEqual({
      name: 'PolicyTypeNotEnabledException',
    });
    await app.cloudtrail(member).send(new DeleteTrailCommand({ Name: name }));

    const enabled = await client.send(new EnablePolicyTypeCommand({ RootId: org.rootId, PolicyType: SCP }));
    expect(enabled.Root?.PolicyTypes).toEqual([{ Type: SCP, Status: 'ENABLED' }]);
    expect(await policiesOf(client, ouId)).toEqual([FULL_AWS_ACCESS]);
    expect(
      await orgError(client.send(new EnablePolicyTypeCommand({ RootId: org.rootId, PolicyType: SCP }))),
    ).toEqual({
      name: 'PolicyTypeAlreadyEnabledException',
    });
    expect(
      await orgError(client.send(new EnablePolicyTypeCommand({ RootId: 'r-zzzz', PolicyType: SCP }))),
    ).toEqual({ name: 'RootNotFoundException' });
  });

  it('offers no SCPs to a consolidated-billing organization', async () => {
    const org = await given.organization(app, { featureSet: 'CONSOLIDATED_BILLING' });
    expect(await orgError(createPolicy(app.organizations(org.management)))).toEqual({
      name: 'PolicyTypeNotAvailableForOrganizationException',
    });
  });

  it('serves the same operations over REST under /v1/organization/policies', async () => {
    const org = await given.organization(app, { serviceControlPolicies: true });
    const member = await given.member(app, org);
    const rest = app.rest(org.management);

    const created = await rest.post('/v1/organization/policies', {
      name: uniqueName('scp'),
      content: DENY_DELETE_TRAIL,
    });
    expect(created.status).toBe(201);
    const id = created.body.policySummary.id as string;
    expect(created.body).toMatchObject({
      policySummary: { type: SCP, awsManaged: false, description: '' },
      content: DENY_DELETE_TRAIL,
    });
    expect((await rest.get(`/v1/organization/policies/${id}`)).body.content).toBe(DENY_DELETE_TRAIL);
    expect((await rest.put(`/v1/organization/policies/${id}/targets/${member.accountId}`)).status).toBe(204);
    expect(
      (await rest.get(`/v1/organization/targets/${member.accountId}/policies`)).body.policies.map(
        (p: { id: string }) => p.id,
      ),
    ).toEqual([FULL_AWS_ACCESS, id]);
    expect((await rest.get(`/v1/organization/policies/${id}/targets`)).body.targets).toEqual([
      expect.objectContaining({ targetId: member.accountId, type: 'ACCOUNT' }),
    ]);
    const malformed = await rest.post('/v1/organization/policies', {
      name: uniqueName('bad'),
      content: '{}',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MalformedPolicyDocumentException');
    const inUse = await rest.delete(`/v1/organization/policies/${id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('PolicyInUseException');
    expect((await rest.delete(`/v1/organization/policies/${id}/targets/${member.accountId}`)).status).toBe(
      204,
    );
    expect(
      (await rest.patch(`/v1/organization/policies/${id}`, { name: 'renamed' })).body.policySummary.name,
    ).toBe('renamed');
    expect((await rest.delete(`/v1/organization/policies/${id}`)).status).toBe(204);
    expect(
      (await rest.delete(`/v1/organization/roots/${org.rootId}/policy-types/${SCP}`)).body.policyTypes,
    ).toEqual([]);
    expect(
      (await rest.put(`/v1/organization/roots/${org.rootId}/policy-types/${SCP}`)).body.policyTypes,
    ).toEqual([{ type: SCP, status: 'ENABLED' }]);
    const list = await rest.get('/v1/organization/policies');
    expect(list.body.policies.map((p: { id: string }) => p.id)).toEqual([FULL_AWS_ACCESS]);
  });
});
