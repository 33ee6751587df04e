import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type DelegatedService, type MemberRecord } from '../domain/organization';
import { type MemberColumns, toMemberRecord } from './organization-account.repository';

/** A member registered for at least one service, with its earliest registration. */
export interface DelegatedMember {
  readonly member: MemberRecord;
  readonly delegationEnabledDate: Date;
}

@Injectable()
export class DelegatedAdministratorRepository {
  /** Registers the member; false when it already is one for the service. */
  async register(
    em: EntityManager,
    registration: { organizationId: string; accountId: string; servicePrincipal: string },
    at: Date,
  ): Promise<boolean> {
    const { rowCount } = await sql(
      em,
      `INSERT INTO delegated_administrators (organization_id, service_principal, account_id, delegated_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [registration.organizationId, registration.servicePrincipal, registration.accountId, at],
    );
    return rowCount === 1;
  }

  async deregister(
    em: EntityManager,
    organizationId: string,
    accountId: string,
    servicePrincipal: string,
  ): Promise<void> {
    await sql(
      em,
      `DELETE FROM delegated_administrators WHERE organization_id = $1 AND service_principal = $2 AND account_id = $3`,
      [organizationId, servicePrincipal, accountId],
    );
  }

  /** Ends every registration of the account (it is leaving the organization). */
  async deregisterAll(em: EntityManager, organizationId: string, accountId: string): Promise<void> {
    await sql(em, `DELETE FROM delegated_administrators WHERE organization_id = $1 AND account_id = $2`, [
      organizationId,
      accountId,
    ]);
  }

  /** The service's delegated administrators, in account id order. */
  async accountIds(em: EntityManager, organizationId: string, servicePrincipal: string): Promise<string[]> {
    const { rows } = await sql<{ account_id: string }>(
      em,
      `SELECT account_id FROM delegated_administrators
        WHERE organization_id = $1 AND service_principal = $2 ORDER BY account_id`,
      [organizationId, servicePrincipal],
    );
    return rows.map((row) => row.account_id);
  }

  /** Whether the account is a delegated administrator of any service in the organization. */
  async isDelegatedAdministrator(
    em: EntityManager,
    organizationId: string,
    accountId: string,
  ): Promise<boolean> {
    const { rows } = await sql(
      em,
      `SELECT 1 FROM delegated_administrators WHERE organization_id = $1 AND account_id = $2 LIMIT 1`,
      [organizationId, accountId],
    );
    return rows.length > 0;
  }

  async list(
    em: EntityManager,
    organizationId: string,
    page: { servicePrincipal?: string; afterAccountId?: string; limit: number },
  ): Promise<DelegatedMember[]> {
    const { rows } = await sql<MemberColumns & { delegation_enabled_date: Date }>(
      em,
      `SELECT m.account_id, m.organization_id, m.parent_id, m.joined_method, m.joined_at, a.name, a.email, a.status,
              min(d.delegated_at) AS delegation_enabled_date
         FROM delegated_administrators d
         JOIN organization_accounts m ON m.account_id = d.account_id
         JOIN accounts a ON a.id = d.account_id
        WHERE d.organization_id = $1
          AND ($2::text IS NULL OR d.service_principal = $2::text)
          AND ($3::text IS NULL OR d.account_id > $3::text)
        GROUP BY m.account_id, a.id
        ORDER BY m.account_id
        LIMIT $4`,
      [organizationId, page.servicePrincipal ?? null, page.afterAccountId ?? null, page.limit],
    );
    return rows.map((row) => ({
      member: toMemberRecord(row),
      delegationEnabledDate: row.delegation_enabled_date,
    }));
  }

  async servicesFor(
    em: EntityManager,
    organizationId: string,
    accountId: string,
    page: { afterServicePrincipal?: string; limit?: number } = {},
  ): Promise<DelegatedService[]> {
    const { rows } = await sql<{ service_principal: string; delegated_at: Date }>(
      em,
      `SELECT service_principal, delegated_at FROM delegated_administrators
        WHERE organization_id = $1 AND account_id = $2 AND ($3::text IS NULL OR service_principal > $3::text)
        ORDER BY service_principal
        LIMIT $4`,
      [organizationId, accountId, page.afterServicePrincipal ?? null, page.limit ?? null],
    );
    return rows.map((row) => ({
      servicePrincipal: row.service_principal,
      delegationEnabledDate: row.delegated_at,
    }));
  }
}
