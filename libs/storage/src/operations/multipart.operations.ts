import { defineOperation } from '@app/platform';
import { AbortMultipartUploadUseCase } from '../use-cases/abort-multipart-upload.use-case';
import { CompleteMultipartUploadUseCase } from '../use-cases/complete-multipart-upload.use-case';
import { CreateMultipartUploadUseCase } from '../use-cases/create-multipart-upload.use-case';
import { ListMultipartUploadsUseCase } from '../use-cases/list-multipart-uploads.use-case';
import { ListPartsUseCase } from '../use-cases/list-parts.use-case';
import { UploadPartUseCase } from '../use-cases/upload-part.use-case';
import {
  CompleteMultipartUploadRequest,
  CreateMultipartUploadRequest,
  ListMultipartUploadsRequest,
  ListPartsRequest,
  UploadPartRequest,
  UploadRequest,
} from './multipart.requests';
import { bucketResource, objectAndBucket, objectNamed, objectResources } from './s3-resources';

/**
 * Multipart uploads (S3's CreateMultipartUpload … CompleteMultipartUpload): data events like
 * PutObject, authorized with S3's actions — `s3:PutObject` to create, upload parts and complete,
 * `s3:AbortMultipartUpload`, `s3:ListMultipartUploadParts`, `s3:ListBucketMultipartUploads`.
 */

const uploadOf = (input: { bucket: string; key: string; uploadId: string }) => ({
  ...objectNamed(input),
  uploadId: input.uploadId,
});
const UPLOAD_ERRORS = ['NoSuchBucket', 'NoSuchUpload'] as const;

export const CreateMultipartUpload = defineOperation({
  service: 's3',
  name: 'CreateMultipartUpload',
  action: 's3:PutObject',
  readOnly: false,
  input: CreateMultipartUploadRequest,
  resources: (input, scope) => objectResources(scope, input.bucket, [input.key]),
  conditions: (input): Record<string, string> => (input.acl ? { 's3:x-amz-acl': input.acl } : {}),
  useCase: CreateMultipartUploadUseCase,
  run: (useCase, ctx, { acl: _acl, ...input }) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: (input) => ({ ...objectNamed(input), uploads: '' }),
  responseElements: (upload) => ({ bucket: upload.bucket, key: upload.key, uploadId: upload.uploadId }),
  resourcesOf: (_output, authorized) => objectAndBucket(authorized),
  errors: ['NoSuchBucket', 'KeyTooLongError', 'MetadataTooLarge', 'InvalidArgument'],
});

export const UploadPart = defineOperation({
  service: 's3',
  name: 'UploadPart',
  action: 's3:PutObject',
  readOnly: false,
  input: UploadPartRequest,
  resources: (input, scope) => objectResources(scope, input.bucket, [input.key]),
  useCase: UploadPartUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: (input) => ({ ...uploadOf(input), partNumber: input.partNumber }),
  resourcesOf: (_output, authorized) => objectAndBucket(authorized),
  errors: [
    ...UPLOAD_ERRORS,
    'EntityTooLarge',
    'BadDigest',
    'InvalidDigest',
    'XAmzContentSHA256Mismatch',
    'IncompleteBody',
    'InvalidArgument',
    'InvalidRequest',
    'MissingContentLength',
  ],
});

export const CompleteMultipartUpload = defineOperation({
  service: 's3',
  name: 'CompleteMultipartUpload',
  action: 's3:PutObject',
  readOnly: false,
  input: CompleteMultipartUploadRequest,
  resources: (input, scope) => objectResources(scope, input.bucket, [input.key]),
  useCase: CompleteMultipartUploadUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: (input) => uploadOf(input),
  responseElements: (result) => ({ ETag: result.etag.replace(/"/g, '') }),
  resourcesOf: (_output, authorized) => objectAndBucket(authorized),
  errors: [
    ...UPLOAD_ERRORS,
    'MalformedXML',
    'InvalidPart',
    'InvalidPartOrder',
    'EntityTooSmall',
    'EntityTooLarge',
  ],
});

export const AbortMultipartUpload = defineOperation({
  service: 's3',
  name: 'AbortMultipartUpload',
  readOnly: false,
  input: UploadRequest,
  resources: (input, scope) => objectResources(scope, input.bucket, [input.key]),
  useCase: AbortMultipartUploadUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: (input) => uploadOf(input),
  resourcesOf: (_output, authorized) => objectAndBucket(authorized),
  errors: [...UPLOAD_ERRORS],
});

export const ListParts = defineOperation({
  service: 's3',
  name: 'ListParts',
  action: 's3:ListMultipartUploadParts',
  readOnly: true,
  input: ListPartsRequest,
  resources: (input, scope) => objectResources(scope, input.bucket, [input.key]),
  useCase: ListPartsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: (input) => uploadOf(input),
  resourcesOf: (_output, authorized) => objectAndBucket(authorized),
  errors: [...UPLOAD_ERRORS, 'InvalidArgument'],
});

export const ListMultipartUploads = defineOperation({
  service: 's3',
  name: 'ListMultipartUploads',
  action: 's3:ListBucketMultipartUploads',
  readOnly: true,
  input: ListMultipartUploadsRequest,
  resources: async (input, scope) => [await bucketResource(scope, input.bucket)],
  useCase: ListMultipartUploadsUseCase,
  run: (useCase, ctx, input) => useCase.execute(ctx, input),
  eventCategory: 'Data',
  requestParameters: ({ bucket, ...listing }) => ({ bucketName: bucket, uploads: '', ...listing }),
  errors: ['NoSuchBucket', 'InvalidArgument'],
});
