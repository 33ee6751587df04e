import { type DataSource, MigrationExecutor } from 'typeorm';
import { UNBOUNDED, withStatementTimeout } from './statement-timeout';

const MIGRATION_LOCK = 'trailplane/migrations';

/**
 * Applies pending migrations on one connection under a session advisory lock, so several API
 * replicas starting together migrate once, and embedded mode (a single connection) needs no second one.
 * Migrations (an index over a large table) run without a statement bound.
 */
export function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  return withStatementTimeout(UNBOUNDED, () => applyPending(dataSource));
}

async function applyPending(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [MIGRATION_LOCK]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

export function revertLastMigration(dataSource: DataSource): Promise<void> {
  return withStatementTimeout(UNBOUNDED, () => revertLast(dataSource));
}

async function revertLast(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    await executor.undoLastMigration();
  } finally {
    await runner.release();
  }
}
