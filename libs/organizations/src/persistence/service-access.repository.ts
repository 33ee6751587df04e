import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type EnabledServicePrincipal } from '../domain/organization';

/** Trusted access: which service principals an organization has enabled. */
@Injectable()
export class ServiceAccessRepository {
  /** Enables access (idempotent: enabling twice keeps the first date). */
  async enable(em: EntityManager, organizationId: string, servicePrincipal: string, at: Date): Promise<void> {
    await sql(
      em,
      `INSERT INTO organization_service_access (organization_id, service_principal, enabled_at)
       VALUES ($1, $2, $3) ON CONFLICT (organization_id, service_principal) DO NOTHING`,
      [organizationId, servicePrincipal, at],
    );
  }

  async disable(em: EntityManager, organizationId: string, servicePrincipal: string): Promise<void> {
    await sql(
      em,
      `DELETE FROM organization_service_access WHERE organization_id = $1 AND service_principal = $2`,
      [organizationId, servicePrincipal],
    );
  }

  async isEnabled(em: EntityManager, organizationId: string, servicePrincipal: string): Promise<boolean> {
    const { rows } = await sql(
      em,
      `SELECT 1 FROM organization_service_access WHERE organization_id = $1 AND service_principal = $2`,
      [organizationId, servicePrincipal],
    );
    return rows.length > 0;
  }

  async list(
    em: EntityManager,
    organizationId: string,
    page: { afterServicePrincipal?: string; limit: number },
  ): Promise<EnabledServicePrincipal[]> {
    const { rows } = await sql<{ service_principal: string; enabled_at: Date }>(
      em,
      `SELECT service_principal, enabled_at FROM organization_service_access
        WHERE organization_id = $1 AND ($2::text IS NULL OR service_principal > $2::text)
        ORDER BY service_principal
        LIMIT $3`,
      [organizationId, page.afterServicePrincipal ?? null, page.limit],
    );
    return rows.map((row) => ({ servicePrincipal: row.service_principal, dateEnabled: row.enabled_at }));
  }
}
