import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@app/platform';
import { type BucketAccessFacts } from '../domain/bucket';
import { isStorableText } from '../domain/object-limits';
import { BucketRepository } from '../persistence/bucket.repository';

/**
 * What the authorizer (and CreateTrail's destination check) asks about a bucket: does it exist,
 * which account owns it, and what is its policy. Reads in the current transaction when there is one.
 */
@Injectable()
export class BucketDirectory {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly buckets: BucketRepository,
  ) {}

  /** Undefined when there is no such bucket. */
  async accessFacts(bucket: string): Promise<BucketAccessFacts | undefined> {
    if (!isStorableText(bucket)) return undefined;
    return this.tx.read((em) => this.buckets.findAccessFacts(em, bucket));
  }
}
