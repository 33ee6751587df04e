import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, TransactionRunner, withContentTime } from '@app/platform';
import { etagOf, verifyChecksum, verifyContentMd5, type ChecksumClaim } from '../domain/checksums';
import { assertObjectKey, assertObjectSize, normalizeUserMetadata } from '../domain/object-limits';
import { DEFAULT_CONTENT_TYPE, type ObjectHead, type ObjectHeaders } from '../domain/stored-object';
import { ObjectRepository, type NewObject } from '../persistence/object.repository';
import { StorageLocator } from './storage.locator';

/** An object to write, with what the client claims about it. */
export interface ObjectWrite extends Partial<ObjectHeaders> {
  readonly bucket: string;
  readonly key: string;
  /** The object's bytes (for PutObject: `decodeObjectPayload(…).bytes`). */
  readonly content: Buffer;
  /** Content-MD5 header, checked against the content. */
  readonly contentMd5?: string;
  /** An `x-amz-checksum-*` header or trailer, checked against the content and kept. */
  readonly checksum?: ChecksumClaim;
  readonly userMetadata?: Readonly<Record<string, string>>;
}

/**
 * Writes objects whole, replacing any object under their keys: every check first (key, size,
 * metadata, digests, bucket), then upserts, so a refused write changes nothing.
 */
@Injectable()
export class ObjectWriter {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locate: StorageLocator,
    private readonly objects: ObjectRepository,
    private readonly clock: Clock,
  ) {}

  async write(input: ObjectWrite): Promise<ObjectHead> {
    const object = this.prepare(input);
    await this.tx.run(async (em) => {
      await this.locate.bucket(em, input.bucket);
      await withContentTime(object.content.length, () => this.objects.put(em, object));
    });
    return object.head;
  }

  /**
   * Writes several objects in one transaction and few statements (multi-row upserts): all or
   * none. A key given twice keeps its last content.
   */
  async writeMany(inputs: readonly ObjectWrite[]): Promise<ObjectHead[]> {
    const objects = inputs.map((input) => this.prepare(input));
    const latest = new Map(objects.map((object) => [`${object.head.bucket}/${object.head.key}`, object]));
    await this.tx.run(async (em) => {
      for (const bucket of new Set(objects.map((object) => object.head.bucket)))
        await this.locate.bucket(em, bucket);
      const written = [...latest.values()];
      const bytes = written.reduce((total, object) => total + object.content.length, 0);
      await withContentTime(bytes, () => this.objects.putMany(em, written));
    });
    return objects.map((object) => object.head);
  }

  /** Every check that needs no database, and the head to store. */
  private prepare(input: ObjectWrite): NewObject {
    assertObjectKey(input.key);
    assertObjectSize(input.content.length);
    const userMetadata = normalizeUserMetadata(input.userMetadata ?? {});
    if (input.contentMd5 !== undefined) verifyContentMd5(input.contentMd5, input.content);
    if (input.checksum !== undefined) verifyChecksum(input.checksum, input.content);
    const head: ObjectHead = {
      bucket: input.bucket,
      key: input.key,
      size: input.content.length,
      etag: etagOf(input.content),
      lastModified: this.clock.now(),
      contentType: input.contentType ?? DEFAULT_CONTENT_TYPE,
      contentEncoding: input.contentEncoding,
      contentDisposition: input.contentDisposition,
      contentLanguage: input.contentLanguage,
      cacheControl: input.cacheControl,
      expires: input.expires,
      userMetadata,
      checksum: input.checksum,
      revision: randomUUID(),
    };
    return { head, content: input.content };
  }
}
