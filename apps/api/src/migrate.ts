import 'reflect-metadata';
import {
  dataSourceOptions,
  loadEnv,
  revertLastMigration,
  runPendingMigrations,
  startEmbeddedPostgres,
} from '@app/platform';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../../migrations';

/** Applies (or reverts the last of) the migrations on the database at `url`. */
export async function migrateDatabase(url: string, direction: 'run' | 'revert'): Promise<string[]> {
  const dataSource = new DataSource(
    dataSourceOptions({
      url,
      poolSize: 1,
      migrations: ALL_MIGRATIONS,
      onPoolError: () => undefined,
    }),
  );
  await dataSource.initialize();
  try {
    if (direction === 'run') return await runPendingMigrations(dataSource);
    await revertLastMigration(dataSource);
    return [];
  } finally {
    await dataSource.destroy();
  }
}

/** `npm run migration:run` / `migration:revert`: DATABASE_URL, or the embedded database. */
async function main(direction: string | undefined): Promise<void> {
  if (direction !== 'run' && direction !== 'revert') throw new Error('usage: migrate.js run|revert');
  const env = loadEnv();
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres(env.TRAILPLANE_DATA_DIR);
  try {
    const applied = await migrateDatabase(env.DATABASE_URL ?? (embedded as { url: string }).url, direction);
    process.stdout.write(
      direction === 'run'
        ? `applied: ${applied.join(', ') || 'nothing pending'}\n`
        : 'reverted the last migration\n',
    );
  } finally {
    await embedded?.stop();
  }
}

if (require.main === module) {
  main(process.argv[2]).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
