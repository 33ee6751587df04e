import { defineOperation } from '@app/platform';
import { CreateOrganizationalUnitUseCase } from '../use-cases/create-organizational-unit.use-case';
import { DeleteOrganizationalUnitUseCase } from '../use-cases/delete-organizational-unit.use-case';
import { DescribeOrganizationalUnitUseCase } from '../use-cases/describe-organizational-unit.use-case';
import { ListOrganizationalUnitsForParentUseCase } from '../use-cases/list-organizational-units-for-parent.use-case';
import { ListChildrenUseCase } from '../use-cases/list-children.use-case';
import { ListParentsUseCase } from '../use-cases/list-parents.use-case';
import { UpdateOrganizationalUnitUseCase } from '../use-cases/update-organizational-unit.use-case';
import { organizationNodeResource } from './organization-resources';
import {
  CreateOrganizationalUnitRequest,
  DescribeOrganizationalUnitRequest,
  ListParentsRequest,
  ParentPageRequest,
} from './organization.requests';
import { ORGANIZATION_ERRORS } from './organization-errors';
import { ListChildrenRequest, UpdateOrganizationalUnitRequest } from './structure.requests';

/** Organizational units and the tree of parents. */

export const CreateOrganizationalUnit = defineOperation({
  service: 'organizations',
  name: 'CreateOrganizationalUnit',
  readOnly: false,
  input: CreateOrganizationalUnitRequest,
  resources: (input, scope) => [organizationNodeResource(scope, input.parentId)],
  useCase: CreateOrganizationalUnitUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (organizationalUnit) => ({ organizationalUnit }),
  errors: [
    ...ORGANIZATION_ERRORS,
    'ParentNotFoundException',
    'ConstraintViolationException',
    'DuplicateOrganizationalUnitException',
  ],
});

export const DescribeOrganizationalUnit = defineOperation({
  service: 'organizations',
  name: 'DescribeOrganizationalUnit',
  readOnly: true,
  input: DescribeOrganizationalUnitRequest,
  resources: (input, scope) => [organizationNodeResource(scope, input.organizationalUnitId)],
  useCase: DescribeOrganizationalUnitUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...ORGANIZATION_ERRORS, 'OrganizationalUnitNotFoundException'],
});

export const ListOrganizationalUnitsForParent = defineOperation({
  service: 'organizations',
  name: 'ListOrganizationalUnitsForParent',
  readOnly: true,
  input: ParentPageRequest,
  resources: (input, scope) => [organizationNodeResource(scope, input.parentId)],
  useCase: ListOrganizationalUnitsForParentUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: [...ORGANIZATION_ERRORS, 'ParentNotFoundException'],
});

export const ListParents = defineOperation({
  service: 'organizations',
  name: 'ListParents',
  readOnly: true,
  input: ListParentsRequest,
  resources: (input, scope) => [organizationNodeResource(scope, input.childId)],
  useCase: ListParentsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: [...ORGANIZATION_ERRORS, 'ChildNotFoundException'],
});

export const UpdateOrganizationalUnit = defineOperation({
  service: 'organizations',
  name: 'UpdateOrganizationalUnit',
  readOnly: false,
  input: UpdateOrganizationalUnitRequest,
  resources: (input, scope) => [organizationNodeResource(scope, input.organizationalUnitId)],
  useCase: UpdateOrganizationalUnitUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: (organizationalUnit) => ({ organizationalUnit }),
  errors: [
    ...ORGANIZATION_ERRORS,
    'OrganizationalUnitNotFoundException',
    'DuplicateOrganizationalUnitException',
  ],
});

export const DeleteOrganizationalUnit = defineOperation({
  service: 'organizations',
  name: 'DeleteOrganizationalUnit',
  readOnly: false,
  input: DescribeOrganizationalUnitRequest,
  resources: (input, scope) => [organizationNodeResource(scope, input.organizationalUnitId)],
  useCase: DeleteOrganizationalUnitUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [
    ...ORGANIZATION_ERRORS,
    'OrganizationalUnitNotFoundException',
    'OrganizationalUnitNotEmptyException',
  ],
});

export const ListChildren = defineOperation({
  service: 'organizations',
  name: 'ListChildren',
  readOnly: true,
  input: ListChildrenRequest,
  resources: (input, scope) => [organizationNodeResource(scope, input.parentId)],
  useCase: ListChildrenUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: [...ORGANIZATION_ERRORS, 'ParentNotFoundException'],
});
