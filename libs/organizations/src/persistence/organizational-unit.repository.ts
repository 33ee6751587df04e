import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type OrganizationalUnitRecord } from '../domain/organization';

interface OrganizationalUnitColumns {
  id: string;
  organization_id: string;
  parent_id: string;
  name: string;
  depth: number;
  created_at: Date;
}

function toOrganizationalUnitRecord(row: OrganizationalUnitColumns): OrganizationalUnitRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    parentId: row.parent_id,
    name: row.name,
    depth: row.depth,
    createdAt: row.created_at,
  };
}

const COLUMNS = 'id, organization_id, parent_id, name, depth, created_at';

@Injectable()
export class OrganizationalUnitRepository {
  /** Inserts the OU; false when its parent already has an OU of that name (uq_organizational_units_parent_name). */
  async insert(em: EntityManager, ou: OrganizationalUnitRecord): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `INSERT INTO organizational_units (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organization_id, parent_id, name) DO NOTHING`,
      [ou.id, ou.organizationId, ou.parentId, ou.name, ou.depth, ou.createdAt],
    );
    return rowCount === 1;
  }

  /** Renames the OU; false when its parent already has another OU of that name. */
  async rename(em: EntityManager, organizationId: string, id: string, name: string): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `UPDATE organizational_units u SET name = $3
        WHERE u.organization_id = $1 AND u.id = $2
          AND NOT EXISTS (SELECT 1 FROM organizational_units o
                           WHERE o.organization_id = u.organization_id AND o.parent_id = u.parent_id
                             AND o.name = $3 AND o.id <> u.id)`,
      [organizationId, id, name],
    );
    return rowCount === 1;
  }

  /** Whether the OU holds accounts or other OUs. */
  async hasChildren(em: EntityManager, organizationId: string, id: string): Promise<boolean> {
    const { rows } = await sql(
      em,
      `SELECT 1 WHERE EXISTS (SELECT 1 FROM organizational_units WHERE organization_id = $1 AND parent_id = $2)
                  OR EXISTS (SELECT 1 FROM organization_accounts WHERE organization_id = $1 AND parent_id = $2)`,
      [organizationId, id],
    );
    return rows.length > 0;
  }

  /** Deletes the OU (its attachments and tags go with it). */
  async delete(em: EntityManager, organizationId: string, id: string): Promise<void> {
    await sql(em, `DELETE FROM organizational_units WHERE organization_id = $1 AND id = $2`, [
      organizationId,
      id,
    ]);
  }

  async find(
    em: EntityManager,
    organizationId: string,
    id: string,
  ): Promise<OrganizationalUnitRecord | undefined> {
    const { rows } = await sql<OrganizationalUnitColumns>(
      em,
      `SELECT ${COLUMNS} FROM organizational_units WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    );
    return rows[0] ? toOrganizationalUnitRecord(rows[0]) : undefined;
  }

  async listForParent(
    em: EntityManager,
    organizationId: string,
    parentId: string,
    page: { afterId?: string; limit: number },
  ): Promise<OrganizationalUnitRecord[]> {
    const { rows } = await sql<OrganizationalUnitColumns>(
      em,
      `SELECT ${COLUMNS} FROM organizational_units
        WHERE organization_id = $1 AND parent_id = $2 AND ($3::text IS NULL OR id > $3::text)
        ORDER BY id
        LIMIT $4`,
      [organizationId, parentId, page.afterId ?? null, page.limit],
    );
    return rows.map(toOrganizationalUnitRecord);
  }

  /** Whether `parentId` is the organization's root or one of its OUs. */
  async parentExists(
    em: EntityManager,
    org: { id: string; rootId: string },
    parentId: string,
  ): Promise<boolean> {
    return parentId === org.rootId || (await this.find(em, org.id, parentId)) !== undefined;
  }

  async count(em: EntityManager, organizationId: string): Promise<number> {
    const { rows } = await sql<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM organizational_units WHERE organization_id = $1`,
      [organizationId],
    );
    return rows[0]?.n ?? 0;
  }

  /** The OU ids from the top-level OU down to `id` inclusive; empty when `id` is not an OU of the organization. */
  async lineage(em: EntityManager, organizationId: string, id: string): Promise<string[]> {
    const { rows } = await sql<{ id: string }>(
      em,
      `WITH RECURSIVE chain AS (
         SELECT id, parent_id, depth FROM organizational_units WHERE organization_id = $1 AND id = $2
         UNION ALL
         SELECT u.id, u.parent_id, u.depth FROM organizational_units u JOIN chain c ON u.id = c.parent_id
       )
       SELECT id FROM chain ORDER BY depth`,
      [organizationId, id],
    );
    return rows.map((row) => row.id);
  }
}
