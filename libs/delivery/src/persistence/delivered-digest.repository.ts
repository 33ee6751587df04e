import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';

/** A digest as delivery recorded it. */
export interface DeliveredDigest {
  readonly trailId: string;
  readonly accountId: string;
  readonly region: string;
  readonly bucket: string;
  readonly key: string;
  readonly startTime: Date;
  readonly endTime: Date;
  readonly deliveredAt: Date;
  /** How many log files it lists. */
  readonly logFiles: number;
}

/** A digest ready to write: its record, its gzip body and its hex signature (object metadata). */
export interface PlannedDigest extends DeliveredDigest {
  readonly body: Buffer;
  readonly signature: string;
}

export const DIGEST_COLUMNS = `trail_id, account_id, region, bucket, key, start_time, end_time, delivered_at, log_files`;

/** The unnest arguments ($1–$9) of DIGEST_COLUMNS for a multi-row insert. */
export const DIGEST_VALUES = `unnest($1::uuid[], $2::char(12)[], $3::text[], $4::text[], $5::text[],
                                     $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::int[])`;

export function digestColumns(digests: readonly DeliveredDigest[]): unknown[] {
  return [
    digests.map((d) => d.trailId),
    digests.map((d) => d.accountId),
    digests.map((d) => d.region),
    digests.map((d) => d.bucket),
    digests.map((d) => d.key),
    digests.map((d) => d.startTime.toISOString()),
    digests.map((d) => d.endTime.toISOString()),
    digests.map((d) => d.deliveredAt.toISOString()),
    digests.map((d) => d.logFiles),
  ];
}

@Injectable()
export class DeliveredDigestRepository {
  /** Records written digests (one written twice, by a retried upload, stays one). */
  async insertMany(em: EntityManager, digests: readonly DeliveredDigest[]): Promise<void> {
    if (digests.length === 0) return;
    await sql(
      em,
      `INSERT INTO delivered_digests (${DIGEST_COLUMNS}) SELECT * FROM ${DIGEST_VALUES} ON CONFLICT DO NOTHING`,
      digestColumns(digests),
    );
  }
}
