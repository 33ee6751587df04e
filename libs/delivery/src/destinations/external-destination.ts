import { PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Injectable } from '@nestjs/common';
import { Clock, EnvSchema, TransactionRunner } from '@app/platform';
import { type TrailRecord } from '@app/trails';
import { type EntityManager } from 'typeorm';
import { DeliveredFileRepository } from '../persistence/delivered-file.repository';
import { DeliveryStateRepository } from '../persistence/delivery-state.repository';
import { StagedFileRepository } from '../persistence/staged-file.repository';
import { DeliveryFailure, LogDestination, type PlannedLogFile } from './log-destination';

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

  constructor(
    env: EnvSchema,
    private readonly tx: TransactionRunner,
    private readonly staged: StagedFileRepository,
    private readonly delivered: DeliveredFileRepository,
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

  async deliver(em: EntityManager, _trail: TrailRecord, files: readonly PlannedLogFile[]): Promise<boolean> {
    await this.staged.insertMany(em, files);
    return false;
  }

  async flush(trailId: string): Promise<void> {
    for (;;) {
      const files = await this.tx.read((em) => this.staged.ofTrail(em, trailId, UPLOAD_BATCH));
      if (files.length === 0) return;
      for (const file of files) await this.upload(file);
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

  private async upload(file: PlannedLogFile): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: file.bucket,
          Key: file.key,
          Body: file.body,
          ContentType: 'application/json',
          ContentEncoding: 'gzip',
          ACL: 'bucket-owner-full-control',
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
