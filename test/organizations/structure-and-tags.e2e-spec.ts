import {
  CloseAccountCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  DeleteOrganizationalUnitCommand,
  DescribeAccountCommand,
  DescribeCreateAccountStatusCommand,
  DescribeOrganizationCommand,
  ListChildrenCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateOrganizationalUnitCommand,
} from '@aws-sdk/client-organizations';
import { given, type GivenOrganization, uniqueName } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import { awsFailure, restFailure } from './failures';

describe('Organizations: OUs reshaped, children, account closure and tags (AWS SDK and REST)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({
      jobs: 'inline',
      env: {
        TRAILPLANE_THROTTLING: 'on',
        TRAILPLANE_THROTTLE_RATES: JSON.stringify({ 'organizations:DescribeOrganization': 1 }),
      },
    });
  });
  afterAll(() => app.close());

  async function ou(org: GivenOrganization, name: string, tags?: { Key: string; Value: string }[]) {
    const { OrganizationalUnit } = await app
      .organizations(org.management)
      .send(new CreateOrganizationalUnitCommand({ ParentId: org.rootId, Name: name, Tags: tags }));
    return OrganizationalUnit!;
  }

  describe('over the AWS protocol', () => {
    it('renames and deletes OUs, lists children by type, and refuses a non-empty OU', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const sut = app.organizations(org.management);
      const security = await ou(org, 'Security');
      const { OrganizationalUnit: nested } = await sut.send(
        new CreateOrganizationalUnitCommand({ ParentId: security.Id, Name: 'Audit' }),
      );

      const { OrganizationalUnit: renamed } = await sut.send(
        new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: security.Id, Name: 'SecOps' }),
      );
      expect(renamed).toEqual({ ...security, Name: 'SecOps' });
      const children = (ChildType: 'ACCOUNT' | 'ORGANIZATIONAL_UNIT', ParentId = org.rootId) =>
        sut.send(new ListChildrenCommand({ ParentId, ChildType })).then((r) => r.Children);
      expect(await children('ORGANIZATIONAL_UNIT')).toEqual([
        { Id: security.Id, Type: 'ORGANIZATIONAL_UNIT' },
      ]);
      expect((await children('ACCOUNT'))!.map((c) => c.Id).sort()).toEqual(
        [org.management.accountId, member.accountId].sort(),
      );
      expect(
        await awsFailure(
          sut.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: security.Id })),
        ),
      ).toEqual({ name: 'OrganizationalUnitNotEmptyException', status: 400 });
      expect(
        await awsFailure(
          sut.send(new ListChildrenCommand({ ParentId: org.rootId, ChildType: 'POLICY' as 'ACCOUNT' })),
        ),
      ).toMatchObject({ name: 'InvalidInputException', status: 400 });
      expect(
        await awsFailure(
          app
            .organizations(member)
            .send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: security.Id, Name: 'Mine' })),
        ),
      ).toMatchObject({ name: 'AccessDeniedException', status: 403 });

      await sut.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: nested!.Id }));
      await sut.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: security.Id }));
      expect(await children('ORGANIZATIONAL_UNIT')).toEqual([]);
      expect(
        await awsFailure(
          sut.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: security.Id })),
        ),
      ).toEqual({ name: 'OrganizationalUnitNotFoundException', status: 400 });
    });

    it('stores the Tags of CreateOrganizationalUnit and CreateAccount, and tags, lists and untags', async () => {
      const org = await given.organization(app);
      const sut = app.organizations(org.management);
      const tagsOf = (ResourceId: string) =>
        sut.send(new ListTagsForResourceCommand({ ResourceId })).then((r) => r.Tags);
      const unit = await ou(org, 'Tagged', [{ Key: 'team', Value: 'core' }]);
      const name = uniqueName('tagged');
      const started = await sut.send(
        new CreateAccountCommand({
          AccountName: name,
          Email: `${name}@example.com`,
          Tags: [{ Key: 'cost-center', Value: '42' }],
        }),
      );
      const accountId = await eventually(async () => {
        const { CreateAccountStatus: status } = await sut.send(
          new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: started.CreateAccountStatus!.Id }),
        );
        return status?.AccountId;
      });

      expect(await tagsOf(unit.Id!)).toEqual([{ Key: 'team', Value: 'core' }]);
      expect(await tagsOf(accountId)).toEqual([{ Key: 'cost-center', Value: '42' }]);
      await sut.send(
        new TagResourceCommand({
          ResourceId: org.rootId,
          Tags: [
            { Key: 'env', Value: 'prod' },
            { Key: 'owner', Value: 'platform' },
          ],
        }),
      );
      await sut.send(
        new TagResourceCommand({ ResourceId: org.rootId, Tags: [{ Key: 'env', Value: 'dev' }] }),
      );
      await sut.send(new UntagResourceCommand({ ResourceId: org.rootId, TagKeys: ['owner', 'absent'] }));
      expect(await tagsOf(org.rootId)).toEqual([{ Key: 'env', Value: 'dev' }]);
      expect(
        await awsFailure(sut.send(new TagResourceCommand({ ResourceId: '999999999999', Tags: [] }))),
      ).toEqual({ name: 'TargetNotFoundException', status: 400 });
      expect(
        await awsFailure(
          sut.send(new TagResourceCommand({ ResourceId: unit.Id, Tags: [{ Key: 'aws:x', Value: 'y' }] })),
        ),
      ).toMatchObject({ name: 'InvalidInputException', reason: 'INVALID_SYSTEM_TAGS_PARAMETER' });
    });

    it('CloseAccount suspends the member, which stays listed; a second close is AccountAlreadyClosedException', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const sut = app.organizations(org.management);

      await sut.send(new CloseAccountCommand({ AccountId: member.accountId }));

      const { Account } = await sut.send(new DescribeAccountCommand({ AccountId: member.accountId }));
      expect(Account).toMatchObject({ Status: 'SUSPENDED', State: 'SUSPENDED' });
      expect(await awsFailure(sut.send(new CloseAccountCommand({ AccountId: member.accountId })))).toEqual({
        name: 'AccountAlreadyClosedException',
        status: 400,
      });
    });

    it('answers throttling as TooManyRequestsException, the Organizations model error', async () => {
      const org = await given.organization(app);
      const sut = app.organizations(org.management);
      const results = await Promise.allSettled(
        [1, 2, 3, 4].map(() => sut.send(new DescribeOrganizationCommand({}))),
      );
      const throttled = results.filter((r) => r.status === 'rejected');
      expect(throttled.length).toBeGreaterThanOrEqual(1);
      expect(throttled[0].reason).toMatchObject({
        name: 'TooManyRequestsException',
        $metadata: { httpStatusCode: 400 },
      });
    });
  });

  describe('over REST', () => {
    it('PATCH and DELETE /v1/organization/units/{id}, GET …/parents/{id}/children', async () => {
      const org = await given.organization(app);
      const sut = app.rest(org.management);
      const unit = await ou(org, 'Ops');

      const renamed = await sut.patch(`/v1/organization/units/${unit.Id}`, { name: 'Operations' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toEqual({ id: unit.Id, arn: unit.Arn, name: 'Operations', path: unit.Path });
      const children = await sut.get(
        `/v1/organization/parents/${org.rootId}/children?childType=ORGANIZATIONAL_UNIT`,
      );
      expect(children.status).toBe(200);
      expect(children.body).toEqual({ children: [{ id: unit.Id, type: 'ORGANIZATIONAL_UNIT' }] });
      expect(restFailure(await sut.get(`/v1/organization/parents/${org.rootId}/children`))).toMatchObject({
        status: 400,
      });

      expect((await sut.delete(`/v1/organization/units/${unit.Id}`)).status).toBe(204);
      expect(restFailure(await sut.delete(`/v1/organization/units/${unit.Id}`))).toEqual({
        name: 'OrganizationalUnitNotFoundException',
        status: 404,
      });
    });

    it('GET, POST and DELETE /v1/organization/tags/{resourceId}', async () => {
      const org = await given.organization(app);
      const sut = app.rest(org.management);
      const path = `/v1/organization/tags/${org.rootId}`;

      expect(
        (
          await sut.post(path, {
            tags: [
              { key: 'env', value: 'prod' },
              { key: 'team', value: 'a' },
            ],
          })
        ).status,
      ).toBe(204);
      expect((await sut.delete(`${path}?key=team`)).status).toBe(204);
      const listed = await sut.get(path);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({ tags: [{ key: 'env', value: 'prod' }] });
      expect(restFailure(await sut.get('/v1/organization/tags/999999999999'))).toEqual({
        name: 'TargetNotFoundException',
        status: 404,
      });
    });

    it('POST /v1/organization/accounts/{id}/close suspends the member', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const sut = app.rest(org.management);

      expect((await sut.post(`/v1/organization/accounts/${member.accountId}/close`)).status).toBe(204);
      const described = await sut.get(`/v1/organization/accounts/${member.accountId}`);
      expect(described.body).toMatchObject({ status: 'SUSPENDED' });
      expect(restFailure(await sut.post(`/v1/organization/accounts/${member.accountId}/close`))).toEqual({
        name: 'AccountAlreadyClosedException',
        status: 409,
      });
    });
  });
});
