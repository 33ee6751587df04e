import { Injectable } from '@nestjs/common';
import { advisoryLockKeys, sql } from '@app/platform';
import { type EntityManager } from 'typeorm';

/**
 * Where a trail's delivery stands in the event history: every event at or below (txid, seq) was
 * handled (delivered or not selected). `seq` -1 means "every event of transactions below txid".
 */
export interface DeliveryCursor {
  /** A transaction id (xid8) as text. */
  readonly txid: string;
  /** bigint as text. */
  readonly seq: string;
}

/** The delivery members of GetTrailStatus (delivery.md §3). */
export interface DeliveryStatus {
  readonly latestDeliveryTime: Date | null;
  readonly latestDeliveryError: string | null;
  readonly latestDeliveryAttemptTime: Date | null;
  readonly latestDeliveryAttemptSucceeded: boolean | null;
  readonly latestDigestDeliveryTime: Date | null;
  readonly latestDigestDeliveryError: string | null;
}

interface StatusRow {
  readonly latest_delivery_time: Date | null;
  readonly latest_delivery_error: string | null;
  readonly latest_delivery_attempt_time: Date | null;
  readonly latest_delivery_attempt_succeeded: boolean | null;
  readonly latest_digest_delivery_time: Date | null;
  readonly latest_digest_delivery_error: string | null;
}

const NO_STATUS: DeliveryStatus = {
  latestDeliveryTime: null,
  latestDeliveryError: null,
  latestDeliveryAttemptTime: null,
  latestDeliveryAttemptSucceeded: null,
  latestDigestDeliveryTime: null,
  latestDigestDeliveryError: null,
};

@Injectable()
export class DeliveryStateRepository {
  /** Creates the trail's delivery state at `start` (the horizon when the trail first started logging). */
  async ensure(em: EntityManager, trailId: string, start: string): Promise<void> {
    await sql(
      em,
      `INSERT INTO trail_delivery_state (trail_id, cursor_txid, cursor_seq)
       SELECT $1, $2::xid8, -1 WHERE EXISTS (SELECT 1 FROM trails WHERE id = $1)
       ON CONFLICT (trail_id) DO NOTHING`,
      [trailId, start],
    );
  }

  /**
   * Serialises the trail's log and digest delivery runs for this transaction, across workers, even
   * once the trail is deleted: a digest covers only files whose delivery has committed.
   */
  async lockTrail(em: EntityManager, trailId: string): Promise<void> {
    await advisoryLockKeys(em, [`delivery:${trailId}`]);
  }

  /**
   * Locks the trail's delivery runs and reads its cursor. Undefined when the trail has none (or no
   * longer exists). The advisory lock alone guards the cursor (only runs holding it move it): no row
   * lock, so the run takes a transaction id only when it writes, and holds back the horizon of
   * other trails' runs (which waits for every transaction with an id) for that long only.
   */
  async lock(em: EntityManager, trailId: string): Promise<DeliveryCursor | undefined> {
    await this.lockTrail(em, trailId);
    const { rows } = await sql<{ cursor_txid: string; cursor_seq: string }>(
      em,
      `SELECT cursor_txid::text, cursor_seq::text FROM trail_delivery_state WHERE trail_id = $1`,
      [trailId],
    );
    return rows[0] && { txid: rows[0].cursor_txid, seq: rows[0].cursor_seq };
  }

  async advance(em: EntityManager, trailId: string, cursor: DeliveryCursor): Promise<void> {
    await sql(
      em,
      `UPDATE trail_delivery_state SET cursor_txid = $2::xid8, cursor_seq = $3::bigint WHERE trail_id = $1`,
      [trailId, cursor.txid, cursor.seq],
    );
  }

  /** A delivery attempt: a success clears the error and, when it wrote files, dates the latest delivery. */
  async recordAttempt(
    em: EntityManager,
    trailId: string,
    attempt: { readonly at: Date; readonly error?: string; readonly delivered: boolean },
  ): Promise<void> {
    await sql(
      em,
      `UPDATE trail_delivery_state
          SET latest_delivery_attempt_time = $2,
              latest_delivery_attempt_succeeded = $3::text IS NULL,
              latest_delivery_error = $3,
              latest_delivery_time = CASE WHEN $4 THEN $2 ELSE latest_delivery_time END
        WHERE trail_id = $1`,
      [trailId, attempt.at, attempt.error ?? null, attempt.delivered],
    );
  }

  /** A digest attempt: a success dates the latest digest delivery and clears the error. */
  async recordDigestAttempt(
    em: EntityManager,
    trailId: string,
    attempt: { readonly at: Date; readonly error?: string },
  ): Promise<void> {
    await sql(
      em,
      `UPDATE trail_delivery_state
          SET latest_digest_delivery_error = $3,
              latest_digest_delivery_time = CASE WHEN $3::text IS NULL THEN $2 ELSE latest_digest_delivery_time END
        WHERE trail_id = $1`,
      [trailId, attempt.at, attempt.error ?? null],
    );
  }

  async statusOf(em: EntityManager, trailId: string): Promise<DeliveryStatus> {
    const { rows } = await sql<StatusRow>(
      em,
      `SELECT latest_delivery_time, latest_delivery_error, latest_delivery_attempt_time,
              latest_delivery_attempt_succeeded, latest_digest_delivery_time, latest_digest_delivery_error
         FROM trail_delivery_state WHERE trail_id = $1`,
      [trailId],
    );
    const row = rows[0];
    if (!row) return NO_STATUS;
    return {
      latestDeliveryTime: row.latest_delivery_time,
      latestDeliveryError: row.latest_delivery_error,
      latestDeliveryAttemptTime: row.latest_delivery_attempt_time,
      latestDeliveryAttemptSucceeded: row.latest_delivery_attempt_succeeded,
      latestDigestDeliveryTime: row.latest_digest_delivery_time,
      latestDigestDeliveryError: row.latest_digest_delivery_error,
    };
  }

  /** The next transaction id to be assigned: every transaction that has one now is below it. */
  async nextTransaction(em: EntityManager): Promise<string> {
    const { rows } = await sql<{ next: string }>(
      em,
      `SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS next`,
    );
    return rows[0].next;
  }

  /** The oldest transaction still running (or the next to start): everything below it is final. */
  async horizon(em: EntityManager): Promise<string> {
    const { rows } = await sql<{ horizon: string }>(
      em,
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`,
    );
    return rows[0].horizon;
  }
}
