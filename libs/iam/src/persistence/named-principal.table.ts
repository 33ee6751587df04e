import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';

/**
 * The reads and the delete IAM users and roles share: both live in a table of named principals
 * with an id, a case-insensitively unique name per account and a path.
 */
export abstract class NamedPrincipalTable<Row extends object, Principal> {
  protected constructor(
    private readonly table: string,
    private readonly columns: string,
    private readonly toPrincipal: (row: Row) => Principal,
  ) {}

  /** The principal, optionally locked for a change of its keys, attachments or inline policies. */
  async findByName(
    em: EntityManager,
    accountId: string,
    name: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<Principal | undefined> {
    const { rows } = await sql<Row>(
      em,
      `SELECT ${this.columns} FROM ${this.table} WHERE account_id = $1 AND lower(name) = lower($2)${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [accountId, name],
    );
    return rows[0] ? this.toPrincipal(rows[0]) : undefined;
  }

  async findById(em: EntityManager, id: string): Promise<Principal | undefined> {
    const { rows } = await sql<Row>(em, `SELECT ${this.columns} FROM ${this.table} WHERE id = $1`, [id]);
    return rows[0] ? this.toPrincipal(rows[0]) : undefined;
  }

  /** Principals whose path starts with `pathPrefix`, by name, after `afterName` (lower case). */
  async list(
    em: EntityManager,
    accountId: string,
    options: { pathPrefix: string; afterName?: string; limit: number },
  ): Promise<Principal[]> {
    const { rows } = await sql<Row>(
      em,
      `SELECT ${this.columns} FROM ${this.table}
        WHERE account_id = $1 AND starts_with(path, $2) AND ($3::text IS NULL OR lower(name) > $3)
        ORDER BY lower(name) LIMIT $4`,
      [accountId, options.pathPrefix, options.afterName ?? null, options.limit],
    );
    return rows.map(this.toPrincipal);
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await sql(em, `DELETE FROM ${this.table} WHERE id = $1`, [id]);
  }
}
