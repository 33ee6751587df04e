import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import {
  assertCanReadOrganization,
  assertManagementAccount,
  isManagementAccount,
  requireOrganization,
} from '../domain/organization-access';
import { type OrganizationRecord } from '../domain/organization';
import { DelegatedAdministratorRepository } from '../persistence/delegated-administrator.repository';
import { OrganizationLocks } from '../persistence/organization.locks';
import { OrganizationRepository } from '../persistence/organization.repository';

/**
 * Resolves the caller's organization and checks its standing there: AWSOrganizationsNotInUse
 * outside any organization, AccessDenied for members where the management account is required.
 */
@Injectable()
export class OrganizationAccessService {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly delegated: DelegatedAdministratorRepository,
    private readonly locks: OrganizationLocks,
  ) {}

  async member(em: EntityManager, accountId: string): Promise<OrganizationRecord> {
    return requireOrganization(await this.organizations.findByMember(em, accountId));
  }

  /** The management account or a delegated administrator (of any service): they may read the structure. */
  async reader(em: EntityManager, accountId: string): Promise<OrganizationRecord> {
    const org = await this.member(em, accountId);
    const delegated =
      !isManagementAccount(org, accountId) &&
      (await this.delegated.isDelegatedAdministrator(em, org.id, accountId));
    assertCanReadOrganization(org, accountId, delegated);
    return org;
  }

  /**
   * The caller's organization, which it must manage, locked for a change (with `accountIds`'
   * memberships) and read again under the lock so the change sees the latest committed state.
   */
  async lockedForChange(
    em: EntityManager,
    accountId: string,
    accountIds: readonly string[] = [],
  ): Promise<OrganizationRecord> {
    const org = await this.member(em, accountId);
    assertManagementAccount(org, accountId);
    await this.locks.lock(em, { organizationId: org.id, accountIds });
    const current = await this.member(em, accountId);
    assertManagementAccount(current, accountId);
    return current;
  }

  /** Management-only reads that change nothing. */
  async management(em: EntityManager, accountId: string): Promise<OrganizationRecord> {
    const org = await this.member(em, accountId);
    assertManagementAccount(org, accountId);
    return org;
  }
}
