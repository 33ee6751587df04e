import { DomainError } from '@app/platform/errors';

/**
 * CloudTrail's RegisterOrganizationDelegatedAdmin / DeregisterOrganizationDelegatedAdmin answer
 * with CloudTrail's own codes (§2.14) for what Organizations reports in its terms; both APIs share
 * one registry of delegated administrators, so they always agree.
 */
export function toCloudTrailDelegationError(error: DomainError): DomainError {
  const reason = error.fields.Reason;
  switch (error.code) {
    case 'AWSOrganizationsNotInUseException':
      return new DomainError('OrganizationsNotInUseException', error.message);
    case 'AccessDeniedException':
      return new DomainError(
        'NotOrganizationManagementAccountException',
        'This operation can be performed only by the management account of the organization.',
      );
    case 'AccountAlreadyRegisteredException':
      return new DomainError('AccountRegisteredException', error.message);
    case 'ConstraintViolationException':
      if (reason === 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR') {
        return new DomainError(
          'CannotDelegateManagementAccountException',
          'You cannot register the management account as a delegated administrator.',
        );
      }
      if (reason === 'MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED') {
        return new DomainError(
          'DelegatedAdminAccountLimitExceededException',
          'The organization already has the maximum of 3 CloudTrail delegated administrators.',
        );
      }
      if (reason === 'SERVICE_ACCESS_NOT_ENABLED') {
        return new DomainError(
          'CloudTrailAccessNotEnabledException',
          'Trusted access for cloudtrail.amazonaws.com is not enabled in the organization.',
        );
      }
      if (reason === 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE') {
        return new DomainError(
          'OrganizationNotInAllFeaturesModeException',
          'This operation requires that all features are enabled in the organization.',
        );
      }
      return new DomainError('InvalidParameterException', error.message);
    case 'InvalidInputException':
      return new DomainError('InvalidParameterException', error.message);
    default:
      return error;
  }
}
