import { DomainError } from '@app/platform/errors';
import { toCloudTrailDelegationError } from './cloudtrail-delegation-errors';

describe(toCloudTrailDelegationError.name, () => {
  it.each([
    [new DomainError('AWSOrganizationsNotInUseException', 'x'), 'OrganizationsNotInUseException'],
    [new DomainError('AccessDeniedException', 'x'), 'NotOrganizationManagementAccountException'],
    [new DomainError('AccountAlreadyRegisteredException', 'x'), 'AccountRegisteredException'],
    [
      new DomainError('ConstraintViolationException', 'x', {
        Reason: 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
      }),
      'CannotDelegateManagementAccountException',
    ],
    [
      new DomainError('ConstraintViolationException', 'x', {
        Reason: 'MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED',
      }),
      'DelegatedAdminAccountLimitExceededException',
    ],
    [
      new DomainError('ConstraintViolationException', 'x', { Reason: 'SERVICE_ACCESS_NOT_ENABLED' }),
      'CloudTrailAccessNotEnabledException',
    ],
    [
      new DomainError('ConstraintViolationException', 'x', {
        Reason: 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE',
      }),
      'OrganizationNotInAllFeaturesModeException',
    ],
    [new DomainError('AccountNotFoundException', 'x'), 'AccountNotFoundException'],
    [new DomainError('AccountNotRegisteredException', 'x'), 'AccountNotRegisteredException'],
  ])('translates %p to %s', (error, code) => {
    expect(toCloudTrailDelegationError(error).code).toBe(code);
  });
});
