import { defineOperation } from '@app/platform';
import { DeregisterDelegatedAdministratorUseCase } from '../use-cases/deregister-delegated-administrator.use-case';
import { ListDelegatedAdministratorsUseCase } from '../use-cases/list-delegated-administrators.use-case';
import { ListDelegatedServicesForAccountUseCase } from '../use-cases/list-delegated-services-for-account.use-case';
import { RegisterDelegatedAdministratorUseCase } from '../use-cases/register-delegated-administrator.use-case';
import { memberAccountResource } from './organization-resources';
import {
  DelegatedAdministratorRequest,
  ListDelegatedAdministratorsRequest,
  ListDelegatedServicesForAccountRequest,
} from './organization.requests';
import { ORGANIZATION_ERRORS } from './organization-errors';

/** Delegated administrators of the organization's trusted services. */

export const RegisterDelegatedAdministrator = defineOperation({
  service: 'organizations',
  name: 'RegisterDelegatedAdministrator',
  readOnly: false,
  input: DelegatedAdministratorRequest,
  resources: (input, scope) => [memberAccountResource(scope, input.accountId)],
  useCase: RegisterDelegatedAdministratorUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [
    ...ORGANIZATION_ERRORS,
    'ConstraintViolationException',
    'AccountNotFoundException',
    'AccountAlreadyRegisteredException',
  ],
});

export const DeregisterDelegatedAdministrator = defineOperation({
  ...RegisterDelegatedAdministrator,
  name: 'DeregisterDelegatedAdministrator',
  useCase: DeregisterDelegatedAdministratorUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...ORGANIZATION_ERRORS, 'AccountNotFoundException', 'AccountNotRegisteredException'],
});

export const ListDelegatedAdministrators = defineOperation({
  service: 'organizations',
  name: 'ListDelegatedAdministrators',
  readOnly: true,
  input: ListDelegatedAdministratorsRequest,
  useCase: ListDelegatedAdministratorsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ORGANIZATION_ERRORS,
});

export const ListDelegatedServicesForAccount = defineOperation({
  service: 'organizations',
  name: 'ListDelegatedServicesForAccount',
  readOnly: true,
  input: ListDelegatedServicesForAccountRequest,
  resources: (input, scope) => [memberAccountResource(scope, input.accountId)],
  useCase: ListDelegatedServicesForAccountUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: [...ORGANIZATION_ERRORS, 'AccountNotFoundException', 'AccountNotRegisteredException'],
});
