import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type PlannedLogFile } from '../destinations/log-destination';

interface StagedRow {
  readonly trail_id: string;
  readonly account_id: string;
  readonly region: string;
  readonly bucket: string;
  readonly key: string;
  readonly delivered_at: Date;
  readonly records: number;
  readonly sha256: string;
  readonly oldest_event_time: Date;
  readonly newest_event_time: Date;
  readonly body: Buffer;
}

/**
 * Files planned for an external store, committed with the delivery cursor and kept until their
 * upload succeeded: a crash between the two uploads the same bytes under the same key again.
 */
@Injectable()
export class StagedFileRepository {
  async insertMany(em: EntityManager, files: readonly PlannedLogFile[]): Promise<void> {
    if (files.length === 0) return;
    await sql(
      em,
      `INSERT INTO staged_log_files (trail_id, account_id, region, bucket, key, delivered_at, records, sha256,
                                     oldest_event_time, newest_event_time, body)
       SELECT * FROM unnest($1::uuid[], $2::char(12)[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                            $7::int[], $8::char(64)[], $9::timestamptz[], $10::timestamptz[], $11::bytea[])`,
      [
        files.map((f) => f.trailId),
        files.map((f) => f.accountId),
        files.map((f) => f.region),
        files.map((f) => f.bucket),
        files.map((f) => f.key),
        files.map((f) => f.deliveredAt.toISOString()),
        files.map((f) => f.records),
        files.map((f) => f.sha256),
        files.map((f) => f.oldestEventTime.toISOString()),
        files.map((f) => f.newestEventTime.toISOString()),
        files.map((f) => f.body),
      ],
    );
  }

  async ofTrail(em: EntityManager, trailId: string, limit: number): Promise<PlannedLogFile[]> {
    const { rows } = await sql<StagedRow>(
      em,
      `SELECT * FROM staged_log_files WHERE trail_id = $1 ORDER BY delivered_at, key LIMIT $2`,
      [trailId, limit],
    );
    return rows.map((row) => ({
      trailId: row.trail_id,
      accountId: row.account_id,
      region: row.region,
      bucket: row.bucket,
      key: row.key,
      deliveredAt: row.delivered_at,
      records: row.records,
      bytes: row.body.length,
      sha256: row.sha256,
      oldestEventTime: row.oldest_event_time,
      newestEventTime: row.newest_event_time,
      body: row.body,
    }));
  }

  /** When the oldest file still awaiting upload was delivered: digests cannot cover past it yet. */
  async oldestDeliveredAt(em: EntityManager, trailId: string): Promise<Date | null> {
    const { rows } = await sql<{ oldest: Date | null }>(
      em,
      `SELECT min(delivered_at) AS oldest FROM staged_log_files WHERE trail_id = $1`,
      [trailId],
    );
    return rows[0].oldest;
  }

  async remove(em: EntityManager, trailId: string, keys: readonly string[]): Promise<void> {
    await sql(em, `DELETE FROM staged_log_files WHERE trail_id = $1 AND key = ANY($2::text[])`, [
      trailId,
      keys,
    ]);
  }
}
