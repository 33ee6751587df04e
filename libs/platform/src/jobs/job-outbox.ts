import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sql } from '../database/sql';
import { type JobName } from './job-names';

/** Jobs per INSERT of `recordMany` (bounded statements). */
const OUTBOX_ROWS_PER_INSERT = 1_000;

export interface OutboxEntry {
  readonly id: string;
  readonly name: JobName;
  readonly payload: unknown;
}

/**
 * The transactional outbox: a job is recorded in the same transaction as the change that causes it
 * and deleted only when its handler has finished, so neither a crash between commit and enqueue
 * nor a Redis that lost its data can lose work; the relay pushes whatever is left.
 */
@Injectable()
export class JobOutbox {
  constructor(private readonly dataSource: DataSource) {}

  async record(em: EntityManager, entry: OutboxEntry, availableAt: Date): Promise<void> {
    await em.query(
      `INSERT INTO job_outbox (id, name, payload, available_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
      [entry.id, entry.name, JSON.stringify(entry.payload), availableAt],
    );
  }

  /**
   * Several jobs in one multi-row statement per OUTBOX_ROWS_PER_INSERT (a sweep's whole tick), in
   * id order: processes that record the same jobs at once wait for each other, never deadlock.
   */
  async recordMany(em: EntityManager, entries: readonly OutboxEntry[], availableAt: Date): Promise<void> {
    const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let start = 0; start < sorted.length; start += OUTBOX_ROWS_PER_INSERT) {
      const chunk = sorted.slice(start, start + OUTBOX_ROWS_PER_INSERT);
      await em.query(
        `INSERT INTO job_outbox (id, name, payload, available_at)
         SELECT id, name, payload::jsonb, $4::timestamptz FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, name, payload)
         ON CONFLICT (id) DO NOTHING`,
        [
          chunk.map((e) => e.id),
          chunk.map((e) => e.name),
          chunk.map((e) => JSON.stringify(e.payload)),
          availableAt,
        ],
      );
    }
  }

  /**
   * Removes a finished job. Committed without a WAL flush of its own (`synchronous_commit` off for
   * this one statement): the handler's work committed durably before it, so a crash can lose only
   * the removal, and the relay then finds the job finished (BullmqJobQueue.repush) or runs it
   * again (handlers are idempotent). On a loaded disk the flush cost more than the job's own work.
   */
  async complete(id: string): Promise<void> {
    await this.dataSource.query(
      `WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
       DELETE FROM job_outbox WHERE id = $1 AND EXISTS (SELECT FROM relaxed)`,
      [id],
    );
  }

  /** Jobs that should have run by now (available for longer than `graceMs`), oldest first. */
  async overdue(graceMs: number, limit: number): Promise<OutboxEntry[]> {
    const { rows } = await sql<{ id: string; name: JobName; payload: unknown }>(
      this.dataSource.manager,
      `SELECT id, name, payload FROM job_outbox
        WHERE available_at < now() - make_interval(secs => $1::double precision / 1000)
        ORDER BY available_at LIMIT $2`,
      [graceMs, limit],
    );
    return rows;
  }

  async pending(): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM job_outbox`,
    );
    return rows[0]?.n ?? 0;
  }
}
