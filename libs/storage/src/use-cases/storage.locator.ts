import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type Bucket } from '../domain/bucket';
import { isUploadId } from '../domain/multipart';
import { isStorableText } from '../domain/object-limits';
import { type ObjectHead } from '../domain/stored-object';
import { NoSuchBucketError, NoSuchKeyError, NoSuchUploadError } from '../domain/storage.errors';
import { BucketRepository } from '../persistence/bucket.repository';
import { MultipartUploadRepository, type MultipartUpload } from '../persistence/multipart-upload.repository';
import { ObjectRepository } from '../persistence/object.repository';

/** Finds buckets, objects and uploads or answers S3's NoSuchBucket / NoSuchKey / NoSuchUpload. */
@Injectable()
export class StorageLocator {
  constructor(
    private readonly buckets: BucketRepository,
    private readonly objects: ObjectRepository,
    private readonly uploads: MultipartUploadRepository,
  ) {}

  /** A name no bucket can have (too long, NUL …) is simply not found, as S3 answers for it. */
  async bucket(em: EntityManager, name: string): Promise<Bucket> {
    const bucket = name.length <= 255 && isStorableText(name) ? await this.buckets.find(em, name) : undefined;
    if (!bucket) throw new NoSuchBucketError(name);
    return bucket;
  }

  /** The object's head; one statement when it exists, a second one to tell which error when not. */
  async object(em: EntityManager, bucket: string, key: string): Promise<ObjectHead> {
    const head =
      isStorableText(key) && isStorableText(bucket) ? await this.objects.head(em, bucket, key) : undefined;
    return head ?? this.missingObject(em, bucket, key);
  }

  /** NoSuchBucket when the bucket is missing too, else NoSuchKey. */
  async missingObject(em: EntityManager, bucket: string, key: string): Promise<never> {
    await this.bucket(em, bucket);
    throw new NoSuchKeyError(key);
  }

  /**
   * The upload in progress `uploadId` of this bucket and key (locked until the transaction ends
   * with `lock`); NoSuchBucket when the bucket is missing, else NoSuchUpload when the id names no
   * upload of that object.
   */
  async upload(
    em: EntityManager,
    target: { readonly bucket: string; readonly key: string; readonly uploadId: string },
    lock = false,
  ): Promise<MultipartUpload> {
    const upload = isUploadId(target.uploadId)
      ? await this.uploads.find(em, target.uploadId, lock)
      : undefined;
    if (upload?.bucket === target.bucket && upload.key === target.key) return upload;
    await this.bucket(em, target.bucket);
    throw new NoSuchUploadError(target.uploadId);
  }
}
