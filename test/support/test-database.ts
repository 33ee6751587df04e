import { Client } from 'pg';

/** The PostgreSQL server the suites use; its database name must mark it as a test database. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = 'test_trailplane_';
/**
 * One template per Jest run (named after the run's main process, which Jest workers learn from
 * the environment), so concurrent runs on one server never touch each other's databases.
 */
const RUN_ID = (process.env.TRAILPLANE_TEST_RUN ??= String(process.pid));
export const TEMPLATE_DATABASE = `${PREFIX}${RUN_ID}_template`;

export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!/^test/.test(name))
    throw new Error(`Refusing to run tests against database "${name}": its name must start with "test".`);
}

export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  assertTestDatabase(TEST_DATABASE_URL);
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let counter = 0;

/** A fresh database cloned from the migrated template (fast: no migrations per test file). */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${PREFIX}${RUN_ID}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withAdminClient(async (client) => {
        await client.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [name],
        );
        await client.query(`DROP DATABASE IF EXISTS ${name}`);
      }),
  };
}

/** Drops the databases of earlier runs whose process is gone (crashed or killed runs leave them). */
export async function dropLeftoverTestDatabases(): Promise<void> {
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`,
    );
    for (const { datname } of rows) {
      const runPid = Number(/^test_trailplane_(\d+)_/.exec(datname)?.[1]);
      if (runPid && runPid !== Number(RUN_ID) && isAlive(runPid)) continue;
      await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [
        datname,
      ]);
      await client.query(`DROP DATABASE IF EXISTS ${datname}`);
    }
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
