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
  run(): Promise<unknown>;
}

export const RunsPeriodically = (): ClassDecorator => SetMetadata(PERIODIC_TASK, true);
