/*
 * Organization membership as SQL, for features that join it into their own set-based statements
 * (trail propagation, trail visibility and quotas) instead of spelling this lib's tables. An
 * account is a member from the moment it joins (invitation accepted, or created in the
 * organization) until it leaves or is removed; the management account is a member too.
 * Arguments are SQL expressions of the caller's statement (a column or a parameter).
 */

/** A subquery selecting `account_id` of every member of the organization `organizationId`. */
export function organizationMembersSql(organizationId: string): string {
  return `SELECT membership.account_id FROM organization_accounts membership
           WHERE membership.organization_id = ${organizationId}`;
}

/** A scalar expression: the organization `accountId` is a member of, NULL outside any. */
export function organizationOfAccountSql(accountId: string): string {
  return `(SELECT membership.organization_id FROM organization_accounts membership
            WHERE membership.account_id = ${accountId})`;
}
