import { type DomainError } from '@app/platform/errors';
import {
  AccountRegisteredError,
  CannotDelegateManagementAccountError,
  CloudTrailAccessNotEnabledError,
  DelegatedAdminAccountLimitExceededError,
  InvalidParameterError,
  NotOrganizationManagementAccountError,
  OrganizationNotInAllFeaturesModeError,
  OrganizationsNotInUseError,
} from './trail.errors';

/**
 * CloudTrail's RegisterOrganizationDelegatedAdmin / DeregisterOrganizationDelegatedAdmin answer
 * with CloudTrail's own codes (§2.14) for what Organizations reports in its terms; both APIs share
 * one registry of delegated administrators, so they always agree.
 */
export function toCloudTrailDelegationError(error: DomainError): DomainError {
  const reason = error.fields.Reason;
  switch (error.code) {
    case 'AWSOrganizationsNotInUseException':
      return new OrganizationsNotInUseError(error.message);
    case 'AccessDeniedException':
      return new NotOrganizationManagementAccountError(
        'This operation can be performed only by the management account of the organization.',
      );
    case 'AccountAlreadyRegisteredException':
      return new AccountRegisteredError(error.message);
    case 'ConstraintViolationException':
      if (reason === 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR') {
        return new CannotDelegateManagementAccountError();
      }
      if (reason === 'MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED') {
        return new DelegatedAdminAccountLimitExceededError();
      }
      if (reason === 'SERVICE_ACCESS_NOT_ENABLED') {
        return new CloudTrailAccessNotEnabledError(
          'Trusted access for cloudtrail.amazonaws.com is not enabled in the organization.',
        );
      }
      if (reason === 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE') {
        return new OrganizationNotInAllFeaturesModeError();
      }
      return new InvalidParameterError(error.message);
    case 'InvalidInputException':
      return new InvalidParameterError(error.message);
    default:
      return error;
  }
}
