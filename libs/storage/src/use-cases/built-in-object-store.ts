import { Injectable } from '@nestjs/common';
import { type ObjectHead, type ObjectHeaders } from '../domain/stored-object';
import { ObjectWriter } from './object.writer';

/** What a writer inside Trailplane sets on an object besides its bytes. */
export interface BuiltInObjectMetadata extends Partial<ObjectHeaders> {
  /** `x-amz-meta-*` names (without the prefix) and values, e.g. a digest's `signature`. */
  readonly userMetadata?: Readonly<Record<string, string>>;
}

export interface BuiltInObject {
  readonly bucket: string;
  readonly key: string;
  readonly content: Buffer;
  readonly metadata?: BuiltInObjectMetadata;
}

/**
 * The built-in store as Trailplane's own writers see it (log and digest delivery): a PutObject
 * without a transport. It checks what PutObject checks (bucket exists, key, size, metadata) but
 * authorizes nothing: the caller has already authorized the write as the CloudTrail service
 * principal against the bucket policy.
 */
@Injectable()
export class BuiltInObjectStore {
  constructor(private readonly writer: ObjectWriter) {}

  /** @throws NoSuchBucketError, KeyTooLongError, EntityTooLargeError, MetadataTooLargeError */
  async putObject(
    bucket: string,
    key: string,
    content: Buffer,
    metadata: BuiltInObjectMetadata = {},
  ): Promise<ObjectHead> {
    return this.writer.write({ ...metadata, bucket, key, content });
  }

  /**
   * Several objects in one transaction, all or none, with multi-row inserts (a delivery run
   * writes many small files). Every content is held in memory until the commit: batch accordingly.
   */
  async putObjects(objects: readonly BuiltInObject[]): Promise<ObjectHead[]> {
    return this.writer.writeMany(
      objects.map(({ bucket, key, content, metadata }) => ({ ...metadata, bucket, key, content })),
    );
  }
}
