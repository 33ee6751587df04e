import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type FeatureSet } from '../domain/organization';
import { type PolicyType } from '../domain/policy-types';
import { DelegatedAdministratorRepository } from './delegated-administrator.repository';
import { OrganizationAccountRepository } from './organization-account.repository';
import { OrganizationPolicyRepository } from './organization-policy.repository';
import { OrganizationRepository } from './organization.repository';
import { OrganizationalUnitRepository } from './organizational-unit.repository';
import { ServiceAccessRepository } from './service-access.repository';

export interface OrganizationMembership {
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly featureSet: FeatureSet;
  readonly rootId: string;
}

/**
 * Read-only questions other features ask about organizations (trails, authorization), answered
 * with the caller's transaction so they see what it sees.
 */
@Injectable()
export class OrganizationDirectory {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly members: OrganizationAccountRepository,
    private readonly units: OrganizationalUnitRepository,
    private readonly serviceAccess: ServiceAccessRepository,
    private readonly delegated: DelegatedAdministratorRepository,
    private readonly policies: OrganizationPolicyRepository,
  ) {}

  /** The organization the account belongs to, as management account or member. */
  async organizationOf(em: EntityManager, accountId: string): Promise<OrganizationMembership | undefined> {
    const org = await this.organizations.findByMember(em, accountId);
    if (!org) return undefined;
    return {
      organizationId: org.id,
      managementAccountId: org.managementAccountId,
      featureSet: org.featureSet,
      rootId: org.rootId,
    };
  }

  async isMember(em: EntityManager, organizationId: string, accountId: string): Promise<boolean> {
    return (await this.members.findMember(em, organizationId, accountId)) !== undefined;
  }

  /**
   * Member account ids (the management account included) in id order; `batch` reads them a slice
   * at a time for work split across jobs.
   */
  membersOf(
    em: EntityManager,
    organizationId: string,
    batch?: { afterAccountId?: string; limit?: number },
  ): Promise<string[]> {
    return this.members.accountIds(em, organizationId, batch);
  }

  delegatedAdministrators(
    em: EntityManager,
    organizationId: string,
    servicePrincipal: string,
  ): Promise<string[]> {
    return this.delegated.accountIds(em, organizationId, servicePrincipal);
  }

  isServiceAccessEnabled(
    em: EntityManager,
    organizationId: string,
    servicePrincipal: string,
  ): Promise<boolean> {
    return this.serviceAccess.isEnabled(em, organizationId, servicePrincipal);
  }

  /** The containers above the account, root first (`[r-…, ou-…, …]`); empty outside any organization. */
  async parentPath(em: EntityManager, accountId: string): Promise<string[]> {
    const org = await this.organizations.findByMember(em, accountId);
    if (!org) return [];
    const member = await this.members.findMember(em, org.id, accountId);
    if (!member) return [];
    if (member.parentId === org.rootId) return [org.rootId];
    return [org.rootId, ...(await this.units.lineage(em, org.id, member.parentId))];
  }

  /**
   * The type of one of the organization's policies (or an AWS managed one), which its ARN carries
   * (`…:policy/o-…/<type>/p-…`); undefined when there is no such policy.
   */
  async policyType(
    em: EntityManager,
    organizationId: string,
    policyId: string,
  ): Promise<PolicyType | undefined> {
    return (await this.policies.find(em, organizationId, policyId))?.type;
  }
}
