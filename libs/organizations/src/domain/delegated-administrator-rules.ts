import { type AccountStatus, type FeatureSet } from './organization';
import {
  AccountAlreadyRegisteredError,
  AccountNotFoundError,
  AccountNotRegisteredError,
  ConstraintViolationError,
} from './organization.errors';
import { assertRecognizedServicePrincipal, maxDelegatedAdministrators } from './service-principals';

/** What RegisterDelegatedAdministrator decides on, read under the organization's lock. */
export interface RegistrationFacts {
  readonly servicePrincipal: string;
  readonly accountId: string;
  readonly managementAccountId: string;
  readonly featureSet: FeatureSet;
  /** The account's status when it is a member of the organization, undefined otherwise. */
  readonly memberStatus: AccountStatus | undefined;
  readonly serviceAccessEnabled: boolean;
  readonly alreadyRegistered: boolean;
  /** Delegated administrators the service has now. */
  readonly registeredCount: number;
}

/**
 * RegisterDelegatedAdministrator's preconditions, checked in this order: the service, the target
 * (never the management account; a member; not suspended), the organization (all features,
 * trusted access), then the registration itself (not already; room under the service's maximum).
 * CloudTrail's RegisterOrganizationDelegatedAdmin reuses these facts (cloudtrail.md §3.6).
 */
export function assertCanRegisterDelegatedAdministrator(facts: RegistrationFacts): void {
  assertRecognizedServicePrincipal(facts.servicePrincipal);
  if (facts.accountId === facts.managementAccountId) {
    throw new ConstraintViolationError(
      'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
      "You can't register the management account as a delegated administrator of its own organization.",
    );
  }
  if (facts.memberStatus === undefined) throw new AccountNotFoundError();
  if (facts.memberStatus === 'SUSPENDED') {
    throw new ConstraintViolationError(
      'CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR',
      "You can't register a suspended account as a delegated administrator.",
    );
  }
  if (facts.featureSet !== 'ALL') {
    throw new ConstraintViolationError(
      'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE',
      'This operation requires the organization to have all features enabled.',
    );
  }
  if (!facts.serviceAccessEnabled) {
    throw new ConstraintViolationError(
      'SERVICE_ACCESS_NOT_ENABLED',
      `Trusted access for ${facts.servicePrincipal} is not enabled in the organization.`,
    );
  }
  if (facts.alreadyRegistered)
    throw new AccountAlreadyRegisteredError(facts.accountId, facts.servicePrincipal);
  const max = maxDelegatedAdministrators(facts.servicePrincipal);
  if (facts.registeredCount >= max) {
    throw new ConstraintViolationError(
      'MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED',
      `${facts.servicePrincipal} accepts at most ${max} delegated administrator${max === 1 ? '' : 's'}.`,
    );
  }
}

export interface DeregistrationFacts {
  readonly servicePrincipal: string;
  readonly accountId: string;
  readonly isMember: boolean;
  readonly registered: boolean;
}

export function assertCanDeregisterDelegatedAdministrator(facts: DeregistrationFacts): void {
  assertRecognizedServicePrincipal(facts.servicePrincipal);
  if (!facts.isMember) throw new AccountNotFoundError();
  if (!facts.registered) throw new AccountNotRegisteredError(facts.accountId, facts.servicePrincipal);
}
