import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@app/platform';
import { MAX_LIST_KEYS } from '../domain/object-listing';
import { type ObjectHead, type ObjectHeaders } from '../domain/stored-object';
import { ObjectRepository } from '../persistence/object.repository';
import { CONTENT_SLICE_BYTES, ObjectContentReader } from './object-content.reader';
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
 * The built-in store as Trailplane's own writers and readers see it (log and digest delivery,
 * integrity checks): PutObject, ListObjects and GetObject without a transport. It checks what
 * PutObject checks (bucket exists, key, size, metadata) but authorizes nothing: the caller has
 * already authorized the access (as the CloudTrail service principal against the bucket policy,
 * or as the trail's reader).
 */
@Injectable()
export class BuiltInObjectStore {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly writer: ObjectWriter,
    private readonly objects: ObjectRepository,
    private readonly content: ObjectContentReader,
  ) {}

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

  /** Keys under `prefix` after `startAfter`, in S3's byte order, read a page at a time. */
  async *listKeys(bucket: string, prefix: string, startAfter: string): AsyncGenerator<string> {
    let after = startAfter;
    for (;;) {
      const page = await this.tx.read((em) =>
        this.objects.listPage(em, bucket, { prefix, after: after || undefined, limit: MAX_LIST_KEYS }),
      );
      for (const object of page) yield object.key;
      if (page.length < MAX_LIST_KEYS) return;
      after = page[page.length - 1].key;
    }
  }

  /** The object's head and whole content; undefined when there is no such object. */
  async getObject(bucket: string, key: string): Promise<{ head: ObjectHead; body: Buffer } | undefined> {
    const found = await this.tx.read((em) =>
      this.objects.headWithStart(em, bucket, key, CONTENT_SLICE_BYTES),
    );
    if (!found) return undefined;
    const parts: Buffer[] = [];
    for await (const part of this.content.stream(found.head, 0, found.head.size, found.start))
      parts.push(part);
    return { head: found.head, body: Buffer.concat(parts) };
  }
}
