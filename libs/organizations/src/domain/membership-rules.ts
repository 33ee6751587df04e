import {
  ConstraintViolationError,
  DestinationParentNotFoundError,
  DuplicateAccountError,
  MasterCannotLeaveOrganizationError,
  SourceParentNotFoundError,
} from './organization.errors';

/** The organization has room for one more account under `limit` (the management account counts). */
export function hasRoomForAccount(memberCount: number, limit: number): boolean {
  return memberCount < limit;
}

export interface DepartureFacts {
  readonly isManagementAccount: boolean;
  readonly isDelegatedAdministrator: boolean;
}

/**
 * RemoveAccountFromOrganization and LeaveOrganization: the management account never leaves (the
 * organization is deleted instead), and a delegated administrator must be deregistered first.
 */
export function assertCanDepart(facts: DepartureFacts): void {
  if (facts.isManagementAccount) throw new MasterCannotLeaveOrganizationError();
  if (facts.isDelegatedAdministrator) {
    throw new ConstraintViolationError(
      'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG',
      'The account is a delegated administrator; deregister it before it leaves the organization.',
    );
  }
}

export interface MoveFacts {
  readonly accountId: string;
  readonly currentParentId: string;
  readonly sourceParentId: string;
  readonly destinationParentId: string;
  /** Whether each id names the root or an OU of the organization. */
  readonly sourceExists: boolean;
  readonly destinationExists: boolean;
}

/**
 * MoveAccount: the source must be the account's current parent (any other id is "not found" as a
 * source), the destination must exist, and moving to where the account already is is a duplicate.
 */
export function assertCanMove(facts: MoveFacts): void {
  if (!facts.sourceExists || facts.currentParentId !== facts.sourceParentId) {
    throw new SourceParentNotFoundError(facts.sourceParentId);
  }
  if (!facts.destinationExists) throw new DestinationParentNotFoundError(facts.destinationParentId);
  if (facts.destinationParentId === facts.currentParentId) throw new DuplicateAccountError(facts.accountId);
}
