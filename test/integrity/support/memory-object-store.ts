import { type IntegrityObjectReader, type StoredObject } from '@app/integrity';

/** Buckets in memory: what the fake endpoint serves and the server-side validator reads. */
export class MemoryObjectStore implements IntegrityObjectReader {
  private readonly buckets = new Map<string, { region: string; objects: Map<string, StoredObject> }>();

  createBucket(bucket: string, region: string): void {
    this.buckets.set(bucket, { region, objects: new Map() });
  }

  bucketRegion(bucket: string): string | undefined {
    return this.buckets.get(bucket)?.region;
  }

  put(bucket: string, key: string, body: Buffer, metadata: Record<string, string> = {}): void {
    this.objects(bucket).set(key, { body, metadata });
  }

  delete(bucket: string, key: string): void {
    this.objects(bucket).delete(key);
  }

  /** Keys under `prefix` after `startAfter`, in S3's order (UTF-8 bytes). */
  keys(bucket: string, prefix: string, startAfter: string): string[] {
    return [...this.objects(bucket).keys()]
      .filter((key) => key.startsWith(prefix) && byteOrder(key, startAfter) > 0)
      .sort(byteOrder);
  }

  async *list(bucket: string, prefix: string, startAfter: string): AsyncIterable<string> {
    yield* this.keys(bucket, prefix, startAfter);
  }

  async get(bucket: string, key: string): Promise<StoredObject | null> {
    return this.objects(bucket).get(key) ?? null;
  }

  /** A copy of every bucket, so a test can tamper with it and leave the original intact. */
  clone(): MemoryObjectStore {
    const copy = new MemoryObjectStore();
    for (const [name, bucket] of this.buckets) {
      copy.buckets.set(name, { region: bucket.region, objects: new Map(bucket.objects) });
    }
    return copy;
  }

  private objects(bucket: string): Map<string, StoredObject> {
    const found = this.buckets.get(bucket);
    if (!found) throw new Error(`No bucket ${bucket}`);
    return found.objects;
  }
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
