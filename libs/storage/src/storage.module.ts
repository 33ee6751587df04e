import { Module } from '@nestjs/common';
import { PolicyCache } from '@app/policy';
import { BucketRepository } from './persistence/bucket.repository';
import { MultipartUploadRepository } from './persistence/multipart-upload.repository';
import { ObjectRepository } from './persistence/object.repository';
import { AbortMultipartUploadUseCase } from './use-cases/abort-multipart-upload.use-case';
import { BucketDirectory } from './use-cases/bucket-directory';
import { BuiltInObjectStore } from './use-cases/built-in-object-store';
import { CloudTrailWritePermission } from './use-cases/cloudtrail-write-permission';
import { CompleteMultipartUploadUseCase } from './use-cases/complete-multipart-upload.use-case';
import { CreateBucketUseCase } from './use-cases/create-bucket.use-case';
import { CreateMultipartUploadUseCase } from './use-cases/create-multipart-upload.use-case';
import { DeleteBucketPolicyUseCase } from './use-cases/delete-bucket-policy.use-case';
import { DeleteBucketUseCase } from './use-cases/delete-bucket.use-case';
import { DeleteObjectUseCase } from './use-cases/delete-object.use-case';
import { DeleteObjectsUseCase } from './use-cases/delete-objects.use-case';
import { GetBucketLocationUseCase } from './use-cases/get-bucket-location.use-case';
import { GetBucketPolicyUseCase } from './use-cases/get-bucket-policy.use-case';
import { GetObjectUseCase } from './use-cases/get-object.use-case';
import { HeadBucketUseCase } from './use-cases/head-bucket.use-case';
import { HeadObjectUseCase } from './use-cases/head-object.use-case';
import { ListBucketsUseCase } from './use-cases/list-buckets.use-case';
import { ListMultipartUploadsUseCase } from './use-cases/list-multipart-uploads.use-case';
import { ListObjectsV2UseCase } from './use-cases/list-objects-v2.use-case';
import { ListObjectsUseCase } from './use-cases/list-objects.use-case';
import { ListPartsUseCase } from './use-cases/list-parts.use-case';
import { ObjectContentReader } from './use-cases/object-content.reader';
import { ObjectLister } from './use-cases/object.lister';
import { ObjectWriter } from './use-cases/object.writer';
import { PutBucketPolicyUseCase } from './use-cases/put-bucket-policy.use-case';
import { PutObjectUseCase } from './use-cases/put-object.use-case';
import { StorageLocator } from './use-cases/storage.locator';
import { UploadPartUseCase } from './use-cases/upload-part.use-case';

/** The operations the S3 transport calls (one use case each). */
const useCases = [
  CreateBucketUseCase,
  DeleteBucketUseCase,
  HeadBucketUseCase,
  ListBucketsUseCase,
  GetBucketLocationUseCase,
  PutObjectUseCase,
  GetObjectUseCase,
  HeadObjectUseCase,
  DeleteObjectUseCase,
  DeleteObjectsUseCase,
  ListObjectsUseCase,
  ListObjectsV2UseCase,
  PutBucketPolicyUseCase,
  GetBucketPolicyUseCase,
  DeleteBucketPolicyUseCase,
  CreateMultipartUploadUseCase,
  UploadPartUseCase,
  CompleteMultipartUploadUseCase,
  AbortMultipartUploadUseCase,
  ListPartsUseCase,
  ListMultipartUploadsUseCase,
];

/**
 * For the authorizer (bucket owner and policy; the repository for the bucket policy facts the
 * authorization module instantiates), for CreateTrail and UpdateTrail (may CloudTrail write there)
 * and for log delivery (the same check, then the writes).
 */
const services = [BucketDirectory, BuiltInObjectStore, BucketRepository, CloudTrailWritePermission];

/**
 * The built-in S3-compatible object store (delivery.md §6), transport-independent. Needs the
 * global DatabaseModule (TransactionRunner, DataSource), ConfigModule (Clock) and CryptoModule
 * (PageTokenCodec).
 */
@Module({
  providers: [
    ObjectRepository,
    MultipartUploadRepository,
    StorageLocator,
    ObjectWriter,
    ObjectContentReader,
    ObjectLister,
    ...useCases,
    ...services,
    { provide: PolicyCache, useFactory: () => new PolicyCache(1_000) },
  ],
  exports: [...useCases, ...services],
})
export class StorageModule {}
