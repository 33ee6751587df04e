import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type TargetType } from '../domain/service-control-policy';

/**
 * Which SCPs are attached to which root, OU and account of an organization. Only explicit
 * attachments are stored: a target without rows holds FullAWSAccess (see `effectivePolicyIds`).
 * Rows of an account or OU go with its membership or the OU (foreign keys cascade).
 */
@Injectable()
export class ScpAttachmentRepository {
  /** Explicit attachments of each target, in attachment order (targets without rows absent). */
  async forTargets(
    em: EntityManager,
    organizationId: string,
    targetIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const { rows } = await sql<{ target_id: string; policy_id: string }>(
      em,
      `SELECT target_id, policy_id FROM organization_policy_attachments
        WHERE organization_id = $1 AND target_id = ANY($2::text[])
        ORDER BY attached_at, policy_id`,
      [organizationId, [...targetIds]],
    );
    const byTarget = new Map<string, string[]>();
    for (const row of rows)
      byTarget.set(row.target_id, [...(byTarget.get(row.target_id) ?? []), row.policy_id]);
    return byTarget;
  }

  /** Replaces a target's explicit attachments with `policyIds` (in that order). */
  async replace(
    em: EntityManager,
    organizationId: string,
    target: { readonly id: string; readonly type: TargetType },
    policyIds: readonly string[],
    at: Date,
  ): Promise<void> {
    await sql(
      em,
      `DELETE FROM organization_policy_attachments WHERE organization_id = $1 AND target_id = $2 AND NOT (policy_id = ANY($3::text[]))`,
      [organizationId, target.id, [...policyIds]],
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

  /** Targets with explicit attachments: all of them, or those holding `policyId`. */
  async targets(em: EntityManager, organizationId: string, policyId?: string): Promise<Set<string>> {
    const { rows } = await sql<{ target_id: string }>(
      em,
      `SELECT DISTINCT target_id FROM organization_policy_attachments
        WHERE organization_id = $1 AND ($2::text IS NULL OR policy_id = $2)`,
      [organizationId, policyId ?? null],
    );
    return new Set(rows.map((row) => row.target_id));
  }

  async isAttached(em: EntityManager, policyId: string): Promise<boolean> {
    const { rows } = await sql(
      em,
      `SELECT 1 FROM organization_policy_attachments WHERE policy_id = $1 LIMIT 1`,
      [policyId],
    );
    return rows.length > 0;
  }

  /** Detaches every SCP in the organization (DisablePolicyType). */
  async deleteAll(em: EntityManager, organizationId: string): Promise<void> {
    await sql(em, `DELETE FROM organization_policy_attachments WHERE organization_id = $1`, [organizationId]);
  }
}
