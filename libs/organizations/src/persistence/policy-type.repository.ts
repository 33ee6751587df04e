import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type ServiceControlPolicyType } from '../domain/service-control-policy';

/**
 * Policy types a root has disabled. An all-features organization starts with SCPs enabled (so
 * only the exception is stored); a consolidated-billing one has no policy types at all.
 */
@Injectable()
export class PolicyTypeRepository {
  async isDisabled(
    em: EntityManager,
    organizationId: string,
    type: ServiceControlPolicyType,
  ): Promise<boolean> {
    const { rows } = await sql(
      em,
      `SELECT 1 FROM organization_disabled_policy_types WHERE organization_id = $1 AND policy_type = $2`,
      [organizationId, type],
    );
    return rows.length > 0;
  }

  async disable(
    em: EntityManager,
    organizationId: string,
    type: ServiceControlPolicyType,
    at: Date,
  ): Promise<void> {
    await sql(
      em,
      `INSERT INTO organization_disabled_policy_types (organization_id, policy_type, disabled_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [organizationId, type, at],
    );
  }

  async enable(em: EntityManager, organizationId: string, type: ServiceControlPolicyType): Promise<void> {
    await sql(
      em,
      `DELETE FROM organization_disabled_policy_types WHERE organization_id = $1 AND policy_type = $2`,
      [organizationId, type],
    );
  }
}
