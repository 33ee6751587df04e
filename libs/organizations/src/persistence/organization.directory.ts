import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type FeatureSet } from '../domain/organization';
import { type PolicyType } from '../domain/policy-types';
import { DelegatedAdministratorRepository } from './delegated-administrator.repository';
import { OrganizationPolicyRepository } from './organization-policy.repository';
import { OrganizationRepository } from './organization.repository';
import { ServiceAccessRepository } from './service-access.repository';

export interface OrganizationMembership {
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly featureSet: FeatureSet;
  readonly rootId: string;
}

/**
 * Read-only questions other features ask about organizations (trails, authorization), answered
 * with the caller's transaction so they see what it sees. Features that need membership inside
 * their own set-based SQL join `organizationMembersSql` / `organizationOfAccountSql` instead.
 */
@Injectable()
export class OrganizationDirectory {
  constructor(
    private readonly organizations: OrganizationRepository,
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
