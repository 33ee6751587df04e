import { Injectable } from '@nestjs/common';
import { sql } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { type LoggingInterval } from '../domain/trail-coverage';

interface PeriodRow {
  readonly started_at: Date;
  readonly stopped_at: Date | null;
  readonly stop_txid: string | null;
}

/** A validation period; `stopTxid` is the transaction that closed it (xid8 as text). */
export interface ValidationPeriod extends LoggingInterval {
  readonly stopTxid: string | null;
}

/**
 * When a trail was logging with log file validation enabled: each period is a fresh digest chain
 * per account and Region (delivery.md §4). Periods outlive their trail, whose final digests are
 * written after DeleteTrail.
 */
@Injectable()
export class TrailValidationPeriodRepository {
  async open(em: EntityManager, trailId: string, at: Date): Promise<void> {
    await sql(
      em,
      `INSERT INTO trail_validation_periods (trail_id, started_at) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [trailId, at],
    );
  }

  async close(em: EntityManager, trailId: string, at: Date): Promise<void> {
    await sql(
      em,
      `UPDATE trail_validation_periods SET stopped_at = $2, stop_txid = pg_current_xact_id()
        WHERE trail_id = $1 AND stopped_at IS NULL`,
      [trailId, at],
    );
  }

  async periodsOf(em: EntityManager, trailId: string): Promise<ValidationPeriod[]> {
    const { rows } = await sql<PeriodRow>(
      em,
      `SELECT started_at, stopped_at, stop_txid::text FROM trail_validation_periods WHERE trail_id = $1 ORDER BY started_at`,
      [trailId],
    );
    return rows.map((row) => ({ from: row.started_at, until: row.stopped_at, stopTxid: row.stop_txid }));
  }

  /** Trails validating now or that stopped after `since` (their chains may await final digests). */
  async digestedTrailIds(em: EntityManager, since: Date, limit: number): Promise<string[]> {
    const { rows } = await sql<{ trail_id: string }>(
      em,
      `SELECT DISTINCT trail_id FROM trail_validation_periods
        WHERE stopped_at IS NULL OR stopped_at > $1
        ORDER BY trail_id LIMIT $2`,
      [since, limit],
    );
    return rows.map((row) => row.trail_id);
  }
}
