import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type TargetType } from '../domain/organization-policy';
import { type PolicyType } from '../domain/policy-types';

export interface TargetRow {
  readonly id: string;
  readonly type: TargetType;
  readonly name: string;
}

/** The roots, OUs and accounts of an organization as policy targets. */
@Injectable()
export class PolicyTargetRepository {
  /**
   * Targets holding `policy`, by id, after `afterId`: those with it attached, and for its type's
   * default (`isDefault`) also every target without attachments of that type.
   */
  async holding(
    em: EntityManager,
    organizationId: string,
    policy: { readonly id: string; readonly type: PolicyType; readonly isDefault: boolean },
    page: { afterId?: string; limit: number },
  ): Promise<TargetRow[]> {
    const { rows } = await sql<TargetRow>(
      em,
      `WITH targets AS (
         SELECT root_id AS id, 'ROOT' AS type, 'Root' AS name FROM organizations WHERE id = $1
         UNION ALL
         SELECT id, 'ORGANIZATIONAL_UNIT', name FROM organizational_units WHERE organization_id = $1
         UNION ALL
         SELECT m.account_id::text, 'ACCOUNT', a.name
           FROM organization_accounts m JOIN accounts a ON a.id = m.account_id
          WHERE m.organization_id = $1
       )
       SELECT t.id, t.type, t.name FROM targets t
        WHERE ($3::text IS NULL OR t.id > $3)
          AND (EXISTS (SELECT 1 FROM organization_policy_attachments x
                        WHERE x.organization_id = $1 AND x.target_id = t.id AND x.policy_id = $2)
               OR ($5 AND NOT EXISTS (SELECT 1 FROM organization_policy_attachments x
                                        JOIN organization_policies p ON p.id = x.policy_id
                                       WHERE x.organization_id = $1 AND x.target_id = t.id AND p.type = $6)))
        ORDER BY t.id LIMIT $4`,
      [organizationId, policy.id, page.afterId ?? null, page.limit, policy.isDefault, policy.type],
    );
    return rows;
  }

  /** The target with this id in the organization, if it is one. */
  async find(
    em: EntityManager,
    organizationId: string,
    id: string,
    type: TargetType,
  ): Promise<TargetRow | undefined> {
    const query =
      type === 'ROOT'
        ? `SELECT root_id AS id, 'ROOT' AS type, 'Root' AS name FROM organizations WHERE id = $1 AND root_id = $2`
        : type === 'ORGANIZATIONAL_UNIT'
          ? `SELECT id, 'ORGANIZATIONAL_UNIT' AS type, name FROM organizational_units WHERE organization_id = $1 AND id = $2`
          : `SELECT m.account_id::text AS id, 'ACCOUNT' AS type, a.name
               FROM organization_accounts m JOIN accounts a ON a.id = m.account_id
              WHERE m.organization_id = $1 AND m.account_id = $2`;
    const { rows } = await sql<TargetRow>(em, query, [organizationId, id]);
    return rows[0];
  }
}
