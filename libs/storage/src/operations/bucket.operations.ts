import { defineOperation } from '@app/platform';
import { CreateBucketUseCase } from '../use-cases/create-bucket.use-case';
import { DeleteBucketUseCase } from '../use-cases/delete-bucket.use-case';
import { GetBucketLocationUseCase } from '../use-cases/get-bucket-location.use-case';
import { HeadBucketUseCase } from '../use-cases/head-bucket.use-case';
import { ListBucketsUseCase } from '../use-cases/list-buckets.use-case';
import { ListObjectsV2UseCase } from '../use-cases/list-objects-v2.use-case';
import { ListObjectsUseCase } from '../use-cases/list-objects.use-case';
import { bucketResource, newBucketResource } from './s3-resources';
import {
  BucketRequest,
  CreateBucketRequest,
  ListBucketsRequest,
  ListObjectsRequest,
  ListObjectsV2Request,
} from './s3.requests';

/** The object store's bucket operations (delivery.md §6.2): management events, but for listings. */

const bucketNamed = (input: { bucket: string }) => ({ bucketName: input.bucket });

export const ListBuckets = defineOperation({
  service: 's3',
  name: 'ListBuckets',
  action: 's3:ListAllMyBuckets',
  readOnly: true,
  input: ListBucketsRequest,
  useCase: ListBucketsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventResources: 'none',
});

export const CreateBucket = defineOperation({
  service: 's3',
  name: 'CreateBucket',
  readOnly: false,
  input: CreateBucketRequest,
  resources: (input, scope) => [newBucketResource(scope, input.bucket)],
  conditions: (input): Record<string, string> => (input.acl ? { 's3:x-amz-acl': input.acl } : {}),
  useCase: CreateBucketUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  requestParameters: (input) => ({
    bucketName: input.bucket,
    ...(input.locationConstraint
      ? { CreateBucketConfiguration: { LocationConstraint: input.locationConstraint } }
      : {}),
  }),
  errors: [
    'InvalidBucketName',
    'BucketAlreadyExists',
    'BucketAlreadyOwnedByYou',
    'InvalidLocationConstraint',
    'IllegalLocationConstraintException',
    'MalformedXML',
  ],
});

export const HeadBucket = defineOperation({
  service: 's3',
  name: 'HeadBucket',
  action: 's3:ListBucket',
  readOnly: true,
  input: BucketRequest,
  resources: async (input, scope) => [await bucketResource(scope, input.bucket)],
  useCase: HeadBucketUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  requestParameters: bucketNamed,
  errors: ['NoSuchBucket'],
});

export const DeleteBucket = defineOperation({
  service: 's3',
  name: 'DeleteBucket',
  readOnly: false,
  input: BucketRequest,
  resources: async (input, scope) => [await bucketResource(scope, input.bucket)],
  useCase: DeleteBucketUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  requestParameters: bucketNamed,
  errors: ['NoSuchBucket', 'BucketNotEmpty'],
});

export const GetBucketLocation = defineOperation({
  service: 's3',
  name: 'GetBucketLocation',
  readOnly: true,
  input: BucketRequest,
  resources: async (input, scope) => [await bucketResource(scope, input.bucket)],
  useCase: GetBucketLocationUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  requestParameters: (input) => ({ bucketName: input.bucket, location: '' }),
  errors: ['NoSuchBucket'],
});

export const ListObjects = defineOperation({
  service: 's3',
  name: 'ListObjects',
  action: 's3:ListBucket',
  readOnly: true,
  input: ListObjectsRequest,
  resources: async (input, scope) => [await bucketResource(scope, input.bucket)],
  conditions: (input): Record<string, string> => listingConditions(input),
  useCase: ListObjectsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: ({ bucket, ...listing }) => ({ bucketName: bucket, ...listing }),
  errors: ['NoSuchBucket', 'InvalidArgument'],
});

export const ListObjectsV2 = defineOperation({
  service: 's3',
  name: 'ListObjectsV2',
  action: 's3:ListBucket',
  readOnly: true,
  input: ListObjectsV2Request,
  resources: async (input, scope) => [await bucketResource(scope, input.bucket)],
  conditions: (input): Record<string, string> => listingConditions(input),
  useCase: ListObjectsV2UseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: ({ bucket, ...listing }) => ({ bucketName: bucket, 'list-type': '2', ...listing }),
  errors: ['NoSuchBucket', 'InvalidArgument'],
});

/** `s3:prefix`, `s3:delimiter` and `s3:max-keys` of a listing, as S3 offers them to policies. */
function listingConditions(input: Partial<ListObjectsRequest>): Record<string, string> {
  const conditions: Record<string, string> = {};
  if (typeof input.prefix === 'string') conditions['s3:prefix'] = input.prefix;
  if (typeof input.delimiter === 'string') conditions['s3:delimiter'] = input.delimiter;
  if (typeof input.maxKeys === 'number') conditions['s3:max-keys'] = String(input.maxKeys);
  return conditions;
}
