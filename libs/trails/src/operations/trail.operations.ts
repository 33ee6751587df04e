import { defineOperation, requestTagConditions } from '@app/platform';
import { newBucketResource } from '@app/storage';
import { CreateTrailUseCase } from '../use-cases/create-trail.use-case';
import { DeleteTrailUseCase } from '../use-cases/delete-trail.use-case';
import { DescribeTrailsUseCase } from '../use-cases/describe-trails.use-case';
import { GetTrailPropagationUseCase } from '../use-cases/get-trail-propagation.use-case';
import { GetTrailUseCase } from '../use-cases/get-trail.use-case';
import { ListTrailsUseCase } from '../use-cases/list-trails.use-case';
import { SetTrailLoggingUseCase } from '../use-cases/set-trail-logging.use-case';
import { UpdateTrailUseCase } from '../use-cases/update-trail.use-case';
import { trailResponseElements } from './trail-elements';
import {
  ORGANIZATION_TRAIL_ERRORS,
  TRAIL_BUCKET_ERRORS,
  TRAIL_CHANGE_ERRORS,
  TRAIL_LOOKUP_ERRORS,
  TRAIL_SETTINGS_ERRORS,
  TRAIL_SLOT_ERRORS,
} from './trail-errors';
import { trailResource, trailResources } from './trail-resources';
import {
  CreateTrailRequest,
  DescribeTrailsRequest,
  ListTrailsRequest,
  TrailNameRequest,
  UpdateTrailRequest,
} from './trail.requests';

/** CloudTrail's trail operations (cloudtrail.md §2). */

export const CreateTrail = defineOperation({
  service: 'cloudtrail',
  name: 'CreateTrail',
  readOnly: false,
  input: CreateTrailRequest,
  resources: (input, scope) => [trailResource(scope, input.name)],
  conditions: (input) => requestTagConditions(input.tagsList),
  // REST's createBucket creates the bucket and writes its policy, as the console's own S3 calls would.
  dependentActions: (input, scope) =>
    input.createBucket === true
      ? ['s3:CreateBucket', 's3:PutBucketPolicy'].map((action) => ({
          action,
          resources: [newBucketResource(scope, input.s3BucketName)],
        }))
      : [],
  useCase: CreateTrailUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: trailResponseElements,
  resourcesOf: (trail) => [{ arn: trail.arn, account: trail.ownerAccountId }],
  errors: [
    'InvalidTrailNameException',
    'InvalidTagParameterException',
    'TagsLimitExceededException',
    ...TRAIL_SETTINGS_ERRORS,
    ...ORGANIZATION_TRAIL_ERRORS,
    ...TRAIL_SLOT_ERRORS,
    ...TRAIL_BUCKET_ERRORS,
    // With createBucket (REST): the store's answers to CreateBucket.
    'InvalidBucketName',
    'BucketAlreadyExists',
    'BucketAlreadyOwnedByYou',
  ],
});

export const UpdateTrail = defineOperation({
  service: 'cloudtrail',
  name: 'UpdateTrail',
  readOnly: false,
  input: UpdateTrailRequest,
  resources: (input, scope) => [trailResource(scope, input.name)],
  useCase: UpdateTrailUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  responseElements: trailResponseElements,
  errors: [
    ...TRAIL_CHANGE_ERRORS,
    ...TRAIL_SETTINGS_ERRORS,
    ...ORGANIZATION_TRAIL_ERRORS,
    'NotOrganizationManagementAccountException',
    ...TRAIL_SLOT_ERRORS,
    ...TRAIL_BUCKET_ERRORS,
  ],
});

export const DeleteTrail = defineOperation({
  service: 'cloudtrail',
  name: 'DeleteTrail',
  readOnly: false,
  input: TrailNameRequest,
  resources: (input, scope) => [trailResource(scope, input.name)],
  useCase: DeleteTrailUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: TRAIL_CHANGE_ERRORS,
});

export const GetTrail = defineOperation({
  service: 'cloudtrail',
  name: 'GetTrail',
  readOnly: true,
  input: TrailNameRequest,
  resources: (input, scope) => [trailResource(scope, input.name)],
  useCase: GetTrailUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: TRAIL_LOOKUP_ERRORS,
});

export const DescribeTrails = defineOperation({
  service: 'cloudtrail',
  name: 'DescribeTrails',
  readOnly: true,
  input: DescribeTrailsRequest,
  resources: (input, scope) => trailResources(scope, input.trailNameList),
  useCase: DescribeTrailsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ['InvalidTrailNameException', 'CloudTrailARNInvalidException'],
});

export const ListTrails = defineOperation({
  service: 'cloudtrail',
  name: 'ListTrails',
  readOnly: true,
  input: ListTrailsRequest,
  useCase: ListTrailsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
  errors: ['InvalidTokenException'],
});

export const StartLogging = defineOperation({
  service: 'cloudtrail',
  name: 'StartLogging',
  readOnly: false,
  input: TrailNameRequest,
  resources: (input, scope) => [trailResource(scope, input.name)],
  useCase: SetTrailLoggingUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, { name: input.name, logging: true }),
  errors: TRAIL_CHANGE_ERRORS,
});

export const StopLogging = defineOperation({
  ...StartLogging,
  name: 'StopLogging',
  run: (useCase, ctx, input) => useCase.execute(ctx, { name: input.name, logging: false }),
});

/** Trailplane's own read: a trail's replication state (desired, applied, pending replicas by Region). */
export const GetTrailPropagation = defineOperation({
  service: 'cloudtrail',
  name: 'GetTrailPropagation',
  readOnly: true,
  input: TrailNameRequest,
  resources: (input, scope) => [trailResource(scope, input.name)],
  useCase: GetTrailPropagationUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  errors: TRAIL_LOOKUP_ERRORS,
});
