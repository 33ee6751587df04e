import { defineOperation, NoMembers } from '@app/platform';
import { CloseAccountUseCase } from '../use-cases/close-account.use-case';
import { CreateAccountUseCase } from '../use-cases/create-account.use-case';
import { DescribeAccountUseCase } from '../use-cases/describe-account.use-case';
import { DescribeCreateAccountStatusUseCase } from '../use-cases/describe-create-account-status.use-case';
import { LeaveOrganizationUseCase } from '../use-cases/leave-organization.use-case';
import { ListAccountsForParentUseCase } from '../use-cases/list-accounts-for-parent.use-case';
import { ListAccountsUseCase } from '../use-cases/list-accounts.use-case';
import { ListCreateAccountStatusUseCase } from '../use-cases/list-create-account-status.use-case';
import { MoveAccountUseCase } from '../use-cases/move-account.use-case';
import { RemoveAccountFromOrganizationUseCase } from '../use-cases/remove-account-from-organization.use-case';
import { memberAccountResource, organizationNodeResource } from './organization-resources';
import {
  AccountIdRequest,
  CreateAccountRequest,
  DescribeCreateAccountStatusRequest,
  ListCreateAccountStatusRequest,
  MoveAccountRequest,
  OrganizationsPageRequest,
  ParentPageRequest,
} from './organization.requests';
import { ORGANIZATION_ERRORS } from './organization-errors';

/** The organization's member accounts: created, listed, moved, removed (cloudtrail.md §5). */

export const CreateAccount = defineOperation({
  service: 'organizations',
  name: 'CreateAccount',
  readOnly: false,
  input: CreateAccountRequest,
  useCase: CreateAccountUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (createAccountStatus) => ({ createAccountStatus }),
  errors: ORGANIZATION_ERRORS,
});

export const DescribeCreateAccountStatus = defineOperation({
  service: 'organizations',
  name: 'DescribeCreateAccountStatus',
  readOnly: true,
  input: DescribeCreateAccountStatusRequest,
  useCase: DescribeCreateAccountStatusUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...ORGANIZATION_ERRORS, 'CreateAccountStatusNotFoundException'],
});

export const ListCreateAccountStatus = defineOperation({
  service: 'organizations',
  name: 'ListCreateAccountStatus',
  readOnly: true,
  input: ListCreateAccountStatusRequest,
  useCase: ListCreateAccountStatusUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ORGANIZATION_ERRORS,
});

export const ListAccounts = defineOperation({
  service: 'organizations',
  name: 'ListAccounts',
  readOnly: true,
  input: OrganizationsPageRequest,
  useCase: ListAccountsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ORGANIZATION_ERRORS,
});

export const ListAccountsForParent = defineOperation({
  service: 'organizations',
  name: 'ListAccountsForParent',
  readOnly: true,
  input: ParentPageRequest,
  resources: (input, scope) => [organizationNodeResource(scope, input.parentId)],
  useCase: ListAccountsForParentUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: [...ORGANIZATION_ERRORS, 'ParentNotFoundException'],
});

export const DescribeAccount = defineOperation({
  service: 'organizations',
  name: 'DescribeAccount',
  readOnly: true,
  input: AccountIdRequest,
  resources: (input, scope) => [memberAccountResource(scope, input.accountId)],
  useCase: DescribeAccountUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...ORGANIZATION_ERRORS, 'AccountNotFoundException'],
});

export const RemoveAccountFromOrganization = defineOperation({
  service: 'organizations',
  name: 'RemoveAccountFromOrganization',
  readOnly: false,
  input: AccountIdRequest,
  resources: (input, scope) => [memberAccountResource(scope, input.accountId)],
  useCase: RemoveAccountFromOrganizationUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [
    ...ORGANIZATION_ERRORS,
    'AccountNotFoundException',
    'MasterCannotLeaveOrganizationException',
    'ConstraintViolationException',
  ],
});

export const LeaveOrganization = defineOperation({
  service: 'organizations',
  name: 'LeaveOrganization',
  readOnly: false,
  input: NoMembers,
  useCase: LeaveOrganizationUseCase,
  run: (useCase, ctx) => useCase.execute(ctx),
  errors: [
    'AWSOrganizationsNotInUseException',
    'MasterCannotLeaveOrganizationException',
    'ConstraintViolationException',
  ],
});

export const MoveAccount = defineOperation({
  service: 'organizations',
  name: 'MoveAccount',
  readOnly: false,
  input: MoveAccountRequest,
  resources: (input, scope) => [
    memberAccountResource(scope, input.accountId),
    organizationNodeResource(scope, input.sourceParentId),
    organizationNodeResource(scope, input.destinationParentId),
  ],
  useCase: MoveAccountUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [
    ...ORGANIZATION_ERRORS,
    'AccountNotFoundException',
    'SourceParentNotFoundException',
    'DestinationParentNotFoundException',
    'DuplicateAccountException',
  ],
});

/** The account is SUSPENDED at once and leaves the organization after the closure period. */
export const CloseAccount = defineOperation({
  service: 'organizations',
  name: 'CloseAccount',
  readOnly: false,
  input: AccountIdRequest,
  resources: (input, scope) => [memberAccountResource(scope, input.accountId)],
  useCase: CloseAccountUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [
    ...ORGANIZATION_ERRORS,
    'AccountNotFoundException',
    'AccountAlreadyClosedException',
    'ConstraintViolationException',
  ],
});
