import { Injectable } from '@nestjs/common';
import {
  Clock,
  EnvSchema,
  JobName,
  JobQueue,
  type PeriodicTask,
  RunsPeriodically,
  TransactionRunner,
} from '@app/platform';
import { TrailLoggingPeriodRepository } from '@app/trails';

/** Trails enqueued per tick at most: a larger fleet is served over the following ticks. */
const TRAILS_PER_TICK = 10_000;
/** How long after StopLogging a trail is still visited, for events recorded before it stopped. */
const STOPPED_GRACE_MS = 24 * 3_600_000;

/**
 * Every delivery interval (TRAILPLANE_DELIVERY_INTERVAL_SECONDS), one delivery job per trail that
 * is logging or stopped recently, with an id per (trail, interval): every process that runs jobs
 * ticks, and the repeated enqueues are no-ops. Ticks as each interval closes (so every process
 * ticks in the same interval and a file follows its interval at once), all the jobs of a tick
 * enqueued together.
 */
@Injectable()
@RunsPeriodically()
export class DeliveryScheduleTask implements PeriodicTask {
  readonly taskName = 'delivery-schedule';
  readonly intervalMs: number;
  readonly alignedToInterval = true;

  constructor(
    env: EnvSchema,
    private readonly tx: TransactionRunner,
    private readonly periods: TrailLoggingPeriodRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {
    this.intervalMs = env.TRAILPLANE_DELIVERY_INTERVAL_SECONDS * 1000;
  }

  async run(): Promise<void> {
    const now = this.clock.now().getTime();
    const slot = Math.floor(now / this.intervalMs);
    const since = new Date(now - Math.max(STOPPED_GRACE_MS, 10 * this.intervalMs));
    const trailIds = await this.tx.read((em) => this.periods.deliverableTrailIds(em, since, TRAILS_PER_TICK));
    await this.jobs.enqueueMany(
      JobName.DeliverLogs,
      trailIds.map((trailId) => ({ trailId, slot })),
    );
  }
}
