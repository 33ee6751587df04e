import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { StorageLocator } from './storage.locator';

/** GetBucketLocation: the bucket's Region (`renderLocationConstraint` writes us-east-1 as empty). */
@Injectable()
export class GetBucketLocationUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
  ) {}

  async execute(_ctx: RequestContext, input: { readonly bucket: string }): Promise<{ region: string }> {
    const bucket = await this.tx.read((em) => this.locate.bucket(em, input.bucket));
    return { region: bucket.region };
  }
}
