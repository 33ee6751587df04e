import {
  CreateOrganizationalUnitCommand,
  DeregisterDelegatedAdministratorCommand,
  DescribeAccountCommand,
  DescribeOrganizationCommand,
  DisableAWSServiceAccessCommand,
  EnableAWSServiceAccessCommand,
  LeaveOrganizationCommand,
  ListAccountsCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListDelegatedServicesForAccountCommand,
  ListRootsCommand,
  RegisterDelegatedAdministratorCommand,
  RemoveAccountFromOrganizationCommand,
} from '@aws-sdk/client-organizations';
import { given, type GivenOrganization } from '../support/given';
import { TestApp } from '../support/test-app';
import { awsFailure } from './failures';

const CLOUDTRAIL = 'cloudtrail.amazonaws.com';
const GUARDDUTY = 'guardduty.amazonaws.com';

describe('Organizations: trusted service access and delegated administrators (AWS SDK)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  async function enabledServices(org: GivenOrganization): Promise<string[]> {
    const { EnabledServicePrincipals } = await app
      .organizations(org.management)
      .send(new ListAWSServiceAccessForOrganizationCommand({}));
    return EnabledServicePrincipals!.map((s) => s.ServicePrincipal!).sort();
  }

  async function administrators(org: GivenOrganization, servicePrincipal?: string): Promise<string[]> {
    const { DelegatedAdministrators } = await app
      .organizations(org.management)
      .send(
        new ListDelegatedAdministratorsCommand(
          servicePrincipal ? { ServicePrincipal: servicePrincipal } : {},
        ),
      );
    return DelegatedAdministrators!.map((a) => a.Id!).sort();
  }

  function register(org: GivenOrganization, accountId: string, servicePrincipal = CLOUDTRAIL) {
    return app.organizations(org.management).send(
      new RegisterDelegatedAdministratorCommand({
        AccountId: accountId,
        ServicePrincipal: servicePrincipal,
      }),
    );
  }

  describe('EnableAWSServiceAccess / DisableAWSServiceAccess / ListAWSServiceAccessForOrganization', () => {
    it('enables, lists and disables trusted access for a service', async () => {
      const org = await given.organization(app);
      const sut = app.organizations(org.management);

      const enabled = await sut.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL }));
      await sut.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL }));

      expect(enabled.$metadata.httpStatusCode).toBe(200);
      const { EnabledServicePrincipals } = await sut.send(new ListAWSServiceAccessForOrganizationCommand({}));
      expect(EnabledServicePrincipals).toEqual([
        { ServicePrincipal: CLOUDTRAIL, DateEnabled: expect.any(Date) },
      ]);
      expect(Math.abs(EnabledServicePrincipals![0].DateEnabled!.getTime() - Date.now())).toBeLessThan(60_000);

      await sut.send(new DisableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL }));
      expect(await enabledServices(org)).toEqual([]);
    });

    it('refuses an unknown service with InvalidInputException UNRECOGNIZED_SERVICE_PRINCIPAL', async () => {
      const org = await given.organization(app);
      expect(
        await awsFailure(
          app
            .organizations(org.management)
            .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'nothing.amazonaws.com' })),
        ),
      ).toEqual({ name: 'InvalidInputException', status: 400, reason: 'UNRECOGNIZED_SERVICE_PRINCIPAL' });
      expect(await enabledServices(org)).toEqual([]);
    });

    it('refuses a consolidated-billing organization with ConstraintViolationException ORGANIZATION_NOT_IN_ALL_FEATURES_MODE', async () => {
      const org = await given.organization(app, { featureSet: 'CONSOLIDATED_BILLING' });
      expect(
        await awsFailure(
          app
            .organizations(org.management)
            .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL })),
        ),
      ).toEqual({
        name: 'ConstraintViolationException',
        status: 400,
        reason: 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE',
      });
      expect(await enabledServices(org)).toEqual([]);
    });

    it('refuses a member with AccessDeniedException', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      expect(
        await awsFailure(
          app.organizations(member).send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL })),
        ),
      ).toEqual({ name: 'AccessDeniedException', status: 403 });
      expect(
        await awsFailure(app.organizations(member).send(new ListAWSServiceAccessForOrganizationCommand({}))),
      ).toEqual({ name: 'AccessDeniedException', status: 403 });
      expect(await enabledServices(org)).toEqual([]);
    });
  });

  describe('RegisterDelegatedAdministrator', () => {
    it('registers a member, which then appears with its delegation date and services', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      await app
        .organizations(org.management)
        .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL }));

      await register(org, member.accountId);

      const { DelegatedAdministrators } = await app
        .organizations(org.management)
        .send(new ListDelegatedAdministratorsCommand({}));
      expect(DelegatedAdministrators).toEqual([
        {
          Id: member.accountId,
          Arn: `arn:aws:organizations::${org.management.accountId}:account/${org.id}/${member.accountId}`,
          Email: member.email,
          Name: expect.any(String),
          Status: 'ACTIVE',
          State: 'ACTIVE',
          JoinedMethod: 'INVITED',
          JoinedTimestamp: expect.any(Date),
          DelegationEnabledDate: expect.any(Date),
        },
      ]);
      const { DelegatedServices } = await app
        .organizations(org.management)
        .send(new ListDelegatedServicesForAccountCommand({ AccountId: member.accountId }));
      expect(DelegatedServices).toEqual([
        { ServicePrincipal: CLOUDTRAIL, DelegationEnabledDate: expect.any(Date) },
      ]);
    });

    it('requires trusted access first (ConstraintViolationException SERVICE_ACCESS_NOT_ENABLED)', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      expect(await awsFailure(register(org, member.accountId))).toEqual({
        name: 'ConstraintViolationException',
        status: 400,
        reason: 'SERVICE_ACCESS_NOT_ENABLED',
      });
      expect(await administrators(org)).toEqual([]);
    });

    it('requires all features (ConstraintViolationException ORGANIZATION_NOT_IN_ALL_FEATURES_MODE)', async () => {
      const org = await given.organization(app, { featureSet: 'CONSOLIDATED_BILLING' });
      const member = await given.member(app, org);
      expect(await awsFailure(register(org, member.accountId))).toEqual({
        name: 'ConstraintViolationException',
        status: 400,
        reason: 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE',
      });
      expect(await administrators(org)).toEqual([]);
    });

    it('never registers the management account (CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR)', async () => {
      const org = await given.organization(app);
      await app
        .organizations(org.management)
        .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL }));
      expect(await awsFailure(register(org, org.management.accountId))).toEqual({
        name: 'ConstraintViolationException',
        status: 400,
        reason: 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
      });
      expect(await administrators(org)).toEqual([]);
    });

    it('requires a member of the organization (AccountNotFoundException)', async () => {
      const org = await given.organization(app);
      const outsider = await given.account(app);
      await app
        .organizations(org.management)
        .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL }));
      expect(await awsFailure(register(org, outsider.accountId))).toEqual({
        name: 'AccountNotFoundException',
        status: 400,
      });
      expect(await administrators(org)).toEqual([]);
    });

    it('answers AccountAlreadyRegisteredException to a second registration for the same service', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      await given.delegatedAdministrator(app, org, member);
      expect(await awsFailure(register(org, member.accountId))).toEqual({
        name: 'AccountAlreadyRegisteredException',
        status: 400,
      });
      expect(await administrators(org)).toEqual([member.accountId]);
    });

    it('accepts three CloudTrail administrators and refuses a fourth (MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED)', async () => {
      const org = await given.organization(app);
      const members = await Promise.all([1, 2, 3, 4].map(() => given.member(app, org)));
      await app
        .organizations(org.management)
        .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL }));
      for (const member of members.slice(0, 3)) await register(org, member.accountId);

      expect(await awsFailure(register(org, members[3].accountId))).toEqual({
        name: 'ConstraintViolationException',
        status: 400,
        reason: 'MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED',
      });
      expect(await administrators(org, CLOUDTRAIL)).toEqual(
        members
          .slice(0, 3)
          .map((m) => m.accountId)
          .sort(),
      );
    });

    it('lets exactly three of five concurrent CloudTrail registrations through', async () => {
      const org = await given.organization(app);
      const members = await Promise.all([1, 2, 3, 4, 5].map(() => given.member(app, org)));
      await app
        .organizations(org.management)
        .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL }));

      const results = await Promise.allSettled(members.map((m) => register(org, m.accountId)));

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      expect(await administrators(org, CLOUDTRAIL)).toHaveLength(3);
    });

    it('accepts one GuardDuty administrator only, and filters the listing by service', async () => {
      const org = await given.organization(app);
      const [first, second] = await Promise.all([given.member(app, org), given.member(app, org)]);
      await given.delegatedAdministrator(app, org, first, GUARDDUTY);
      await given.delegatedAdministrator(app, org, second, CLOUDTRAIL);

      expect(await awsFailure(register(org, second.accountId, GUARDDUTY))).toEqual({
        name: 'ConstraintViolationException',
        status: 400,
        reason: 'MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED',
      });
      expect(await administrators(org, GUARDDUTY)).toEqual([first.accountId]);
      expect(await administrators(org, CLOUDTRAIL)).toEqual([second.accountId]);
      expect(await administrators(org)).toEqual([first.accountId, second.accountId].sort());
    });

    it('refuses a member with AccessDeniedException', async () => {
      const org = await given.organization(app);
      const [member, other] = await Promise.all([given.member(app, org), given.member(app, org)]);
      await app
        .organizations(org.management)
        .send(new EnableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL }));
      expect(
        await awsFailure(
          app.organizations(member).send(
            new RegisterDelegatedAdministratorCommand({
              AccountId: other.accountId,
              ServicePrincipal: CLOUDTRAIL,
            }),
          ),
        ),
      ).toEqual({ name: 'AccessDeniedException', status: 403 });
      expect(await administrators(org)).toEqual([]);
    });
  });

  describe('DeregisterDelegatedAdministrator and ListDelegatedServicesForAccount', () => {
    it('deregisters an administrator, which then has no delegated services', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      await given.delegatedAdministrator(app, org, member);
      const sut = app.organizations(org.management);

      await sut.send(
        new DeregisterDelegatedAdministratorCommand({
          AccountId: member.accountId,
          ServicePrincipal: CLOUDTRAIL,
        }),
      );

      expect(await administrators(org)).toEqual([]);
      expect(
        await awsFailure(
          sut.send(new ListDelegatedServicesForAccountCommand({ AccountId: member.accountId })),
        ),
      ).toEqual({ name: 'AccountNotRegisteredException', status: 400 });
    });

    it('answers AccountNotRegisteredException for an account that is not registered and AccountNotFoundException for an outsider', async () => {
      const org = await given.organization(app);
      const member = await given.member(app, org);
      const outsider = await given.account(app);
      const sut = app.organizations(org.management);
      const deregister = (accountId: string) =>
        sut.send(
          new DeregisterDelegatedAdministratorCommand({ AccountId: accountId, ServicePrincipal: CLOUDTRAIL }),
        );

      expect(await awsFailure(deregister(member.accountId))).toEqual({
        name: 'AccountNotRegisteredException',
        status: 400,
      });
      expect(await awsFailure(deregister(outsider.accountId))).toEqual({
        name: 'AccountNotFoundException',
        status: 400,
      });
      expect(
        await awsFailure(
          sut.send(new ListDelegatedServicesForAccountCommand({ AccountId: outsider.accountId })),
        ),
      ).toEqual({ name: 'AccountNotFoundException', status: 400 });
    });
  });

  describe('what a delegated administrator may do', () => {
    it('reads the structure of the organization but changes nothing', async () => {
      const org = await given.organization(app);
      const admin = await given.member(app, org);
      await given.delegatedAdministrator(app, org, admin);
      const sut = app.organizations(admin);

      const { Accounts } = await sut.send(new ListAccountsCommand({}));
      expect(Accounts!.map((a) => a.Id).sort()).toEqual([org.management.accountId, admin.accountId].sort());
      const { Account } = await sut.send(new DescribeAccountCommand({ AccountId: org.management.accountId }));
      expect(Account!.Id).toBe(org.management.accountId);
      expect((await sut.send(new ListRootsCommand({}))).Roots![0].Id).toBe(org.rootId);
      expect(await administrators(org)).toEqual([admin.accountId]);

      expect(
        await awsFailure(
          sut.send(new CreateOrganizationalUnitCommand({ ParentId: org.rootId, Name: 'Nope' })),
        ),
      ).toEqual({ name: 'AccessDeniedException', status: 403 });
      expect(
        await awsFailure(sut.send(new DisableAWSServiceAccessCommand({ ServicePrincipal: CLOUDTRAIL }))),
      ).toEqual({ name: 'AccessDeniedException', status: 403 });
      expect(await enabledServices(org)).toEqual([CLOUDTRAIL]);
    });

    it('cannot be removed or leave until deregistered (CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG)', async () => {
      const org = await given.organization(app);
      const admin = await given.member(app, org);
      await given.delegatedAdministrator(app, org, admin);
      const management = app.organizations(org.management);

      for (const attempt of [
        management.send(new RemoveAccountFromOrganizationCommand({ AccountId: admin.accountId })),
        app.organizations(admin).send(new LeaveOrganizationCommand({})),
      ]) {
        expect(await awsFailure(attempt)).toEqual({
          name: 'ConstraintViolationException',
          status: 400,
          reason: 'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG',
        });
      }
      expect(
        (await app.organizations(admin).send(new DescribeOrganizationCommand({}))).Organization!.Id,
      ).toBe(org.id);

      await management.send(
        new DeregisterDelegatedAdministratorCommand({
          AccountId: admin.accountId,
          ServicePrincipal: CLOUDTRAIL,
        }),
      );
      await app.organizations(admin).send(new LeaveOrganizationCommand({}));
      expect(
        await awsFailure(app.organizations(admin).send(new DescribeOrganizationCommand({}))),
      ).toMatchObject({
        name: 'AWSOrganizationsNotInUseException',
      });
    });
  });
});
