import { dataSourceOptions, revertLastMigration, runPendingMigrations } from '@app/platform';
import { DataSource, type MigrationInterface } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import { databaseUrl, TEMPLATE_DATABASE, withAdminClient } from '../support/test-database';

const BEFORE = ALL_MIGRATIONS.findIndex((migration) =>
  (new migration().name ?? '').endsWith('1765100000000'),
);
const NAME = TEMPLATE_DATABASE.replace(/_template$/, `_policy_types_migration_${process.pid}`);

async function migrated(migrations: Array<new () => MigrationInterface>): Promise<DataSource> {
  const dataSource = new DataSource(
    dataSourceOptions({
      url: databaseUrl(NAME),
      poolSize: 1,
      migrations,
      onPoolError: () => undefined,
    }),
  );
  await dataSource.initialize();
  await runPendingMigrations(dataSource);
  return dataSource;
}

/**
 * Migration 1765100000000 stores the policy types a root has enabled where 1764000000008 stored the
 * disabled exceptions of an implicit SCP default: organizations that exist keep their behaviour.
 */
describe('migration 1765100000000: policy types enabled per root', () => {
  beforeAll(() => withAdminClient((client) => client.query(`CREATE DATABASE ${NAME}`)));
  afterAll(() => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${NAME}`)));

  it('keeps SCPs enabled where they were in force, and gives the exceptions back on the way down', async () => {
    const before = await migrated(ALL_MIGRATIONS.slice(0, BEFORE));
    await before.query(`
      INSERT INTO accounts (id, name, email) VALUES
        ('111111111111', 'all', 'all@example.com'), ('222222222222', 'disabled', 'disabled@example.com'),
        ('333333333333', 'billing', 'billing@example.com')`);
    await before.query(`
      INSERT INTO organizations (id, management_account_id, feature_set, root_id) VALUES
        ('o-allfeature', '111111111111', 'ALL', 'r-aaaa'), ('o-scpsdisabl', '222222222222', 'ALL', 'r-bbbb'),
        ('o-billingonl', '333333333333', 'CONSOLIDATED_BILLING', 'r-cccc')`);
    await before.query(
      `INSERT INTO organization_disabled_policy_types (organization_id, policy_type) VALUES ('o-scpsdisabl', 'SERVICE_CONTROL_POLICY')`,
    );
    await before.query(`
      INSERT INTO organization_policies (id, organization_id, type, name, content)
      VALUES ('p-deny0001', 'o-allfeature', 'SERVICE_CONTROL_POLICY', 'Deny', '{}')`);
    await before.query(`
      INSERT INTO organization_policy_attachments (organization_id, policy_id, target_id)
      VALUES ('o-allfeature', 'p-deny0001', 'r-aaaa')`);
    await before.destroy();

    const after = await migrated(ALL_MIGRATIONS);
    try {
      expect(await after.query(`SELECT organization_id, policy_type FROM organization_policy_types`)).toEqual(
        [{ organization_id: 'o-allfeature', policy_type: 'SERVICE_CONTROL_POLICY' }],
      );
      expect(await after.query(`SELECT count(*)::int AS n FROM organization_policy_attachments`)).toEqual([
        { n: 1 },
      ]);
      expect(
        await after.query(
          `SELECT type, name FROM organization_policies WHERE organization_id IS NULL ORDER BY name COLLATE "C"`,
        ),
      ).toEqual([
        { type: 'SERVICE_CONTROL_POLICY', name: 'FullAWSAccess' },
        { type: 'RESOURCE_CONTROL_POLICY', name: 'RCPFullAWSAccess' },
      ]);
      for (let step = BEFORE; step < ALL_MIGRATIONS.length; step++) await revertLastMigration(after);
      expect(
        await after.query(`SELECT organization_id, policy_type FROM organization_disabled_policy_types`),
      ).toEqual([{ organization_id: 'o-scpsdisabl', policy_type: 'SERVICE_CONTROL_POLICY' }]);
      expect(await after.query(`SELECT id FROM organization_policies ORDER BY id COLLATE "C"`)).toEqual([
        { id: 'p-FullAWSAccess' },
        { id: 'p-deny0001' },
      ]);
      await runPendingMigrations(after);
      expect(await after.query(`SELECT organization_id FROM organization_policy_types`)).toEqual([
        { organization_id: 'o-allfeature' },
      ]);
    } finally {
      await after.destroy();
    }
  });
});
