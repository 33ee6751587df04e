import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';

/** A log file as delivery recorded it: where it went and what its digest entry needs. */
export interface DeliveredLogFile {
  readonly trailId: string;
  readonly accountId: string;
  readonly region: string;
  readonly bucket: string;
  readonly key: string;
  readonly deliveredAt: Date;
  readonly records: number;
  readonly bytes: number;
  /** Hex SHA-256 of the uncompressed JSON. */
  readonly sha256: string;
  readonly oldestEventTime: Date;
  readonly newestEventTime: Date;
}

interface DeliveredRow {
  readonly trail_id: string;
  readonly account_id: string;
  readonly region: string;
  readonly bucket: string;
  readonly key: string;
  readonly delivered_at: Date;
  readonly records: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly oldest_event_time: Date;
  readonly newest_event_time: Date;
}

const COLUMNS = `trail_id, account_id, region, bucket, key, delivered_at, records, bytes, sha256,
                 oldest_event_time, newest_event_time`;

function toDeliveredLogFile(row: DeliveredRow): DeliveredLogFile {
  return {
    trailId: row.trail_id,
    accountId: row.account_id,
    region: row.region,
    bucket: row.bucket,
    key: row.key,
    deliveredAt: row.delivered_at,
    records: row.records,
    bytes: row.bytes,
    sha256: row.sha256,
    oldestEventTime: row.oldest_event_time,
    newestEventTime: row.newest_event_time,
  };
}

export interface DeliveredFileQuery {
  readonly accountId?: string;
  readonly region?: string;
  /** Keyset position: files after (deliveredAt, key). */
  readonly after?: { readonly deliveredAt: Date; readonly key: string };
  readonly limit: number;
}

@Injectable()
export class DeliveredFileRepository {
  /** Records delivered files (a file recorded twice, by a retried run, stays one). */
  async insertMany(em: EntityManager, files: readonly DeliveredLogFile[]): Promise<void> {
    if (files.length === 0) return;
    await sql(
      em,
      `INSERT INTO delivered_log_files (${COLUMNS})
       SELECT * FROM unnest($1::uuid[], $2::char(12)[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                            $7::int[], $8::int[], $9::char(64)[], $10::timestamptz[], $11::timestamptz[])
       ON CONFLICT (trail_id, key) DO NOTHING`,
      [
        files.map((f) => f.trailId),
        files.map((f) => f.accountId),
        files.map((f) => f.region),
        files.map((f) => f.bucket),
        files.map((f) => f.key),
        files.map((f) => f.deliveredAt.toISOString()),
        files.map((f) => f.records),
        files.map((f) => f.bytes),
        files.map((f) => f.sha256),
        files.map((f) => f.oldestEventTime.toISOString()),
        files.map((f) => f.newestEventTime.toISOString()),
      ],
    );
  }

  /** A trail's delivered files, oldest first, optionally of one account and Region. */
  async list(em: EntityManager, trailId: string, query: DeliveredFileQuery): Promise<DeliveredLogFile[]> {
    const { rows } = await sql<DeliveredRow>(
      em,
      `SELECT ${COLUMNS} FROM delivered_log_files
        WHERE trail_id = $1
          AND ($2::text IS NULL OR account_id = $2)
          AND ($3::text IS NULL OR region = $3)
          AND ($4::timestamptz IS NULL OR (delivered_at, key) > ($4::timestamptz, $5::text))
        ORDER BY delivered_at, key
        LIMIT $6`,
      [
        trailId,
        query.accountId ?? null,
        query.region ?? null,
        query.after?.deliveredAt ?? null,
        query.after?.key ?? null,
        query.limit,
      ],
    );
    return rows.map(toDeliveredLogFile);
  }

  /**
   * The trail's files of `places` (accounts and Regions) delivered in [from, to): what a batch of its
   * digests covers. Only the batch's places: a trail reaching thousands of them is digested in many
   * batches, and each reading every file of the interval would read them all again and again.
   */
  async deliveredBetween(
    em: EntityManager,
    trailId: string,
    places: ReadonlyArray<{ readonly accountId: string; readonly region: string }>,
    from: Date,
    to: Date,
  ): Promise<DeliveredLogFile[]> {
    const { rows } = await sql<DeliveredRow>(
      em,
      `SELECT ${COLUMNS} FROM delivered_log_files
        WHERE trail_id = $1 AND delivered_at >= $2 AND delivered_at < $3
          AND (account_id, region) IN (SELECT * FROM unnest($4::char(12)[], $5::text[]))
        ORDER BY delivered_at, key`,
      [trailId, from, to, places.map((place) => place.accountId), places.map((place) => place.region)],
    );
    return rows.map(toDeliveredLogFile);
  }
}
