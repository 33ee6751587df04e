import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type LoggingInterval } from '../domain/trail-coverage';

interface PeriodRow {
  readonly started_at: Date;
  readonly stopped_at: Date | null;
}

/** When a trail was logging: delivery covers only events of those periods (delivery.md §1). */
@Injectable()
export class TrailLoggingPeriodRepository {
  /** StartLogging: a period opens now (no-op when one is open). */
  async open(em: EntityManager, trailId: string, at: Date): Promise<void> {
    await sql(
      em,
      `INSERT INTO trail_logging_periods (trail_id, started_at)
       SELECT $1, $2 WHERE NOT EXISTS (
         SELECT 1 FROM trail_logging_periods WHERE trail_id = $1 AND stopped_at IS NULL)`,
      [trailId, at],
    );
  }

  /** StopLogging and DeleteTrail: the open period ends now. */
  async close(em: EntityManager, trailId: string, at: Date): Promise<void> {
    await sql(
      em,
      `UPDATE trail_logging_periods SET stopped_at = $2 WHERE trail_id = $1 AND stopped_at IS NULL`,
      [trailId, at],
    );
  }

  async periodsOf(em: EntityManager, trailId: string): Promise<LoggingInterval[]> {
    const { rows } = await sql<PeriodRow>(
      em,
      `SELECT started_at, stopped_at FROM trail_logging_periods WHERE trail_id = $1 ORDER BY started_at`,
      [trailId],
    );
    return rows.map((row) => ({ from: row.started_at, until: row.stopped_at }));
  }

  /**
   * The transaction horizon when the trail first started logging: every event of its periods was
   * recorded by a transaction at or above it. Undefined when it never logged.
   */
  async firstStartHorizon(em: EntityManager, trailId: string): Promise<string | undefined> {
    const { rows } = await sql<{ start_txid: string }>(
      em,
      `SELECT start_txid::text FROM trail_logging_periods WHERE trail_id = $1 ORDER BY started_at LIMIT 1`,
      [trailId],
    );
    return rows[0]?.start_txid;
  }

  /** Trails logging now, or that stopped after `since` (their last events may still await delivery). */
  async deliverableTrailIds(em: EntityManager, since: Date, limit: number): Promise<string[]> {
    const { rows } = await sql<{ trail_id: string }>(
      em,
      `SELECT DISTINCT trail_id FROM trail_logging_periods
        WHERE stopped_at IS NULL OR stopped_at > $1
        ORDER BY trail_id LIMIT $2`,
      [since, limit],
    );
    return rows.map((row) => row.trail_id);
  }
}
