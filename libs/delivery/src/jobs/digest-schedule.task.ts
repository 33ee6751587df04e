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
import { TrailValidationPeriodRepository } from '@app/trails';
import { DigestChainRepository } from '../persistence/digest-chain.repository';

/** Trails enqueued per tick at most: a larger fleet is served over the following ticks. */
const TRAILS_PER_TICK = 10_000;
/** How long after a validation period closed its trail is still visited for its final digests. */
const CLOSED_GRACE_MS = 25 * 3_600_000;
/** Ticks at least this often, so final digests follow StopLogging within a minute. */
const MAX_TICK_MS = 60_000;

/**
 * One digest job per trail that validates, stopped validating recently or still has chains, per
 * tick (the digest interval, at most a minute), with an id per (trail, tick): every process that
 * runs jobs ticks, and the repeated enqueues are no-ops. Ticks as each interval closes, as delivery
 * does, so a period's digests follow its end at once rather than up to an interval later.
 */
@Injectable()
@RunsPeriodically()
export class DigestScheduleTask implements PeriodicTask {
  readonly taskName = 'digest-schedule';
  readonly intervalMs: number;
  readonly alignedToInterval = true;

  constructor(
    env: EnvSchema,
    private readonly tx: TransactionRunner,
    private readonly periods: TrailValidationPeriodRepository,
    private readonly chains: DigestChainRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {
    this.intervalMs = Math.min(env.TRAILPLANE_DIGEST_INTERVAL_SECONDS * 1000, MAX_TICK_MS);
  }

  async run(): Promise<void> {
    const now = this.clock.now().getTime();
    const slot = Math.floor(now / this.intervalMs);
    const trailIds = await this.tx.read(async (em) => [
      ...new Set([
        ...(await this.periods.digestedTrailIds(em, new Date(now - CLOSED_GRACE_MS), TRAILS_PER_TICK)),
        ...(await this.chains.trailIds(em, TRAILS_PER_TICK)),
      ]),
    ]);
    await this.jobs.enqueueMany(
      JobName.DeliverDigests,
      trailIds.map((trailId) => ({ trailId, slot })),
    );
  }
}
