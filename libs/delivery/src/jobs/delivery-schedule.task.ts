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
import { DeliveryStateRepository } from '../persistence/delivery-state.repository';

/** Trails enqueued per tick at most: a larger fleet is served over the following ticks. */
const TRAILS_PER_TICK = 10_000;
/** How long after StopLogging a trail is still visited, for events recorded before it stopped. */
const STOPPED_GRACE_MS = 24 * 3_600_000;
/** The longest a tick waits for the transactions of its interval to end (and a quarter of one at most). */
const SETTLE_MAX_MS = 1_000;
const SETTLE_POLL_MS = 25;

/**
 * Every delivery interval (TRAILPLANE_DELIVERY_INTERVAL_SECONDS), one delivery job per trail that
 * is logging or stopped recently, with an id per (trail, interval): every process that runs jobs
 * ticks, and the repeated enqueues are no-ops. Ticks as each interval closes (so every process
 * ticks in the same interval and a file follows its interval at once), all the jobs of a tick
 * enqueued together. Before enqueuing, a tick waits (briefly, bounded) for every transaction that
 * was running when it began to end: a run delivers only events below the transaction horizon
 * (delivery.md §3's hazard), so without the wait, an event committed before the interval closed but
 * behind a transaction still open would wait a whole interval more.
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
    private readonly state: DeliveryStateRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {
    this.intervalMs = env.TRAILPLANE_DELIVERY_INTERVAL_SECONDS * 1000;
  }

  async run(): Promise<void> {
    const now = this.clock.now().getTime();
    const slot = Math.floor(now / this.intervalMs);
    const since = new Date(now - Math.max(STOPPED_GRACE_MS, 10 * this.intervalMs));
    const began = await this.tx.read((em) => this.state.nextTransaction(em));
    const trailIds = await this.tx.read((em) => this.periods.deliverableTrailIds(em, since, TRAILS_PER_TICK));
    await this.settled(began, performance.now() + Math.min(SETTLE_MAX_MS, this.intervalMs / 4));
    await this.jobs.enqueueMany(
      JobName.DeliverLogs,
      trailIds.map((trailId) => ({ trailId, slot })),
    );
  }

  /** Resolves once the horizon has passed `transaction` (every transaction before it ended), or at `deadline`. */
  private async settled(transaction: string, deadline: number): Promise<void> {
    while (performance.now() < deadline) {
      const horizon = await this.tx.read((em) => this.state.horizon(em));
      if (BigInt(horizon) >= BigInt(transaction)) return;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
    }
  }
}
