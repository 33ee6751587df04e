import { type EntityManager } from 'typeorm';

/**
 * Takes transaction-scoped advisory locks on `keys` in sorted order, so two transactions that need
 * overlapping sets can never deadlock. Keys are hashed to 64 bits by PostgreSQL.
 */
export async function advisoryLockKeys(em: EntityManager, keys: readonly string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  await em.query(
    'SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n',
    [sorted],
  );
}
