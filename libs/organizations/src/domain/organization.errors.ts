import { DomainError } from '@app/platform/errors';

/*
 * Organizations errors (cloudtrail.md §5). Codes and `Reason` values are the model's; messages
 * follow the live service's wording where it is known.
 */

export type ConstraintViolationReason =
  | 'ACCOUNT_NUMBER_LIMIT_EXCEEDED'
  | 'CANNOT_CLOSE_MANAGEMENT_ACCOUNT'
  | 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR'
  | 'CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR'
  | 'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG'
  | 'CLOSE_ACCOUNT_QUOTA_EXCEEDED'
  | 'MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED'
  | 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED'
  | 'MAX_TAG_LIMIT_EXCEEDED'
  | 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED'
  | 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE'
  | 'OU_DEPTH_LIMIT_EXCEEDED'
  | 'OU_NUMBER_LIMIT_EXCEEDED'
  | 'POLICY_CONTENT_LIMIT_EXCEEDED'
  | 'POLICY_NUMBER_LIMIT_EXCEEDED'
  | 'SERVICE_ACCESS_NOT_ENABLED';

export type HandshakeConstraintViolationReason =
  'ACCOUNT_NUMBER_LIMIT_EXCEEDED' | 'ALREADY_IN_AN_ORGANIZATION' | 'ORGANIZATION_ALREADY_HAS_ALL_FEATURES';

export type InvalidInputReason =
  | 'DUPLICATE_TAG_KEY'
  | 'INPUT_REQUIRED'
  | 'INVALID_EMAIL_ADDRESS_TARGET'
  | 'INVALID_ENUM'
  | 'INVALID_NEXT_TOKEN'
  | 'INVALID_PARTY_TYPE_TARGET'
  | 'INVALID_PATTERN'
  | 'INVALID_ROLE_NAME'
  | 'MAX_LENGTH_EXCEEDED'
  | 'MAX_VALUE_EXCEEDED'
  | 'MIN_LENGTH_EXCEEDED'
  | 'INVALID_SYSTEM_TAGS_PARAMETER'
  | 'MIN_VALUE_EXCEEDED'
  | 'NON_DETACHABLE_POLICY'
  | 'TARGET_NOT_SUPPORTED'
  | 'UNRECOGNIZED_SERVICE_PRINCIPAL';

export class OrganizationsNotInUseError extends DomainError {
  constructor() {
    super('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
  }
}

export class OrganizationsAccessDeniedError extends DomainError {
  constructor() {
    super('AccessDeniedException', "You don't have permissions to access this resource.");
  }
}

export class AlreadyInOrganizationError extends DomainError {
  constructor() {
    super('AlreadyInOrganizationException', 'The provided account is already a member of an organization.');
  }
}

export class OrganizationNotEmptyError extends DomainError {
  constructor() {
    super(
      'OrganizationNotEmptyException',
      'To delete an organization you must first remove all member accounts (except the management account).',
    );
  }
}

export class ConstraintViolationError extends DomainError {
  constructor(reason: ConstraintViolationReason, message: string) {
    super('ConstraintViolationException', message, { Reason: reason });
  }
}

export class HandshakeConstraintViolationError extends DomainError {
  constructor(reason: HandshakeConstraintViolationReason, message: string) {
    super('HandshakeConstraintViolationException', message, { Reason: reason });
  }
}

export class InvalidInputError extends DomainError {
  constructor(reason: InvalidInputReason | undefined, message: string) {
    super('InvalidInputException', message, reason === undefined ? {} : { Reason: reason });
  }
}

export class AccountNotFoundError extends DomainError {
  constructor() {
    super('AccountNotFoundException', "You specified an account that doesn't exist.");
  }
}

export class AccountAlreadyClosedError extends DomainError {
  constructor() {
    super('AccountAlreadyClosedException', 'You attempted to close an account that is already closed.');
  }
}

export class MasterCannotLeaveOrganizationError extends DomainError {
  constructor() {
    super(
      'MasterCannotLeaveOrganizationException',
      "You can't remove a management account from an organization. Delete the organization instead.",
    );
  }
}

export class CreateAccountStatusNotFoundError extends DomainError {
  constructor(requestId: string) {
    super(
      'CreateAccountStatusNotFoundException',
      `We can't find a create account request with ID ${requestId}.`,
    );
  }
}

export class HandshakeNotFoundError extends DomainError {
  constructor(handshakeId: string) {
    super('HandshakeNotFoundException', `We can't find a handshake with ID ${handshakeId}.`);
  }
}

export class HandshakeAlreadyInStateError extends DomainError {
  constructor(handshakeId: string, state: string) {
    super('HandshakeAlreadyInStateException', `The handshake ${handshakeId} is already ${state}.`);
  }
}

export class InvalidHandshakeTransitionError extends DomainError {
  constructor(handshakeId: string, from: string, to: string) {
    super(
      'InvalidHandshakeTransitionException',
      `The handshake ${handshakeId} is ${from} and can't be changed to ${to}.`,
    );
  }
}

export class DuplicateHandshakeError extends DomainError {
  constructor(targetId: string) {
    super('DuplicateHandshakeException', `An open invitation to ${targetId} already exists.`);
  }
}

export class ParentNotFoundError extends DomainError {
  constructor(parentId: string) {
    super('ParentNotFoundException', `We can't find a root or OU with ID ${parentId}.`);
  }
}

export class SourceParentNotFoundError extends DomainError {
  constructor(parentId: string) {
    super('SourceParentNotFoundException', `We can't find a source root or OU with ID ${parentId}.`);
  }
}

export class DestinationParentNotFoundError extends DomainError {
  constructor(parentId: string) {
    super(
      'DestinationParentNotFoundException',
      `We can't find the destination container with ID ${parentId}.`,
    );
  }
}

export class ChildNotFoundError extends DomainError {
  constructor(childId: string) {
    super(
      'ChildNotFoundException',
      `We can't find an organizational unit (OU) or account with ID ${childId}.`,
    );
  }
}

export class DuplicateAccountError extends DomainError {
  constructor(accountId: string) {
    super('DuplicateAccountException', `The account ${accountId} is already in the destination parent.`);
  }
}

export class DuplicateOrganizationalUnitError extends DomainError {
  constructor(name: string) {
    super('DuplicateOrganizationalUnitException', `An OU named ${name} already exists in the parent.`);
  }
}

export class OrganizationalUnitNotEmptyError extends DomainError {
  constructor() {
    super(
      'OrganizationalUnitNotEmptyException',
      'The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.',
    );
  }
}

export class OrganizationalUnitNotFoundError extends DomainError {
  constructor(ouId: string) {
    super('OrganizationalUnitNotFoundException', `We can't find an OU with ID ${ouId}.`);
  }
}

export class AccountAlreadyRegisteredError extends DomainError {
  constructor(accountId: string, servicePrincipal: string) {
    super(
      'AccountAlreadyRegisteredException',
      `The account ${accountId} is already a delegated administrator for ${servicePrincipal}.`,
    );
  }
}

export class AccountNotRegisteredError extends DomainError {
  constructor(accountId: string, servicePrincipal?: string) {
    super(
      'AccountNotRegisteredException',
      servicePrincipal === undefined
        ? `The account ${accountId} is not a delegated administrator.`
        : `The account ${accountId} is not a delegated administrator for ${servicePrincipal}.`,
    );
  }
}
