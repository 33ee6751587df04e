import {
  CreateOrganizationalUnitCommand,
  DescribeOrganizationalUnitCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  MoveAccountCommand,
  type OrganizationalUnit,
} from '@aws-sdk/client-organizations';
import { given, type GivenOrganization } from '../support/given';
import { TestApp } from '../support/test-app';
import { awsFailure } from './failures';

describe('Organizations: organizational units and moves (AWS SDK)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  async function createOu(
    org: GivenOrganization,
    parentId: string,
    name: string,
  ): Promise<OrganizationalUnit> {
    const { OrganizationalUnit } = await app
      .organizations(org.management)
      .send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: name }));
    return OrganizationalUnit!;
  }

  async function unitsUnder(org: GivenOrganization, parentId: string): Promise<string[]> {
    const { OrganizationalUnits } = await app
      .organizations(org.management)
      .send(new ListOrganizationalUnitsForParentCommand({ ParentId: parentId }));
    return OrganizationalUnits!.map((ou) => ou.Name!).sort();
  }

  async function accountsUnder(org: GivenOrganization, parentId: string): Promise<string[]> {
    const { Accounts } = await app
      .organizations(org.management)
      .send(new ListAccountsForParentCommand({ ParentId: parentId }));
    return Accounts!.map((a) => a.Id!).sort();
  }

  describe('CreateOrganizationalUnit', () => {
    it('creates OUs under the root and under other OUs, with ids, ARNs and paths', async () => {
      const org = await given.organization(app);
      const rootSuffix = org.rootId.slice('r-'.length);

      const security = await createOu(org, org.rootId, 'Security');
      const audit = await createOu(org, security.Id!, 'Audit');

      expect(security).toEqual({
        Id: expect.stringMatching(new RegExp(`^ou-${rootSuffix}-[a-z0-9]{8,32}$`)),
        Arn: `arn:aws:organizations::${org.management.accountId}:ou/${org.id}/${security.Id}`,
        Name: 'Security',
        Path: `${org.id}/${org.rootId}/${security.Id}/`,
      });
      expect(audit.Path).toBe(`${org.id}/${org.rootId}/${security.Id}/${audit.Id}/`);
      const { OrganizationalUnit: described } = await app
        .organizations(org.management)
        .send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: audit.Id }));
      expect(described).toEqual(audit);
      expect(await unitsUnder(org, org.rootId)).toEqual(['Security']);
      expect(await unitsUnder(org, security.Id!)).toEqual(['Audit']);
    });

    it('nests five levels deep and refuses a sixth with ConstraintViolationException OU_DEPTH_LIMIT_EXCEEDED', async () => {
      const org = await given.organization(app);
      let parentId = org.rootId;
      for (let level = 1; level <= 5; level++) parentId = (await createOu(org, parentId, `L${level}`)).Id!;

      expect(await awsFailure(createOu(org, parentId, 'L6'))).toEqual({
        name: 'ConstraintViolationException',
        status: 400,
        reason: 'OU_DEPTH_LIMIT_EXCEEDED',
      });
      expect(await unitsUnder(org, parentId)).toEqual([]);
    });

    it('refuses a duplicate name in the same parent with DuplicateOrganizationalUnitException, but not in another parent', async () => {
      const org = await given.organization(app);
      const a = await createOu(org, org.rootId, 'Workloads');

      expect(await awsFailure(createOu(org, org.rootId, 'Workloads'))).toEqual({
        name: 'DuplicateOrganizationalUnitException',
        status: 400,
      });
      await createOu(org, a.Id!, 'Workloads');
      expect(await unitsUnder(org, org.rootId)).toEqual(['Workloads']);
      expect(await unitsUnder(org, a.Id!)).toEqual(['Workloads']);
    });

    it('answers ParentNotFoundException for a well-formed parent that does not exist', async () => {
      const org = await given.organization(app);
      const other = await given.organization(app);
      const theirs = await createOu(other, other.rootId, 'Theirs');

      for (const parentId of ['r-zzzz', `ou-${org.rootId.slice(2)}-zzzzzzzz`, theirs.Id!, other.rootId]) {
        expect(await awsFailure(createOu(org, parentId, 'Orphan'))).toEqual({
          name: 'ParentNotFoundException',
          status: 400,
        });
      }
      expect(await unitsUnder(org, org.rootId)).toEqual([]);
    });

    it.each([
      ['an empty name', 'MIN_LENGTH_EXCEEDED', { ParentId: 'r-abcd', Name: '' }],
      ['a 129-character name', 'MAX_LENGTH_EXCEEDED', { ParentId: 'r-abcd', Name: 'n'.repeat(129) }],
      ['a malformed parent', 'INVALID_PATTERN', { ParentId: 'root', Name: 'X' }],
      ['a missing parent', 'INPUT_REQUIRED', { Name: 'X' }],
    ])('refuses %s with InvalidInputException %s', async (_case, reason, input) => {
      const org = await given.organization(app);
      expect(
        await awsFailure(
          app.organizations(org.management).send(new CreateOrganizationalUnitCommand(input as never)),
        ),
      ).toEqual({ name: 'InvalidInputException', status: 400, reason });
      expect(await unitsUnder(org, org.rootId)).toEqual([]);
    });
  });

  describe('DescribeOrganizationalUnit', () => {
    it('answers OrganizationalUnitNotFoundException for an OU of another organization', async () => {
      const org = await given.organization(app);
      const other = await given.organization(app);
      const theirs = await createOu(other, other.rootId, 'Theirs');
      expect(
        await awsFailure(
          app
            .organizations(org.management)
            .send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: theirs.Id })),
        ),
      ).toEqual({ name: 'OrganizationalUnitNotFoundException', status: 400 });
    });
  });

  describe('MoveAccount, ListParents, ListAccountsForParent', () => {
    it('moves a member from the root into an OU and back', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const ou = await createOu(org, org.rootId, 'Prod');
      const sut = app.organizations(org.management);

      await sut.send(
        new MoveAccountCommand({
          AccountId: member.accountId,
          SourceParentId: org.rootId,
          DestinationParentId: ou.Id,
        }),
      );

      expect(await accountsUnder(org, ou.Id!)).toEqual([member.accountId]);
      expect(await accountsUnder(org, org.rootId)).toEqual([org.management.accountId]);
      const { Parents } = await sut.send(new ListParentsCommand({ ChildId: member.accountId }));
      expect(Parents).toEqual([{ Id: ou.Id, Type: 'ORGANIZATIONAL_UNIT' }]);
      const { Parents: ouParents } = await sut.send(new ListParentsCommand({ ChildId: ou.Id }));
      expect(ouParents).toEqual([{ Id: org.rootId, Type: 'ROOT' }]);

      await sut.send(
        new MoveAccountCommand({
          AccountId: member.accountId,
          SourceParentId: ou.Id,
          DestinationParentId: org.rootId,
        }),
      );
      expect(await accountsUnder(org, ou.Id!)).toEqual([]);
    });

    it('refuses wrong sources, unknown destinations, unknown accounts and no-op moves, leaving the account where it was', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const outsider = await given.account(app);
      const ou = await createOu(org, org.rootId, 'Dev');
      const missingOu = `ou-${org.rootId.slice(2)}-zzzzzzzz`;
      const sut = app.organizations(org.management);
      const move = (accountId: string, source: string, destination: string) =>
        sut.send(
          new MoveAccountCommand({
            AccountId: accountId,
            SourceParentId: source,
            DestinationParentId: destination,
          }),
        );

      expect(await awsFailure(move(member.accountId, ou.Id!, org.rootId))).toEqual({
        name: 'SourceParentNotFoundException',
        status: 400,
      });
      expect(await awsFailure(move(member.accountId, org.rootId, missingOu))).toEqual({
        name: 'DestinationParentNotFoundException',
        status: 400,
      });
      expect(await awsFailure(move(outsider.accountId, org.rootId, ou.Id!))).toEqual({
        name: 'AccountNotFoundException',
        status: 400,
      });
      expect(await awsFailure(move(member.accountId, org.rootId, org.rootId))).toEqual({
        name: 'DuplicateAccountException',
        status: 400,
      });
      expect(await awsFailure(move(member.accountId, 'nowhere', ou.Id!))).toEqual({
        name: 'InvalidInputException',
        status: 400,
        reason: 'INVALID_PATTERN',
      });
      expect(await accountsUnder(org, org.rootId)).toEqual(
        [org.management.accountId, member.accountId].sort(),
      );
      expect(await accountsUnder(org, ou.Id!)).toEqual([]);
    });

    it('answers ChildNotFoundException for ListParents of an unknown child and ParentNotFoundException for an unknown parent', async () => {
      const org = await given.organization(app);
      const outsider = await given.account(app);
      const sut = app.organizations(org.management);

      expect(await awsFailure(sut.send(new ListParentsCommand({ ChildId: outsider.accountId })))).toEqual({
        name: 'ChildNotFoundException',
        status: 400,
      });
      expect(await awsFailure(sut.send(new ListParentsCommand({ ChildId: org.rootId })))).toEqual({
        name: 'InvalidInputException',
        status: 400,
        reason: 'INVALID_PATTERN',
      });
      expect(await awsFailure(sut.send(new ListAccountsForParentCommand({ ParentId: 'r-zzzz' })))).toEqual({
        name: 'ParentNotFoundException',
        status: 400,
      });
    });

    it('pages OUs of a parent', async () => {
      const org = await given.organization(app);
      for (const name of ['A', 'B', 'C']) await createOu(org, org.rootId, name);
      const sut = app.organizations(org.management);

      const first = await sut.send(
        new ListOrganizationalUnitsForParentCommand({ ParentId: org.rootId, MaxResults: 2 }),
      );
      const rest = await sut.send(
        new ListOrganizationalUnitsForParentCommand({ ParentId: org.rootId, NextToken: first.NextToken }),
      );

      expect(first.OrganizationalUnits).toHaveLength(2);
      expect(
        [...first.OrganizationalUnits!, ...rest.OrganizationalUnits!].map((ou) => ou.Name).sort(),
      ).toEqual(['A', 'B', 'C']);
      expect(rest.NextToken).toBeUndefined();
    });
  });
});
