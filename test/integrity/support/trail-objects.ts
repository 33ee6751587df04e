import { gunzipSync } from 'node:zlib';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { type TestCredentials } from '../../support/credentials';

/** A digest file as a reader of the bucket sees it through the S3 API. */
export interface ReadDigest {
  readonly bucket: string;
  readonly key: string;
  readonly body: Buffer;
  readonly metadata: Record<string, string>;
  readonly json: {
    readonly digestStartTime: string;
    readonly digestEndTime: string;
    readonly digestPublicKeyFingerprint: string;
    readonly previousDigestS3Object: string | null;
    readonly logFiles: ReadonlyArray<{ readonly s3Bucket: string; readonly s3Object: string }>;
  };
}

/** An object's bytes and user metadata, enough to put it back exactly as it was. */
export interface ObjectCopy {
  readonly body: Buffer;
  readonly metadata: Record<string, string>;
}

/**
 * A trail's bucket through the S3 API of Trailplane's built-in store, with the bucket owner's
 * credentials and the AWS SDK's default settings (path-style, as the CLI sends): what a platform
 * team, or an intruder with write access, does to the files.
 */
export class TrailObjects {
  private readonly s3: S3Client;
  /** Digests already read: a digest never changes unless a test tampers with it (and restores it). */
  private readonly digests = new Map<string, ReadDigest>();

  constructor(
    endpoint: string,
    credentials: TestCredentials,
    readonly bucket: string,
  ) {
    this.s3 = new S3Client({
      endpoint,
      region: 'us-east-1',
      credentials,
      forcePathStyle: true,
      maxAttempts: 1,
    });
  }

  /** The digests under `folder` (`…/CloudTrail-Digest/<region>/`), oldest first. */
  async digestsUnder(folder: string): Promise<ReadDigest[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: folder, ContinuationToken: token }),
      );
      keys.push(...(page.Contents ?? []).map((object) => object.Key as string));
      token = page.NextContinuationToken;
    } while (token);
    const digests: ReadDigest[] = [];
    for (const key of keys) {
      let digest = this.digests.get(key);
      if (!digest) {
        const { body, metadata } = await this.read(key);
        digest = {
          bucket: this.bucket,
          key,
          body,
          metadata,
          json: JSON.parse(gunzipSync(body).toString('utf8')),
        };
        this.digests.set(key, digest);
      }
      digests.push(digest);
    }
    return digests.sort((a, b) => a.json.digestEndTime.localeCompare(b.json.digestEndTime));
  }

  async read(key: string): Promise<ObjectCopy> {
    const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return {
      body: Buffer.from(
        await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
      ),
      metadata: object.Metadata ?? {},
    };
  }

  async write(key: string, object: ObjectCopy): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: object.body, Metadata: object.metadata }),
    );
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Runs `tampering` on the keys given, then puts them back as they were (or deletes them if they were not). */
  async tampered<T>(keys: readonly string[], tampering: () => Promise<T>): Promise<T> {
    const before = await Promise.all(keys.map((key) => this.read(key).catch(() => null)));
    try {
      return await tampering();
    } finally {
      for (const [index, key] of keys.entries()) {
        const original = before[index];
        if (original) await this.write(key, original);
        else await this.delete(key);
      }
    }
  }

  close(): void {
    this.s3.destroy();
  }
}
