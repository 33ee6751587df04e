import { defineOperation, NoMembers } from '@app/platform';
import { CreateOrganizationUseCase } from '../use-cases/create-organization.use-case';
import { DeleteOrganizationUseCase } from '../use-cases/delete-organization.use-case';
import { DescribeOrganizationUseCase } from '../use-cases/describe-organization.use-case';
import { DisableAwsServiceAccessUseCase } from '../use-cases/disable-aws-service-access.use-case';
import { EnableAllFeaturesUseCase } from '../use-cases/enable-all-features.use-case';
import { EnableAwsServiceAccessUseCase } from '../use-cases/enable-aws-service-access.use-case';
import { ListAwsServiceAccessForOrganizationUseCase } from '../use-cases/list-aws-service-access-for-organization.use-case';
import { ListRootsUseCase } from '../use-cases/list-roots.use-case';
import {
  CreateOrganizationRequest,
  OrganizationsPageRequest,
  ServicePrincipalRequest,
} from './organization.requests';
import { ORGANIZATION_ERRORS } from './organization-errors';

/** The caller's organization: its lifecycle, its root and trusted service access (cloudtrail.md §5). */

export const CreateOrganization = defineOperation({
  service: 'organizations',
  name: 'CreateOrganization',
  readOnly: false,
  input: CreateOrganizationRequest,
  useCase: CreateOrganizationUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (organization) => ({ organization }),
  errors: ['InvalidInputException', 'AlreadyInOrganizationException'],
});

export const DescribeOrganization = defineOperation({
  service: 'organizations',
  name: 'DescribeOrganization',
  readOnly: true,
  input: NoMembers,
  useCase: DescribeOrganizationUseCase,
  run: (useCase, ctx) => useCase.execute(ctx),
  errors: ['AWSOrganizationsNotInUseException'],
});

export const DeleteOrganization = defineOperation({
  service: 'organizations',
  name: 'DeleteOrganization',
  readOnly: false,
  input: NoMembers,
  useCase: DeleteOrganizationUseCase,
  run: (useCase, ctx) => useCase.execute(ctx),
  errors: ['AWSOrganizationsNotInUseException', 'OrganizationNotEmptyException'],
});

export const EnableAllFeatures = defineOperation({
  service: 'organizations',
  name: 'EnableAllFeatures',
  readOnly: false,
  input: NoMembers,
  useCase: EnableAllFeaturesUseCase,
  run: (useCase, ctx) => useCase.execute(ctx),
  responseElements: (handshake) => ({ handshake }),
  errors: ['AWSOrganizationsNotInUseException', 'HandshakeConstraintViolationException'],
});

export const ListRoots = defineOperation({
  service: 'organizations',
  name: 'ListRoots',
  readOnly: true,
  input: OrganizationsPageRequest,
  useCase: ListRootsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ORGANIZATION_ERRORS,
});

export const EnableAWSServiceAccess = defineOperation({
  service: 'organizations',
  name: 'EnableAWSServiceAccess',
  readOnly: false,
  input: ServicePrincipalRequest,
  useCase: EnableAwsServiceAccessUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...ORGANIZATION_ERRORS, 'ConstraintViolationException'],
});

export const DisableAWSServiceAccess = defineOperation({
  service: 'organizations',
  name: 'DisableAWSServiceAccess',
  readOnly: false,
  input: ServicePrincipalRequest,
  useCase: DisableAwsServiceAccessUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: ORGANIZATION_ERRORS,
});

export const ListAWSServiceAccessForOrganization = defineOperation({
  service: 'organizations',
  name: 'ListAWSServiceAccessForOrganization',
  readOnly: true,
  input: OrganizationsPageRequest,
  useCase: ListAwsServiceAccessForOrganizationUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ORGANIZATION_ERRORS,
});
