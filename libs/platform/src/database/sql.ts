import { type EntityManager } from 'typeorm';

export interface SqlResult<T> {
  rows: T[];
  rowCount: number;
}

/**
 * Runs one SQL statement and returns its rows and affected-row count in one shape, whatever the
 * command (TypeORM's plain `query` returns `[rows, count]` for UPDATE/DELETE on PostgreSQL).
 */
export async function sql<T = Record<string, unknown>>(
  em: EntityManager,
  text: string,
  params: unknown[] = [],
): Promise<SqlResult<T>> {
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const result = await runner.query(text, params, true);
    const rows = (result.records ?? []) as T[];
    return { rows, rowCount: result.affected ?? rows.length };
  } finally {
    if (!em.queryRunner) await runner.release();
  }
}
