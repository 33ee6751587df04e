import { ApiProperty } from '@nestjs/swagger';
import { defineOperation } from '@app/platform';
import { IsString, Length, Matches } from 'class-validator';
import { OrganizationDelegatedAdminUseCase } from '../use-cases/organization-delegated-admin.use-case';

export class RegisterOrganizationDelegatedAdminRequest {
  @ApiProperty({ example: '111122223333' })
  @IsString()
  @Length(12, 16)
  @Matches(/^\d+$/)
  memberAccountId!: string;
}

export class DeregisterOrganizationDelegatedAdminRequest {
  @ApiProperty({ example: '111122223333' })
  @IsString()
  @Length(12, 16)
  @Matches(/^\d+$/)
  delegatedAdminAccountId!: string;
}

/** CloudTrail's delegated administrators of the caller's organization (cloudtrail.md §2.14). */
export const RegisterOrganizationDelegatedAdmin = defineOperation({
  service: 'cloudtrail',
  name: 'RegisterOrganizationDelegatedAdmin',
  readOnly: false,
  input: RegisterOrganizationDelegatedAdminRequest,
  useCase: OrganizationDelegatedAdminUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, { accountId: input.memberAccountId, registered: true }),
  errors: [
    'OrganizationsNotInUseException',
    'NotOrganizationManagementAccountException',
    'OrganizationNotInAllFeaturesModeException',
    'CloudTrailAccessNotEnabledException',
    'CannotDelegateManagementAccountException',
    'AccountNotFoundException',
    'AccountRegisteredException',
    'DelegatedAdminAccountLimitExceededException',
    'InvalidParameterException',
  ],
});

export const DeregisterOrganizationDelegatedAdmin = defineOperation({
  service: 'cloudtrail',
  name: 'DeregisterOrganizationDelegatedAdmin',
  readOnly: false,
  input: DeregisterOrganizationDelegatedAdminRequest,
  useCase: OrganizationDelegatedAdminUseCase,
  run: (useCase, ctx, input) =>
    useCase.execute(ctx, { accountId: input.delegatedAdminAccountId, registered: false }),
  errors: [
    'OrganizationsNotInUseException',
    'NotOrganizationManagementAccountException',
    'AccountNotFoundException',
    'AccountNotRegisteredException',
    'InvalidParameterException',
  ],
});
