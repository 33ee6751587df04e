import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type PolicyType } from '../domain/policy-types';

/** The policy types an organization's root has enabled (none until EnablePolicyType, as in AWS). */
@Injectable()
export class PolicyTypeRepository {
  /** Enabled types, in the order they were enabled. */
  async enabled(em: EntityManager, organizationId: string): Promise<PolicyType[]> {
    const { rows } = await sql<{ policy_type: PolicyType }>(
      em,
      `SELECT policy_type FROM organization_policy_types WHERE organization_id = $1 ORDER BY enabled_at, policy_type`,
      [organizationId],
    );
    return rows.map((row) => row.policy_type);
  }

  async isEnabled(em: EntityManager, organizationId: string, type: PolicyType): Promise<boolean> {
    const { rows } = await sql(
      em,
      `SELECT 1 FROM organization_policy_types WHERE organization_id = $1 AND policy_type = $2`,
      [organizationId, type],
    );
    return rows.length > 0;
  }

  /** Enables the type; false when it already was. */
  async enable(em: EntityManager, organizationId: string, type: PolicyType, at: Date): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `INSERT INTO organization_policy_types (organization_id, policy_type, enabled_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [organizationId, type, at],
    );
    return rowCount === 1;
  }

  /** Disables the type; false when it was not enabled. */
  async disable(em: EntityManager, organizationId: string, type: PolicyType): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `DELETE FROM organization_policy_types WHERE organization_id = $1 AND policy_type = $2`,
      [organizationId, type],
    );
    return rowCount === 1;
  }
}
