import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import {
  DIGEST_COLUMNS,
  DIGEST_VALUES,
  digestColumns,
  type PlannedDigest,
} from './delivered-digest.repository';

interface StagedDigestRow {
  readonly trail_id: string;
  readonly account_id: string;
  readonly region: string;
  readonly bucket: string;
  readonly key: string;
  readonly start_time: Date;
  readonly end_time: Date;
  readonly delivered_at: Date;
  readonly log_files: number;
  readonly body: Buffer;
  readonly signature: string;
}

/**
 * Digests for an external store, committed with their chain's advance and kept until their upload
 * succeeded: a crash in between uploads the same bytes under the same key again, never a fork.
 */
@Injectable()
export class StagedDigestRepository {
  async insertMany(em: EntityManager, digests: readonly PlannedDigest[]): Promise<void> {
    if (digests.length === 0) return;
    await sql(
      em,
      `INSERT INTO staged_digests (${DIGEST_COLUMNS}, body, signature)
       SELECT ${DIGEST_COLUMNS}, body, signature
         FROM ${DIGEST_VALUES} WITH ORDINALITY AS d(${DIGEST_COLUMNS}, n)
         JOIN unnest($10::bytea[], $11::text[]) WITH ORDINALITY AS x(body, signature, n) USING (n)
       ON CONFLICT DO NOTHING`,
      [...digestColumns(digests), digests.map((d) => d.body), digests.map((d) => d.signature)],
    );
  }

  async ofTrail(em: EntityManager, trailId: string, limit: number): Promise<PlannedDigest[]> {
    const { rows } = await sql<StagedDigestRow>(
      em,
      `SELECT * FROM staged_digests WHERE trail_id = $1 ORDER BY end_time, key LIMIT $2`,
      [trailId, limit],
    );
    return rows.map((row) => ({
      trailId: row.trail_id,
      accountId: row.account_id,
      region: row.region,
      bucket: row.bucket,
      key: row.key,
      startTime: row.start_time,
      endTime: row.end_time,
      deliveredAt: row.delivered_at,
      logFiles: row.log_files,
      body: row.body,
      signature: row.signature,
    }));
  }

  async remove(em: EntityManager, trailId: string, keys: readonly string[]): Promise<void> {
    await sql(em, `DELETE FROM staged_digests WHERE trail_id = $1 AND key = ANY($2::text[])`, [
      trailId,
      keys,
    ]);
  }
}
