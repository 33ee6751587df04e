import { Injectable } from '@nestjs/common';
import { type IntegrityObjectReader } from '@app/integrity';
import { isDomainError } from '@app/platform';
import { type BuiltInObject, BuiltInObjectStore, CloudTrailWritePermission } from '@app/storage';
import { type EntityManager } from 'typeorm';
import { DeliveredDigestRepository, type PlannedDigest } from '../persistence/delivered-digest.repository';
import { DeliveredFileRepository } from '../persistence/delivered-file.repository';
import {
  DeliveryFailure,
  digestUserMetadata,
  LogDestination,
  type PlannedLogFile,
  type TrailWriter,
} from './log-destination';

const GZIPPED_JSON = { contentType: 'application/json', contentEncoding: 'gzip' } as const;

/**
 * The built-in store: objects are rows of the same database, written in the delivery run's own
 * transaction, as CloudTrail (the service principal, checked against the bucket policy).
 */
@Injectable()
export class BuiltInLogDestination extends LogDestination {
  readonly objects: IntegrityObjectReader = {
    list: (bucket, prefix, startAfter) => this.store.listKeys(bucket, prefix, startAfter),
    get: async (bucket, key) => {
      const found = await this.store.getObject(bucket, key);
      return found ? { body: found.body, metadata: found.head.userMetadata } : null;
    },
  };

  constructor(
    private readonly store: BuiltInObjectStore,
    private readonly delivered: DeliveredFileRepository,
    private readonly deliveredDigests: DeliveredDigestRepository,
    private readonly permission: CloudTrailWritePermission,
  ) {
    super();
  }

  async deliver(em: EntityManager, writer: TrailWriter, files: readonly PlannedLogFile[]): Promise<boolean> {
    if (files.length === 0) return false;
    await this.write(
      writer,
      files.map((file) => ({
        bucket: file.bucket,
        key: file.key,
        content: file.body,
        metadata: GZIPPED_JSON,
      })),
    );
    await this.delivered.insertMany(em, files);
    return true;
  }

  async deliverDigests(
    em: EntityManager,
    writer: TrailWriter,
    digests: readonly PlannedDigest[],
  ): Promise<boolean> {
    if (digests.length === 0) return false;
    await this.write(
      writer,
      digests.map((digest) => ({
        bucket: digest.bucket,
        key: digest.key,
        content: digest.body,
        metadata: { ...GZIPPED_JSON, userMetadata: digestUserMetadata(digest) },
      })),
    );
    await this.deliveredDigests.insertMany(em, digests);
    return true;
  }

  /** Nothing is ever staged: files are written with the cursor. */
  async flush(): Promise<void> {
    return Promise.resolve();
  }

  /** Nothing is ever staged: digests are written with their chains. */
  async flushDigests(): Promise<void> {
    return Promise.resolve();
  }

  private async write(writer: TrailWriter, objects: readonly BuiltInObject[]): Promise<void> {
    try {
      const refusal = await this.permission.refusal(
        writer,
        objects.map((object) => object.key),
      );
      if (refusal) throw new DeliveryFailure(refusal);
      await this.store.putObjects(objects);
    } catch (error) {
      if (isDomainError(error)) throw new DeliveryFailure(error.code);
      throw error;
    }
  }
}
