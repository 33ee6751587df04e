import {
  AcceptHandshakeUseCase,
  AttachPolicyUseCase,
  CreateAccountUseCase,
  CreateOrganizationalUnitUseCase,
  CreatePolicyUseCase,
  DeleteOrganizationalUnitUseCase,
  DescribeOrganizationalUnitUseCase,
  EnablePolicyTypeUseCase,
  InviteAccountToOrganizationUseCase,
  ListChildrenUseCase,
  ListTagsForResourceUseCase,
  MoveAccountUseCase,
  TagResourceUseCase,
  UntagResourceUseCase,
  UpdateOrganizationalUnitUseCase,
} from '@app/organizations';
import { TransactionRunner } from '@app/platform';
import { given, type GivenOrganization } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import { failureOf, rootContext } from './support/use-cases';

describe('Organizations use cases: OUs, children and tags (PostgreSQL)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ jobs: 'inline' });
  });
  afterAll(() => app.close());

  const ctx = (org: GivenOrganization) => rootContext(org.management);
  const createOu = (
    org: GivenOrganization,
    parentId: string,
    name: string,
    tags?: { key: string; value: string }[],
  ) => app.get(CreateOrganizationalUnitUseCase).execute(ctx(org), { parentId, name, tags });
  const tagsOf = async (org: GivenOrganization, resourceId: string) =>
    (await app.get(ListTagsForResourceUseCase).execute(ctx(org), { resourceId })).items;

  describe('DeleteOrganizationalUnit and UpdateOrganizationalUnit', () => {
    it('deletes only an empty OU, with its attachments and tags', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const parent = await createOu(org, org.rootId, 'Parent', [{ key: 'team', value: 'core' }]);
      const child = await createOu(org, parent.id, 'Child');
      await app.get(MoveAccountUseCase).execute(ctx(org), {
        accountId: member.accountId,
        sourceParentId: org.rootId,
        destinationParentId: child.id,
      });
      const remove = (id: string) =>
        app.get(DeleteOrganizationalUnitUseCase).execute(ctx(org), { organizationalUnitId: id });
      expect(await failureOf(remove(parent.id))).toEqual({
        code: 'OrganizationalUnitNotEmptyException',
        message:
          'The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.',
      });
      expect((await failureOf(remove(child.id))).code).toBe('OrganizationalUnitNotEmptyException');

      await app.get(MoveAccountUseCase).execute(ctx(org), {
        accountId: member.accountId,
        sourceParentId: child.id,
        destinationParentId: org.rootId,
      });
      await app
        .get(EnablePolicyTypeUseCase)
        .execute(ctx(org), { rootId: org.rootId, policyType: 'TAG_POLICY' });
      const tagPolicy = await app.get(CreatePolicyUseCase).execute(ctx(org), {
        type: 'TAG_POLICY',
        name: 'Teams',
        description: '',
        content: '{"tags":{"team":{"tag_key":{"@@assign":"Team"}}}}',
      });
      await app
        .get(AttachPolicyUseCase)
        .execute(ctx(org), { policyId: tagPolicy.policySummary.id, targetId: child.id });
      await remove(child.id);
      await remove(parent.id);
      for (const id of [child.id, parent.id]) {
        expect(
          (
            await failureOf(
              app.get(DescribeOrganizationalUnitUseCase).execute(ctx(org), { organizationalUnitId: id }),
            )
          ).code,
        ).toBe('OrganizationalUnitNotFoundException');
        expect((await failureOf(remove(id))).code).toBe('OrganizationalUnitNotFoundException');
      }
      const leftovers = await app.get(TransactionRunner).read((em) =>
        em.query(
          `SELECT (SELECT count(*) FROM organization_policy_attachments WHERE target_id = ANY($1))::int AS attachments,
                  (SELECT count(*) FROM organization_resource_tags WHERE resource_id = ANY($1))::int AS tags`,
          [[child.id, parent.id]],
        ),
      );
      expect(leftovers).toEqual([{ attachments: 0, tags: 0 }]);
    });

    it('renames an OU in place, refusing a name its parent already has', async () => {
      const org = await given.organization(app);
      const security = await createOu(org, org.rootId, 'Security');
      const audit = await createOu(org, security.id, 'Audit');
      await createOu(org, security.id, 'Logs');
      const update = (organizationalUnitId: string, name?: string) =>
        app.get(UpdateOrganizationalUnitUseCase).execute(ctx(org), { organizationalUnitId, name });
      expect(await update(audit.id, 'Compliance')).toEqual({ ...audit, name: 'Compliance' });
      expect(await update(audit.id)).toEqual({ ...audit, name: 'Compliance' });
      expect(await failureOf(update(audit.id, 'Logs'))).toMatchObject({
        code: 'DuplicateOrganizationalUnitException',
      });
      expect(await update(audit.id, 'Compliance')).toMatchObject({ name: 'Compliance' });
      expect((await failureOf(update(audit.id, ''))).reason).toBe('MIN_LENGTH_EXCEEDED');
      expect((await failureOf(update('ou-zz99-abcdefgh', 'X'))).code).toBe(
        'OrganizationalUnitNotFoundException',
      );
    });
  });

  describe('ListChildren', () => {
    it('lists the accounts or the OUs directly under a parent, by id, a page at a time', async () => {
      const org = await given.organization(app);
      const members = [await given.member(app, org), await given.member(app, org)];
      const ous = [await createOu(org, org.rootId, 'A'), await createOu(org, org.rootId, 'B')];
      await createOu(org, ous[0].id, 'Nested');
      const list = (
        childType: string,
        parentId = org.rootId,
        paging: { nextToken?: string; maxResults?: number } = {},
      ) => app.get(ListChildrenUseCase).execute(ctx(org), { parentId, childType, ...paging });

      const accounts = (await list('ACCOUNT')).items;
      expect(accounts).toEqual(
        [org.management.accountId, ...members.map((m) => m.accountId)]
          .sort()
          .map((id) => ({ id, type: 'ACCOUNT' })),
      );
      const first = await list('ORGANIZATIONAL_UNIT', org.rootId, { maxResults: 1 });
      expect(first.items).toHaveLength(1);
      const second = await list('ORGANIZATIONAL_UNIT', org.rootId, {
        maxResults: 1,
        nextToken: first.nextToken,
      });
      expect([...first.items, ...second.items]).toEqual(
        ous
          .map((ou) => ou.id)
          .sort()
          .map((id) => ({ id, type: 'ORGANIZATIONAL_UNIT' })),
      );
      expect(second.nextToken).toBeUndefined();
      expect((await list('ACCOUNT', ous[1].id)).items).toEqual([]);
      expect((await failureOf(list('ACCOUNT', 'ou-zz99-abcdefgh'))).code).toBe('ParentNotFoundException');
      expect(await failureOf(list('POLICY'))).toMatchObject({
        code: 'InvalidInputException',
        reason: 'INVALID_ENUM',
      });
    });
  });

  describe('TagResource, UntagResource and ListTagsForResource', () => {
    it('tags accounts, OUs, the root and policies, overwriting values and removing by key', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const ou = await createOu(org, org.rootId, 'Workloads');
      const policy = await app.get(CreatePolicyUseCase).execute(ctx(org), {
        type: 'SERVICE_CONTROL_POLICY',
        name: 'Tagged',
        description: '',
        content: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}',
        tags: [{ key: 'owner', value: 'security' }],
      });
      expect(await tagsOf(org, policy.policySummary.id)).toEqual([{ key: 'owner', value: 'security' }]);
      for (const resourceId of [member.accountId, ou.id, org.rootId, policy.policySummary.id]) {
        await app.get(TagResourceUseCase).execute(ctx(org), {
          resourceId,
          tags: [
            { key: 'env', value: 'prod' },
            { key: 'owner', value: 'platform' },
          ],
        });
        await app
          .get(TagResourceUseCase)
          .execute(ctx(org), { resourceId, tags: [{ key: 'env', value: '' }] });
        await app.get(UntagResourceUseCase).execute(ctx(org), { resourceId, tagKeys: ['owner', 'absent'] });
        expect(await tagsOf(org, resourceId)).toEqual([{ key: 'env', value: '' }]);
      }
    });

    it('keeps at most 50 tags, refuses system keys and unknown targets, and changes nothing on error', async () => {
      const org = await given.organization(app);
      const ou = await createOu(org, org.rootId, 'Full');
      const fifty = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: String(i) }));
      await app.get(TagResourceUseCase).execute(ctx(org), { resourceId: ou.id, tags: fifty });
      const tag = (resourceId: string, tags: { key: string; value: string }[]) =>
        app.get(TagResourceUseCase).execute(ctx(org), { resourceId, tags });
      expect(await failureOf(tag(ou.id, [{ key: 'one-more', value: '' }]))).toMatchObject({
        code: 'ConstraintViolationException',
        reason: 'MAX_TAG_LIMIT_EXCEEDED',
      });
      await tag(ou.id, [{ key: 'k0', value: 'overwritten' }]);
      expect((await failureOf(tag(ou.id, [{ key: 'aws:owner', value: 'x' }]))).reason).toBe(
        'INVALID_SYSTEM_TAGS_PARAMETER',
      );
      expect(await tagsOf(org, ou.id)).toHaveLength(50);
      expect(await failureOf(tag('444455556666', [{ key: 'a', value: 'b' }]))).toEqual({
        code: 'TargetNotFoundException',
        message: "You specified a target that doesn't exist.",
      });
      expect((await failureOf(tag('p-FullAWSAccess', [{ key: 'a', value: 'b' }]))).reason).toBe(
        'TARGET_NOT_SUPPORTED',
      );
      expect((await failureOf(tag('o-abcdefghij', [{ key: 'a', value: 'b' }]))).reason).toBe(
        'INVALID_PATTERN',
      );
    });

    it('stores the Tags given to CreateAccount and InviteAccountToOrganization once the account joins', async () => {
      const org = await given.organization(app);
      const started = await app.get(CreateAccountUseCase).execute(ctx(org), {
        accountName: 'Tagged account',
        email: `tagged-${Date.now()}@example.com`,
        tags: [{ key: 'cost-center', value: '42' }],
      });
      await app.jobsIdle();
      const accountId = await eventually(async () => {
        const children = await app
          .get(ListChildrenUseCase)
          .execute(ctx(org), { parentId: org.rootId, childType: 'ACCOUNT' });
        return children.items.find((child) => child.id !== org.management.accountId)?.id;
      });
      expect(started.state).toBe('IN_PROGRESS');
      expect(await tagsOf(org, accountId)).toEqual([{ key: 'cost-center', value: '42' }]);
      expect(await tagsOf(org, org.management.accountId)).toEqual([]);

      const invitee = await given.account(app);
      const invitation = await app.get(InviteAccountToOrganizationUseCase).execute(ctx(org), {
        target: { type: 'ACCOUNT', id: invitee.accountId },
        tags: [{ key: 'joined', value: 'by-invitation' }],
      });
      await app.get(AcceptHandshakeUseCase).execute(rootContext(invitee), { handshakeId: invitation.id });
      expect(await tagsOf(org, invitee.accountId)).toEqual([{ key: 'joined', value: 'by-invitation' }]);
    });
  });
});
