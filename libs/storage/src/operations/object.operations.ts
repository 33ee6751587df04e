import { defineOperation } from '@app/platform';
import { DeleteObjectUseCase } from '../use-cases/delete-object.use-case';
import { DeleteObjectsUseCase } from '../use-cases/delete-objects.use-case';
import { GetObjectUseCase } from '../use-cases/get-object.use-case';
import { HeadObjectUseCase } from '../use-cases/head-object.use-case';
import { PutObjectUseCase } from '../use-cases/put-object.use-case';
import { keysToDelete, objectAndBucket, objectNamed, objectResources } from './s3-resources';
import { DeleteObjectsRequest, GetObjectRequest, ObjectRequest, PutObjectRequest } from './s3.requests';

/**
 * The object store's object operations (delivery.md §6.2): data events (`AWS::S3::Object`),
 * delivered by trails whose selectors ask for them, never looked up.
 */

export const GetObject = defineOperation({
  service: 's3',
  name: 'GetObject',
  readOnly: true,
  input: GetObjectRequest,
  resources: (input, scope) => objectResources(scope, input.bucket, [input.key]),
  useCase: GetObjectUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: (input) => ({ ...objectNamed(input), ...(input.range ? { Range: input.range } : {}) }),
  resourcesOf: (_output, authorized) => objectAndBucket(authorized),
  errors: ['NoSuchBucket', 'NoSuchKey', 'InvalidRange', 'KeyTooLongError'],
});

export const HeadObject = defineOperation({
  service: 's3',
  name: 'HeadObject',
  action: 's3:GetObject',
  readOnly: true,
  input: GetObjectRequest,
  resources: (input, scope) => objectResources(scope, input.bucket, [input.key]),
  useCase: HeadObjectUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: (input) => objectNamed(input),
  resourcesOf: (_output, authorized) => objectAndBucket(authorized),
  errors: ['NoSuchBucket', 'NoSuchKey', 'InvalidRange'],
});

export const PutObject = defineOperation({
  service: 's3',
  name: 'PutObject',
  readOnly: false,
  input: PutObjectRequest,
  resources: (input, scope) => objectResources(scope, input.bucket, [input.key]),
  conditions: (input): Record<string, string> => (input.acl ? { 's3:x-amz-acl': input.acl } : {}),
  useCase: PutObjectUseCase,
  run: (useCase, ctx, { acl: _acl, ...input }) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: (input) => objectNamed(input),
  responseElements: (head) => ({ ETag: head.etag.replace(/"/g, '') }),
  resourcesOf: (_output, authorized) => objectAndBucket(authorized),
  errors: [
    'NoSuchBucket',
    'KeyTooLongError',
    'EntityTooLarge',
    'MetadataTooLarge',
    'BadDigest',
    'InvalidDigest',
    'XAmzContentSHA256Mismatch',
    'IncompleteBody',
    'InvalidArgument',
    'InvalidRequest',
    'MissingContentLength',
  ],
});

export const DeleteObject = defineOperation({
  service: 's3',
  name: 'DeleteObject',
  readOnly: false,
  input: ObjectRequest,
  resources: (input, scope) => objectResources(scope, input.bucket, [input.key]),
  useCase: DeleteObjectUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: (input) => objectNamed(input),
  resourcesOf: (_output, authorized) => objectAndBucket(authorized),
  errors: ['NoSuchBucket', 'KeyTooLongError'],
});

/** Authorized as `s3:DeleteObject` on every key the document names, as S3 does. */
export const DeleteObjects = defineOperation({
  service: 's3',
  name: 'DeleteObjects',
  action: 's3:DeleteObject',
  readOnly: false,
  input: DeleteObjectsRequest,
  resources: (input, scope) => objectResources(scope, input.bucket, keysToDelete(input.body)),
  useCase: DeleteObjectsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: (input) => ({ bucketName: input.bucket, delete: '' }),
  errors: ['NoSuchBucket', 'MalformedXML', 'BadDigest', 'InvalidDigest', 'InvalidRequest'],
});
