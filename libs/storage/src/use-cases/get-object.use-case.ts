import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { parseRange, rangeLength, type ByteRange } from '../domain/byte-range';
import { isStorableText } from '../domain/object-limits';
import { type ObjectHead } from '../domain/stored-object';
import { ObjectChangedDuringReadError } from '../domain/storage.errors';
import { ObjectRepository } from '../persistence/object.repository';
import { CONTENT_SLICE_BYTES, ObjectContentReader } from './object-content.reader';
import { StorageLocator } from './storage.locator';

export interface GetObjectInput {
  readonly bucket: string;
  readonly key: string;
  /** The Range header as sent. */
  readonly range?: string;
}

export interface GetObjectOutput {
  readonly head: ObjectHead;
  /** Set for a 206 answer (Content-Range: `contentRange(range, head.size)`). */
  readonly range?: ByteRange;
  readonly contentLength: number;
  /** The bytes, read slice by slice as the consumer pulls them. */
  readonly body: AsyncIterable<Buffer>;
}

/** Attempts at reading a head and its first slice at the same revision, under concurrent overwrites. */
const READ_ATTEMPTS = 3;

/**
 * GetObject: head and body, whole or one byte range. The first slice is read before answering,
 * so NoSuchBucket, NoSuchKey and InvalidRange come before any byte is sent; the rest streams.
 */
@Injectable()
export class GetObjectUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
    private readonly objects: ObjectRepository,
    private readonly content: ObjectContentReader,
  ) {}

  async execute(_ctx: RequestContext, input: GetObjectInput): Promise<GetObjectOutput> {
    if (input.range === undefined) return this.whole(input);
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      const head = await this.tx.read((em) => this.locate.object(em, input.bucket, input.key));
      const range = parseRange(input.range, head.size);
      const offset = range?.start ?? 0;
      const length = range ? rangeLength(range) : head.size;
      const first = await this.content.slice(head, offset, Math.min(length, CONTENT_SLICE_BYTES));
      if (first === undefined) continue;
      return { head, range, contentLength: length, body: this.content.stream(head, offset, length, first) };
    }
    throw new ObjectChangedDuringReadError(input.key);
  }

  /** Without a Range: the head and the first slice in one statement. */
  private async whole(input: GetObjectInput): Promise<GetObjectOutput> {
    const found = await this.tx.read(async (em) => {
      const read =
        isStorableText(input.key) && isStorableText(input.bucket)
          ? await this.objects.headWithStart(em, input.bucket, input.key, CONTENT_SLICE_BYTES)
          : undefined;
      return read ?? this.locate.missingObject(em, input.bucket, input.key);
    });
    const { head, start } = found;
    return { head, contentLength: head.size, body: this.content.stream(head, 0, head.size, start) };
  }
}
