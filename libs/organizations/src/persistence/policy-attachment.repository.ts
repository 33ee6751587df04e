import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type TargetType } from '../domain/organization-policy';
import { type PolicyType } from '../domain/policy-types';

/** Explicit attachments of each type, by target: `byType.get(type)?.get(targetId)` in attachment order. */
export type AttachmentsByType = ReadonlyMap<PolicyType, ReadonlyMap<string, readonly string[]>>;

/**
 * Which policies are attached to which root, OU and account of an organization. Only explicit
 * attachments are stored: a target without rows of a type holds the type's default (see
 * `effectivePolicyIds`). Rows of an account or OU go with its membership or the OU (foreign keys
 * cascade).
 */
@Injectable()
export class PolicyAttachmentRepository {
  /** Explicit attachments of `types` to `targetIds` (targets without rows absent). */
  async forTargets(
    em: EntityManager,
    organizationId: string,
    types: readonly PolicyType[],
    targetIds: readonly string[],
  ): Promise<AttachmentsByType> {
    const { rows } = await sql<{ type: PolicyType; target_id: string; policy_id: string }>(
      em,
      `SELECT p.type, a.target_id, a.policy_id
         FROM organization_policy_attachments a JOIN organization_policies p ON p.id = a.policy_id
        WHERE a.organization_id = $1 AND a.target_id = ANY($2::text[]) AND p.type = ANY($3::text[])
        ORDER BY a.attached_at, a.policy_id`,
      [organizationId, [...targetIds], [...types]],
    );
    const byType = new Map<PolicyType, Map<string, string[]>>();
    for (const row of rows) {
      const byTarget = byType.get(row.type) ?? new Map<string, string[]>();
      byType.set(row.type, byTarget);
      byTarget.set(row.target_id, [...(byTarget.get(row.target_id) ?? []), row.policy_id]);
    }
    return byType;
  }

  /** The explicit attachments of one type to one target, in attachment order. */
  async of(
    em: EntityManager,
    organizationId: string,
    type: PolicyType,
    targetId: string,
  ): Promise<readonly string[]> {
    return (await this.forTargets(em, organizationId, [type], [targetId])).get(type)?.get(targetId) ?? [];
  }

  /** Replaces a target's explicit attachments of `type` with `policyIds` (in that order). */
  async replace(
    em: EntityManager,
    organizationId: string,
    type: PolicyType,
    target: { readonly id: string; readonly type: TargetType },
    policyIds: readonly string[],
    at: Date,
  ): Promise<void> {
    await sql(
      em,
      `DELETE FROM organization_policy_attachments a USING organization_policies p
        WHERE p.id = a.policy_id AND p.type = $4
          AND a.organization_id = $1 AND a.target_id = $2 AND NOT (a.policy_id = ANY($3::text[]))`,
      [organizationId, target.id, [...policyIds], type],
    );
    await sql(
      em,
      `INSERT INTO organization_policy_attachments (organization_id, policy_id, target_id, target_account_id, target_ou_id, attached_at)
       SELECT $1, p.policy_id, $2, $3, $4, $5::timestamptz + p.n * interval '1 microsecond'
         FROM unnest($6::text[]) WITH ORDINALITY AS p(policy_id, n)
       ON CONFLICT (organization_id, target_id, policy_id) DO NOTHING`,
      [
        organizationId,
        target.id,
        target.type === 'ACCOUNT' ? target.id : null,
        target.type === 'ORGANIZATIONAL_UNIT' ? target.id : null,
        at,
        [...policyIds],
      ],
    );
  }

  async isAttached(em: EntityManager, policyId: string): Promise<boolean> {
    const { rows } = await sql(
      em,
      `SELECT 1 FROM organization_policy_attachments WHERE policy_id = $1 LIMIT 1`,
      [policyId],
    );
    return rows.length > 0;
  }

  /** Detaches every policy of `type` in the organization (DisablePolicyType). */
  async deleteAll(em: EntityManager, organizationId: string, type: PolicyType): Promise<void> {
    await sql(
      em,
      `DELETE FROM organization_policy_attachments a USING organization_policies p
        WHERE p.id = a.policy_id AND p.type = $2 AND a.organization_id = $1`,
      [organizationId, type],
    );
  }
}
