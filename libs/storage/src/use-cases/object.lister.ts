import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@app/platform';
import { type Bucket } from '../domain/bucket';
import { collectListing, type ListingPage, type ListingQuery } from '../domain/object-listing';
import { type ObjectSummary } from '../domain/stored-object';
import { ObjectRepository } from '../persistence/object.repository';
import { StorageLocator } from './storage.locator';

/** Runs a listing over the key index of one bucket (shared by ListObjects v1 and v2). */
@Injectable()
export class ObjectLister {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
    private readonly objects: ObjectRepository,
  ) {}

  async list(
    bucketName: string,
    query: ListingQuery,
  ): Promise<{ bucket: Bucket; page: ListingPage<ObjectSummary> }> {
    return this.tx.read(async (em) => {
      const bucket = await this.locate.bucket(em, bucketName);
      const page = await collectListing(query, (request) => this.objects.listPage(em, bucketName, request));
      return { bucket, page };
    });
  }
}
