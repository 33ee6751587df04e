import { defineOperation, requestTagConditions } from '@app/platform';
import { ChangeTrailTagsUseCase } from '../use-cases/change-trail-tags.use-case';
import { ListTrailTagsUseCase } from '../use-cases/list-trail-tags.use-case';
import { TRAIL_TAG_ERRORS } from './trail-errors';
import { trailResource, trailResources } from './trail-resources';
import { ListTagsRequest, TagsRequest } from './trail.requests';

/** CloudTrail's tag operations (cloudtrail.md §2.13, §3.9). */

export const AddTags = defineOperation({
  service: 'cloudtrail',
  name: 'AddTags',
  readOnly: false,
  input: TagsRequest,
  resources: (input, scope) => [trailResource(scope, input.resourceId)],
  conditions: (input) => requestTagConditions(input.tagsList),
  useCase: ChangeTrailTagsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, { ...input, mode: 'add' }),
  errors: [
    ...TRAIL_TAG_ERRORS,
    'InvalidHomeRegionException',
    'NotOrganizationMasterAccountException',
    'InvalidTagParameterException',
    'TagsLimitExceededException',
  ],
});

export const RemoveTags = defineOperation({
  service: 'cloudtrail',
  name: 'RemoveTags',
  readOnly: false,
  input: TagsRequest,
  resources: (input, scope) => [trailResource(scope, input.resourceId)],
  useCase: ChangeTrailTagsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, { ...input, mode: 'remove' }),
  errors: [
    ...TRAIL_TAG_ERRORS,
    'InvalidHomeRegionException',
    'NotOrganizationMasterAccountException',
    'InvalidTagParameterException',
  ],
});

export const ListTags = defineOperation({
  service: 'cloudtrail',
  name: 'ListTags',
  readOnly: true,
  input: ListTagsRequest,
  resources: (input, scope) => trailResources(scope, input.resourceIdList),
  useCase: ListTrailTagsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: [...TRAIL_TAG_ERRORS, 'InvalidParameterException'],
});
