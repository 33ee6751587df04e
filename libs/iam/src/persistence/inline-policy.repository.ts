import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type PolicyHolder } from '../domain/managed-policy';
import { holderColumn } from './policy-attachment.repository';

/** Inline policies embedded in users and roles, by name (unique per holder). */
@Injectable()
export class InlinePolicyRepository {
  /** Creates or replaces the named policy (PutUserPolicy / PutRolePolicy). */
  async put(
    em: EntityManager,
    holder: PolicyHolder,
    name: string,
    document: string,
    at: Date,
  ): Promise<void> {
    const column = holderColumn(holder.kind);
    const { rowCount } = await sql(
      em,
      `UPDATE iam_inline_policies SET document = $3, updated_at = $4 WHERE ${column} = $1 AND name = $2`,
      [holder.id, name, document, at],
    );
    if (rowCount === 0) {
      await sql(
        em,
        `INSERT INTO iam_inline_policies (account_id, ${column}, name, document, updated_at) VALUES ($1, $2, $3, $4, $5)`,
        [holder.accountId, holder.id, name, document, at],
      );
    }
  }

  async find(em: EntityManager, holder: PolicyHolder, name: string): Promise<string | undefined> {
    const { rows } = await sql<{ document: string }>(
      em,
      `SELECT document FROM iam_inline_policies WHERE ${holderColumn(holder.kind)} = $1 AND name = $2`,
      [holder.id, name],
    );
    return rows[0]?.document;
  }

  /** Deletes the named policy; false when there is none. */
  async delete(em: EntityManager, holder: PolicyHolder, name: string): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `DELETE FROM iam_inline_policies WHERE ${holderColumn(holder.kind)} = $1 AND name = $2`,
      [holder.id, name],
    );
    return rowCount === 1;
  }

  async listNames(em: EntityManager, holder: PolicyHolder): Promise<string[]> {
    const { rows } = await sql<{ name: string }>(
      em,
      `SELECT name FROM iam_inline_policies WHERE ${holderColumn(holder.kind)} = $1 ORDER BY name`,
      [holder.id],
    );
    return rows.map((row) => row.name);
  }
}
