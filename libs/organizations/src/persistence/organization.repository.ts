import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type FeatureSet, type OrganizationRecord } from '../domain/organization';

/**
 * Columns of an organization and its management account, for queries that join `organizations o`
 * with `accounts ma` (ORGANIZATION_JOIN); `toOrganizationRecord` maps them.
 */
export const ORGANIZATION_COLUMNS = `o.id AS o_id, o.management_account_id AS o_management_account_id,
  o.feature_set AS o_feature_set, o.root_id AS o_root_id, o.created_at AS o_created_at,
  ma.email AS o_management_account_email, ma.name AS o_management_account_name`;
export const ORGANIZATION_JOIN = 'JOIN accounts ma ON ma.id = o.management_account_id';

export interface OrganizationColumns {
  o_id: string;
  o_management_account_id: string;
  o_feature_set: FeatureSet;
  o_root_id: string;
  o_created_at: Date;
  o_management_account_email: string;
  o_management_account_name: string;
}

export function toOrganizationRecord(row: OrganizationColumns): OrganizationRecord {
  return {
    id: row.o_id,
    managementAccountId: row.o_management_account_id,
    managementAccountEmail: row.o_management_account_email,
    managementAccountName: row.o_management_account_name,
    featureSet: row.o_feature_set,
    rootId: row.o_root_id,
    createdAt: row.o_created_at,
  };
}

export interface NewOrganization {
  readonly id: string;
  readonly managementAccountId: string;
  readonly featureSet: FeatureSet;
  readonly rootId: string;
  readonly createdAt: Date;
}

@Injectable()
export class OrganizationRepository {
  async find(em: EntityManager, id: string): Promise<OrganizationRecord | undefined> {
    const { rows } = await sql<OrganizationColumns>(
      em,
      `SELECT ${ORGANIZATION_COLUMNS} FROM organizations o ${ORGANIZATION_JOIN} WHERE o.id = $1`,
      [id],
    );
    return rows[0] ? toOrganizationRecord(rows[0]) : undefined;
  }

  /** The organization `accountId` belongs to (as management account or member). */
  async findByMember(em: EntityManager, accountId: string): Promise<OrganizationRecord | undefined> {
    const { rows } = await sql<OrganizationColumns>(
      em,
      `SELECT ${ORGANIZATION_COLUMNS}
         FROM organization_accounts m
         JOIN organizations o ON o.id = m.organization_id ${ORGANIZATION_JOIN}
        WHERE m.account_id = $1`,
      [accountId],
    );
    return rows[0] ? toOrganizationRecord(rows[0]) : undefined;
  }

  /**
   * Inserts the organization; false when a unique key is taken: the management account already
   * has one (uq_organizations_management) or, rarely, the random id or root id collided.
   */
  async insert(em: EntityManager, org: NewOrganization): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `INSERT INTO organizations (id, management_account_id, feature_set, root_id, created_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [org.id, org.managementAccountId, org.featureSet, org.rootId, org.createdAt],
    );
    return rowCount === 1;
  }

  /** Changes the feature set; false when it already was `featureSet`. */
  async setFeatureSet(em: EntityManager, id: string, featureSet: FeatureSet): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `UPDATE organizations SET feature_set = $2 WHERE id = $1 AND feature_set <> $2`,
      [id, featureSet],
    );
    return rowCount === 1;
  }

  /**
   * Deletes the organization and, by cascade, its OUs, memberships, requests and handshakes. Its
   * trails (whose `organization_id` the foreign key clears) are locked first, in id order, as every
   * writer of trails takes them: the cascade alone locks them in storage order, which deadlocked
   * with a propagation pass locking the same trails.
   */
  async delete(em: EntityManager, id: string): Promise<void> {
    await sql(
      em,
      `SELECT 1 FROM trails WHERE organization_id = $1 AND is_organization_trail ORDER BY id FOR NO KEY UPDATE`,
      [id],
    );
    await sql(em, `DELETE FROM organizations WHERE id = $1`, [id]);
  }
}
