import { SetMetadata } from '@nestjs/common';

export const PERIODIC_TASK = Symbol('periodic-task');

/**
 * Work that runs on a timer in every process that runs jobs (workers, or the embedded API):
 * sweeps that re-enqueue unfinished work from PostgreSQL. Timers rather than BullMQ repeatable
 * jobs, so they keep running when Redis has lost its data. Each run must be idempotent.
 */
export interface PeriodicTask {
  readonly taskName: string;
  /** Its own period; default TRAILPLANE_SWEEP_INTERVAL_MS. */
  readonly intervalMs?: number;
  /**
   * Runs just after each multiple of its interval (wall clock) rather than every interval from
   * boot, and a tick that finds the previous run still busy runs as soon as it ends: for work due
   * when an interval closes (delivery), so that it neither waits a random part of an interval nor
   * skips one.
   */
  readonly alignedToInterval?: boolean;
  run(): Promise<unknown>;
}

export const RunsPeriodically = (): ClassDecorator => SetMetadata(PERIODIC_TASK, true);
