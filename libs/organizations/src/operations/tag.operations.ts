import { defineOperation } from '@app/platform';
import { ListTagsForResourceUseCase } from '../use-cases/list-tags-for-resource.use-case';
import { TagResourceUseCase, UntagResourceUseCase } from '../use-cases/tag-resource.use-case';
import { taggableResource } from './organization-resources';
import { ORGANIZATION_ERRORS } from './organization-errors';
import { ListTagsForResourceRequest, TagResourceRequest, UntagResourceRequest } from './structure.requests';

/** Tags of the organization's accounts, OUs, root and policies. */

export const TagResource = defineOperation({
  service: 'organizations',
  name: 'TagResource',
  readOnly: false,
  input: TagResourceRequest,
  resources: async (input, scope) => [await taggableResource(scope, input.resourceId)],
  useCase: TagResourceUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...ORGANIZATION_ERRORS, 'TargetNotFoundException', 'ConstraintViolationException'],
});

export const UntagResource = defineOperation({
  service: 'organizations',
  name: 'UntagResource',
  readOnly: false,
  input: UntagResourceRequest,
  resources: async (input, scope) => [await taggableResource(scope, input.resourceId)],
  useCase: UntagResourceUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: [...ORGANIZATION_ERRORS, 'TargetNotFoundException'],
});

export const ListTagsForResource = defineOperation({
  service: 'organizations',
  name: 'ListTagsForResource',
  readOnly: true,
  input: ListTagsForResourceRequest,
  resources: async (input, scope) => [await taggableResource(scope, input.resourceId)],
  useCase: ListTagsForResourceUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: [...ORGANIZATION_ERRORS, 'TargetNotFoundException'],
});
