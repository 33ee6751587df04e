import { type OrganizationRecord } from './organization';
import { OrganizationsAccessDeniedError, OrganizationsNotInUseError } from './organization.errors';

/*
 * Who may do what: only the management account changes the organization; the management account
 * and delegated administrators (of any service) read its structure; any member describes it.
 */

export function requireOrganization(org: OrganizationRecord | undefined): OrganizationRecord {
  if (!org) throw new OrganizationsNotInUseError();
  return org;
}

export function isManagementAccount(org: OrganizationRecord, accountId: string): boolean {
  return org.managementAccountId === accountId;
}

export function assertManagementAccount(org: OrganizationRecord, accountId: string): void {
  if (!isManagementAccount(org, accountId)) throw new OrganizationsAccessDeniedError();
}

export function assertCanReadOrganization(
  org: OrganizationRecord,
  accountId: string,
  isDelegatedAdministrator: boolean,
): void {
  if (!isManagementAccount(org, accountId) && !isDelegatedAdministrator)
    throw new OrganizationsAccessDeniedError();
}
