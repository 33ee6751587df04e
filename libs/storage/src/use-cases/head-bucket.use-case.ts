import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type Bucket } from '../domain/bucket';
import { StorageLocator } from './storage.locator';

/** HeadBucket: the bucket (its Region goes in `x-amz-bucket-region`), or NoSuchBucket. */
@Injectable()
export class HeadBucketUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
  ) {}

  async execute(_ctx: RequestContext, input: { readonly bucket: string }): Promise<Bucket> {
    return this.tx.read((em) => this.locate.bucket(em, input.bucket));
  }
}
