import {
  CreateOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  ListAccountsCommand,
  ListOrganizationalUnitsForParentCommand,
} from '@aws-sdk/client-organizations';
import { given } from '../support/given';
import { withAdminClient } from '../support/test-database';
import { TestApp } from '../support/test-app';

describe('Organizations: restart persistence', () => {
  let databaseUrl: string | undefined;
  afterAll(async () => {
    if (!databaseUrl) return;
    const name = new URL(databaseUrl).pathname.slice(1);
    await withAdminClient(async (client) => {
      await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
    });
  });

  it('keeps the organization, its members and its OUs across a restart on the same database', async () => {
    const first = await TestApp.start();
    databaseUrl = first.databaseUrl;
    const org = await given.organization(first);
    const member = await given.member(first, org);
    const created = await given.createdAccount(first, org);
    await first
      .organizations(org.management)
      .send(new CreateOrganizationalUnitCommand({ ParentId: org.rootId, Name: 'Survivor' }));
    await first.close({ keepDatabase: true });

    const second = await TestApp.start({ databaseUrl });
    try {
      const management = second.organizations(org.management);
      expect((await management.send(new DescribeOrganizationCommand({}))).Organization!.Id).toBe(org.id);
      const { Accounts } = await management.send(new ListAccountsCommand({}));
      expect(Accounts!.map((a) => a.Id).sort()).toEqual(
        [org.management.accountId, member.accountId, created].sort(),
      );
      const { OrganizationalUnits } = await management.send(
        new ListOrganizationalUnitsForParentCommand({ ParentId: org.rootId }),
      );
      expect(OrganizationalUnits!.map((ou) => ou.Name)).toEqual(['Survivor']);
      const fromMember = await second.organizations(member).send(new DescribeOrganizationCommand({}));
      expect(fromMember.Organization!.Id).toBe(org.id);
    } finally {
      await second.close({ keepDatabase: true });
    }
  });
});
