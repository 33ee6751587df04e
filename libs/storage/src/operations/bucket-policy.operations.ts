import { defineOperation } from '@app/platform';
import { DeleteBucketPolicyUseCase } from '../use-cases/delete-bucket-policy.use-case';
import { GetBucketPolicyUseCase } from '../use-cases/get-bucket-policy.use-case';
import { PutBucketPolicyUseCase } from '../use-cases/put-bucket-policy.use-case';
import { bucketResource } from './s3-resources';
import { BucketRequest, PutBucketPolicyRequest } from './s3.requests';

/** Bucket policies (delivery.md §6.2): the bucket's resource-based policy. */

export const PutBucketPolicy = defineOperation({
  service: 's3',
  name: 'PutBucketPolicy',
  readOnly: false,
  input: PutBucketPolicyRequest,
  resources: async (input, scope) => [await bucketResource(scope, input.bucket)],
  useCase: PutBucketPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  requestParameters: (input) => ({ bucketName: input.bucket, bucketPolicy: input.policy, policy: '' }),
  errors: ['NoSuchBucket', 'MalformedPolicy'],
});

export const GetBucketPolicy = defineOperation({
  service: 's3',
  name: 'GetBucketPolicy',
  readOnly: true,
  input: BucketRequest,
  resources: async (input, scope) => [await bucketResource(scope, input.bucket)],
  useCase: GetBucketPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  requestParameters: (input) => ({ bucketName: input.bucket, policy: '' }),
  errors: ['NoSuchBucket', 'NoSuchBucketPolicy'],
});

export const DeleteBucketPolicy = defineOperation({
  service: 's3',
  name: 'DeleteBucketPolicy',
  readOnly: false,
  input: BucketRequest,
  resources: async (input, scope) => [await bucketResource(scope, input.bucket)],
  useCase: DeleteBucketPolicyUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  requestParameters: (input) => ({ bucketName: input.bucket, policy: '' }),
  errors: ['NoSuchBucket'],
});
