import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { parseRange, rangeLength, type ByteRange } from '../domain/byte-range';
import { type ObjectHead } from '../domain/stored-object';
import { StorageLocator } from './storage.locator';

export interface HeadObjectOutput {
  readonly head: ObjectHead;
  /** Set when a satisfiable Range was sent: S3 answers HEAD with 206 and Content-Range too. */
  readonly range?: ByteRange;
  readonly contentLength: number;
}

/** HeadObject: GetObject without the body (a 404 HEAD answer has no error document). */
@Injectable()
export class HeadObjectUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
  ) {}

  async execute(
    _ctx: RequestContext,
    input: { readonly bucket: string; readonly key: string; readonly range?: string },
  ): Promise<HeadObjectOutput> {
    const head = await this.tx.read((em) => this.locate.object(em, input.bucket, input.key));
    const range = parseRange(input.range, head.size);
    return { head, range, contentLength: range ? rangeLength(range) : head.size };
  }
}
