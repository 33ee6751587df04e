import { Injectable } from '@nestjs/common';
import { isDomainError } from '@app/platform';
import { BuiltInObjectStore } from '@app/storage';
import { type TrailRecord } from '@app/trails';
import { type EntityManager } from 'typeorm';
import { DeliveredFileRepository } from '../persistence/delivered-file.repository';
import { BucketWritePermission } from './bucket-write-permission';
import { DeliveryFailure, LogDestination, type PlannedLogFile } from './log-destination';

/**
 * The built-in store: objects are rows of the same database, written in the delivery run's own
 * transaction, as CloudTrail (the service principal, checked against the bucket policy).
 */
@Injectable()
export class BuiltInLogDestination extends LogDestination {
  constructor(
    private readonly store: BuiltInObjectStore,
    private readonly delivered: DeliveredFileRepository,
    private readonly permission: BucketWritePermission,
  ) {
    super();
  }

  async deliver(em: EntityManager, trail: TrailRecord, files: readonly PlannedLogFile[]): Promise<boolean> {
    if (files.length === 0) return false;
    try {
      await this.permission.assertMayWrite(
        trail,
        files.map((file) => file.key),
      );
      await this.store.putObjects(
        files.map((file) => ({
          bucket: file.bucket,
          key: file.key,
          content: file.body,
          metadata: { contentType: 'application/json', contentEncoding: 'gzip' },
        })),
      );
    } catch (error) {
      if (isDomainError(error)) throw new DeliveryFailure(error.code);
      throw error;
    }
    await this.delivered.insertMany(em, files);
    return true;
  }

  /** Nothing is ever staged: files are written with the cursor. */
  async flush(): Promise<void> {
    return Promise.resolve();
  }
}
