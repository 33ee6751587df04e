import 'reflect-metadata';
import { DataSource } from 'typeorm';
// Relative imports: Jest's module mapper (for @app/*) does not apply to global setup.
import { dataSourceOptions } from '../../libs/platform/src/database/data-source.options';
import { runPendingMigrations } from '../../libs/platform/src/database/migrate';
import { ALL_MIGRATIONS } from '../../migrations';
import { databaseUrl, dropLeftoverTestDatabases, TEMPLATE_DATABASE, withAdminClient } from './test-database';

/** Once per run: clear old test databases and migrate the template every suite clones. */
export default async function globalSetup(): Promise<void> {
  await dropLeftoverTestDatabases();
  await withAdminClient((client) => client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`));
  const dataSource = new DataSource(
    dataSourceOptions({
      url: databaseUrl(TEMPLATE_DATABASE),
      poolSize: 1,
      migrations: ALL_MIGRATIONS,
      onPoolError: () => undefined,
    }),
  );
  await dataSource.initialize();
  try {
    await runPendingMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
