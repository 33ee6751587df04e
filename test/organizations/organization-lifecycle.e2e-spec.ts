import {
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  DeleteOrganizationCommand,
  DescribeOrganizationCommand,
  EnableAllFeaturesCommand,
  EnableAWSServiceAccessCommand,
  InviteAccountToOrganizationCommand,
  ListAccountsCommand,
  ListRootsCommand,
  MoveAccountCommand,
  RemoveAccountFromOrganizationCommand,
} from '@aws-sdk/client-organizations';
import { given } from '../support/given';
import { TestApp } from '../support/test-app';
import { awsFailure } from './failures';

describe('Organizations: an organization from creation to deletion (AWS SDK)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  describe('CreateOrganization', () => {
    it('makes the caller the management account of an all-features organization with no policy type enabled on its root yet', async () => {
      const founder = await given.account(app);
      const sut = app.organizations(founder);

      const { Organization: org } = await sut.send(new CreateOrganizationCommand({}));

      expect(org).toEqual({
        Id: expect.stringMatching(/^o-[a-z0-9]{10,32}$/),
        Arn: `arn:aws:organizations::${founder.accountId}:organization/${org!.Id}`,
        FeatureSet: 'ALL',
        MasterAccountArn: `arn:aws:organizations::${founder.accountId}:account/${org!.Id}/${founder.accountId}`,
        MasterAccountId: founder.accountId,
        MasterAccountEmail: founder.email,
        AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      });
      const { Roots } = await sut.send(new ListRootsCommand({}));
      expect(Roots).toEqual([
        {
          Id: expect.stringMatching(/^r-[0-9a-z]{4,32}$/),
          Arn: `arn:aws:organizations::${founder.accountId}:root/${org!.Id}/${Roots![0].Id}`,
          Name: 'Root',
          PolicyTypes: [],
        },
      ]);
      const { Accounts } = await sut.send(new ListAccountsCommand({}));
      expect(Accounts).toEqual([
        expect.objectContaining({ Id: founder.accountId, Email: founder.email, State: 'ACTIVE' }),
      ]);
    });

    it('creates a consolidated-billing organization without policy types', async () => {
      const founder = await given.account(app);
      const sut = app.organizations(founder);

      const { Organization: org } = await sut.send(
        new CreateOrganizationCommand({ FeatureSet: 'CONSOLIDATED_BILLING' }),
      );

      expect(org).toMatchObject({ FeatureSet: 'CONSOLIDATED_BILLING', AvailablePolicyTypes: [] });
      const { Roots } = await sut.send(new ListRootsCommand({}));
      expect(Roots![0].PolicyTypes).toEqual([]);
    });

    it('answers AlreadyInOrganizationException to a management account or member, and keeps their organization', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);

      for (const caller of [org.management, member]) {
        expect(await awsFailure(app.organizations(caller).send(new CreateOrganizationCommand({})))).toEqual({
          name: 'AlreadyInOrganizationException',
          status: 400,
        });
        const { Organization } = await app.organizations(caller).send(new DescribeOrganizationCommand({}));
        expect(Organization!.Id).toBe(org.id);
      }
    });

    it('refuses an unknown feature set with InvalidInputException INVALID_ENUM and creates nothing', async () => {
      const founder = await given.account(app);
      const sut = app.organizations(founder);

      expect(
        await awsFailure(sut.send(new CreateOrganizationCommand({ FeatureSet: 'EVERYTHING' as never }))),
      ).toEqual({ name: 'InvalidInputException', status: 400, reason: 'INVALID_ENUM' });
      expect(await awsFailure(sut.send(new DescribeOrganizationCommand({})))).toMatchObject({
        name: 'AWSOrganizationsNotInUseException',
      });
    });
  });

  describe('DescribeOrganization', () => {
    it('answers the management account and every member with the same organization', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);

      const [fromManagement, fromMember] = await Promise.all(
        [org.management, member].map((c) => app.organizations(c).send(new DescribeOrganizationCommand({}))),
      );

      expect(fromMember.Organization).toEqual(fromManagement.Organization);
      expect(fromMember.Organization).toMatchObject({
        Id: org.id,
        MasterAccountId: org.management.accountId,
      });
    });

    it('answers AWSOrganizationsNotInUseException (400) to a standalone account', async () => {
      const standalone = await given.account(app);
      expect(
        await awsFailure(app.organizations(standalone).send(new DescribeOrganizationCommand({}))),
      ).toEqual({ name: 'AWSOrganizationsNotInUseException', status: 400 });
    });

    it('accepts calls signed for any enabled Region (Organizations is global)', async () => {
      const org = await given.organization(app);
      const { Organization } = await app
        .organizations(org.management, 'eu-west-1')
        .send(new DescribeOrganizationCommand({}));
      expect(Organization!.Id).toBe(org.id);
    });
  });

  describe('EnableAllFeatures', () => {
    it('moves a consolidated-billing organization to all features and answers an accepted handshake', async () => {
      const org = await given.organization(app, { featureSet: 'CONSOLIDATED_BILLING' });
      const sut = app.organizations(org.management);

      const { Handshake } = await sut.send(new EnableAllFeaturesCommand({}));

      expect(Handshake).toMatchObject({
        Id: expect.stringMatching(/^h-[0-9a-z]{8,32}$/),
        Arn: expect.stringContaining(`:handshake/${org.id}/enable_all_features/`),
        Action: 'ENABLE_ALL_FEATURES',
        State: 'ACCEPTED',
        Parties: [{ Id: org.id, Type: 'ORGANIZATION' }],
      });
      expect(Handshake!.RequestedTimestamp).toBeInstanceOf(Date);
      const { Organization } = await sut.send(new DescribeOrganizationCommand({}));
      expect(Organization).toMatchObject({
        FeatureSet: 'ALL',
        AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      });
    });

    it('answers HandshakeConstraintViolationException ORGANIZATION_ALREADY_HAS_ALL_FEATURES the second time', async () => {
      const org = await given.organization(app);
      expect(
        await awsFailure(app.organizations(org.management).send(new EnableAllFeaturesCommand({}))),
      ).toEqual({
        name: 'HandshakeConstraintViolationException',
        status: 400,
        reason: 'ORGANIZATION_ALREADY_HAS_ALL_FEATURES',
      });
    });

    it('refuses a member with AccessDeniedException and leaves the feature set alone', async () => {
      const org = await given.organization(app, { featureSet: 'CONSOLIDATED_BILLING' });
      const member = await given.member(app, org);

      expect(await awsFailure(app.organizations(member).send(new EnableAllFeaturesCommand({})))).toEqual({
        name: 'AccessDeniedException',
        status: 403,
      });
      const { Organization } = await app.organizations(member).send(new DescribeOrganizationCommand({}));
      expect(Organization!.FeatureSet).toBe('CONSOLIDATED_BILLING');
    });
  });

  describe('members changing the organization', () => {
    it('answers AccessDeniedException to every change a member attempts, and nothing changes', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const outsider = await given.account(app);
      const sut = app.organizations(member);

      const attempts = [
        sut.send(new DeleteOrganizationCommand({})),
        sut.send(
          new InviteAccountToOrganizationCommand({ Target: { Type: 'ACCOUNT', Id: outsider.accountId } }),
        ),
        sut.send(new CreateOrganizationalUnitCommand({ ParentId: org.rootId, Name: 'Rogue' })),
        sut.send(
          new MoveAccountCommand({
            AccountId: member.accountId,
            SourceParentId: org.rootId,
            DestinationParentId: org.rootId,
          }),
        ),
        sut.send(new RemoveAccountFromOrganizationCommand({ AccountId: org.management.accountId })),
        sut.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'cloudtrail.amazonaws.com' })),
        sut.send(new ListAccountsCommand({})),
      ];
      for (const attempt of attempts) {
        expect(await awsFailure(attempt)).toEqual({ name: 'AccessDeniedException', status: 403 });
      }

      const management = app.organizations(org.management);
      const { Accounts } = await management.send(new ListAccountsCommand({}));
      expect(Accounts!.map((a) => a.Id).sort()).toEqual([org.management.accountId, member.accountId].sort());
      expect((await management.send(new DescribeOrganizationCommand({}))).Organization!.Id).toBe(org.id);
    });
  });

  describe('DeleteOrganization', () => {
    it('refuses while members remain (OrganizationNotEmptyException), then deletes once the management account is alone', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const sut = app.organizations(org.management);

      expect(await awsFailure(sut.send(new DeleteOrganizationCommand({})))).toEqual({
        name: 'OrganizationNotEmptyException',
        status: 400,
      });
      expect((await sut.send(new DescribeOrganizationCommand({}))).Organization!.Id).toBe(org.id);

      await sut.send(new RemoveAccountFromOrganizationCommand({ AccountId: member.accountId }));
      const deleted = await sut.send(new DeleteOrganizationCommand({}));

      expect(deleted.$metadata.httpStatusCode).toBe(200);
      expect(await awsFailure(sut.send(new DescribeOrganizationCommand({})))).toMatchObject({
        name: 'AWSOrganizationsNotInUseException',
      });
      const again = await sut.send(new CreateOrganizationCommand({}));
      expect(again.Organization!.Id).not.toBe(org.id);
    });

    it('answers AWSOrganizationsNotInUseException to a standalone account', async () => {
      const standalone = await given.account(app);
      expect(await awsFailure(app.organizations(standalone).send(new DeleteOrganizationCommand({})))).toEqual(
        { name: 'AWSOrganizationsNotInUseException', status: 400 },
      );
    });
  });
});
