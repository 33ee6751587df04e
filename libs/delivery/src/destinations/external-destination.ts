import {
  GetObjectCommand,
  ListObjectsCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Injectable } from '@nestjs/common';
import { type IntegrityObjectReader, type StoredObject } from '@app/integrity';
import { Clock, EnvSchema, TransactionRunner } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { DeliveredDigestRepository, type PlannedDigest } from '../persistence/delivered-digest.repository';
import { DeliveredFileRepository } from '../persistence/delivered-file.repository';
import { DeliveryStateRepository } from '../persistence/delivery-state.repository';
import { StagedDigestRepository } from '../persistence/staged-digest.repository';
import { StagedFileRepository } from '../persistence/staged-file.repository';
import {
  DeliveryFailure,
  digestUserMetadata,
  LogDestination,
  type PlannedLogFile,
  type TrailWriter,
} from './log-destination';

/** Staged files uploaded per flush round (each recorded as delivered once its upload succeeded). */
const UPLOAD_BATCH = 50;

/**
 * An external S3-compatible service (`TRAILPLANE_S3_ENDPOINT`: MinIO, Ceph RGW, AWS S3) through
 * `@aws-sdk/client-s3`. Files are staged with the delivery cursor, then uploaded; an upload that
 * fails (no such bucket, access denied, the store down) leaves them staged for the next attempt.
 */
@Injectable()
export class ExternalLogDestination extends LogDestination {
  private readonly client: S3Client;
  readonly objects: IntegrityObjectReader = {
    list: (bucket, prefix, startAfter) => this.listKeys(bucket, prefix, startAfter),
    get: (bucket, key) => this.getObject(bucket, key),
  };

  constructor(
    env: EnvSchema,
    private readonly tx: TransactionRunner,
    private readonly staged: StagedFileRepository,
    private readonly delivered: DeliveredFileRepository,
    private readonly stagedDigests: StagedDigestRepository,
    private readonly deliveredDigests: DeliveredDigestRepository,
    private readonly state: DeliveryStateRepository,
    private readonly clock: Clock,
  ) {
    super();
    this.client = new S3Client({
      endpoint: env.TRAILPLANE_S3_ENDPOINT,
      region: env.TRAILPLANE_S3_REGION,
      forcePathStyle: env.TRAILPLANE_S3_FORCE_PATH_STYLE === 'true',
      maxAttempts: 2,
      ...(env.TRAILPLANE_S3_ACCESS_KEY_ID && env.TRAILPLANE_S3_SECRET_ACCESS_KEY
        ? {
            credentials: {
              accessKeyId: env.TRAILPLANE_S3_ACCESS_KEY_ID,
              secretAccessKey: env.TRAILPLANE_S3_SECRET_ACCESS_KEY,
            },
          }
        : {}),
    });
  }

  async deliver(em: EntityManager, _writer: TrailWriter, files: readonly PlannedLogFile[]): Promise<boolean> {
    await this.staged.insertMany(em, files);
    return false;
  }

  async deliverDigests(
    em: EntityManager,
    _writer: TrailWriter,
    digests: readonly PlannedDigest[],
  ): Promise<boolean> {
    await this.stagedDigests.insertMany(em, digests);
    return false;
  }

  async flush(trailId: string): Promise<void> {
    for (;;) {
      const files = await this.tx.read((em) => this.staged.ofTrail(em, trailId, UPLOAD_BATCH));
      if (files.length === 0) return;
      for (const file of files) await this.upload(file.bucket, file.key, file.body);
      await this.tx.run(async (em) => {
        await this.delivered.insertMany(em, files);
        await this.staged.remove(
          em,
          trailId,
          files.map((file) => file.key),
        );
        await this.state.recordAttempt(em, trailId, { at: this.clock.now(), delivered: true });
      });
    }
  }

  async flushDigests(trailId: string): Promise<void> {
    for (;;) {
      const digests = await this.tx.read((em) => this.stagedDigests.ofTrail(em, trailId, UPLOAD_BATCH));
      if (digests.length === 0) return;
      for (const digest of digests) {
        await this.upload(digest.bucket, digest.key, digest.body, digestUserMetadata(digest));
      }
      await this.tx.run(async (em) => {
        await this.deliveredDigests.insertMany(em, digests);
        await this.stagedDigests.remove(
          em,
          trailId,
          digests.map((digest) => digest.key),
        );
        await this.state.recordDigestAttempt(em, trailId, { at: this.clock.now() });
      });
    }
  }

  private async *listKeys(bucket: string, prefix: string, startAfter: string): AsyncGenerator<string> {
    let marker = startAfter;
    for (;;) {
      const page = await this.client.send(
        new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: marker || undefined }),
      );
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key === undefined ? [] : [object.Key]));
      yield* keys;
      if (!page.IsTruncated || keys.length === 0) return;
      marker = page.NextMarker ?? keys[keys.length - 1];
    }
  }

  private async getObject(bucket: string, key: string): Promise<StoredObject | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = Buffer.from(
        await (object.Body?.transformToByteArray() ?? Promise.resolve(new Uint8Array())),
      );
      return { body, metadata: object.Metadata ?? {} };
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  private async upload(
    bucket: string,
    key: string,
    body: Buffer,
    metadata?: Record<string, string>,
  ): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: 'application/json',
          ContentEncoding: 'gzip',
          ACL: 'bucket-owner-full-control',
          Metadata: metadata,
        }),
      );
    } catch (error) {
      throw new DeliveryFailure(error instanceof S3ServiceException ? error.name : describe(error));
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : 'Unknown error';
}
