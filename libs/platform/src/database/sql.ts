import { type ClientBase, type Pool } from 'pg';
import { type EntityManager } from 'typeorm';
import { type PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export interface SqlResult<T> {
  rows: T[];
  rowCount: number;
}

export interface SqlOptions {
  /**
   * Runs the statement as a named prepared statement, parsed and planned once per connection
   * instead of on every call: for statements on the request hot path. One name per text.
   */
  readonly prepareAs?: string;
}

/**
 * Runs one SQL statement and returns its rows and affected-row count in one shape, whatever the
 * command (TypeORM's plain `query` returns `[rows, count]` for UPDATE/DELETE on PostgreSQL).
 */
export async function sql<T = Record<string, unknown>>(
  em: EntityManager,
  text: string,
  params: unknown[] = [],
  options: SqlOptions = {},
): Promise<SqlResult<T>> {
  if (options.prepareAs !== undefined) return prepared<T>(em, options.prepareAs, text, params);
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const result = await runner.query(text, params, true);
    const rows = (result.records ?? []) as T[];
    return { rows, rowCount: result.affected ?? rows.length };
  } finally {
    if (!em.queryRunner) await runner.release();
  }
}

/**
 * TypeORM's runner cannot name a statement, so this asks pg itself: the transaction's client, or
 * outside one the pool (which also spares a runner per statement).
 */
async function prepared<T>(
  em: EntityManager,
  name: string,
  text: string,
  params: unknown[],
): Promise<SqlResult<T>> {
  const client: ClientBase | Pool = em.queryRunner
    ? ((await em.queryRunner.connect()) as ClientBase)
    : ((em.connection.driver as PostgresDriver).master as Pool);
  const result = await client.query<T & object>({ name, text, values: params });
  return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
}
