import { Injectable } from '@nestjs/common';
import { advisoryLockKeys } from '@app/platform';
import { type EntityManager } from 'typeorm';

export interface LockScope {
  /** Serialises changes to one organization: membership, limits, OUs, service access, admins. */
  readonly organizationId?: string;
  /** Serialises an account's joining or leaving any organization. */
  readonly accountIds?: readonly string[];
}

/**
 * Transaction-scoped advisory locks for organization changes. Everything a change needs is taken
 * in one call, in sorted order, so two changes can never deadlock on each other.
 */
@Injectable()
export class OrganizationLocks {
  async lock(em: EntityManager, scope: LockScope): Promise<void> {
    await advisoryLockKeys(em, [
      ...(scope.organizationId === undefined ? [] : [`organizations/${scope.organizationId}`]),
      ...(scope.accountIds ?? []).map((id) => `organization-membership/${id}`),
    ]);
  }
}
