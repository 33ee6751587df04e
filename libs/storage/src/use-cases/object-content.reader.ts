import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type ObjectHead } from '../domain/stored-object';
import { ObjectChangedDuringReadError } from '../domain/storage.errors';
import { ObjectRepository } from '../persistence/object.repository';

/** Bytes per read of object content: a 64 MiB object streams in 64 statements, never whole. */
export const CONTENT_SLICE_BYTES = 1024 * 1024;

/**
 * Streams object content slice by slice. Each slice is read at the revision the head was read at,
 * so a body is never spliced from two versions: if the object is replaced or deleted mid-stream,
 * the stream fails (the transport aborts the response). Slices are read with the pool, outside
 * any request transaction, because the stream outlives the request handler's transaction.
 */
@Injectable()
export class ObjectContentReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly objects: ObjectRepository,
  ) {}

  /** `length` bytes from `offset`, the first of which (`first`) were read already. */
  async *stream(head: ObjectHead, offset: number, length: number, first: Buffer): AsyncGenerator<Buffer> {
    if (first.length > 0) yield first;
    let position = offset + first.length;
    const end = offset + length;
    while (position < end) {
      const size = Math.min(CONTENT_SLICE_BYTES, end - position);
      const slice = await this.slice(head, position, size);
      if (slice === undefined || slice.length !== size) throw new ObjectChangedDuringReadError(head.key);
      yield slice;
      position += size;
    }
  }

  /** A slice of the object at `head.revision`; undefined when the object changed since. */
  slice(head: ObjectHead, offset: number, length: number): Promise<Buffer | undefined> {
    return this.objects.readSlice(
      this.dataSource.manager,
      head.bucket,
      head.key,
      head.revision,
      offset,
      length,
    );
  }
}
