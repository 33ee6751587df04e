import { Inject, Injectable } from '@nestjs/common';
import {
  JobName,
  JobQueue,
  LOGGER,
  type PeriodicTask,
  RunsPeriodically,
  TransactionRunner,
} from '@app/platform';
import { type Logger } from 'pino';
import { ReplicaReconciler } from '../persistence/replica-reconciler';

const STALE_AFTER_MS = 30_000;
const FULL_RECONCILE_EVERY = 10;

/**
 * The level-triggered safety net: re-enqueues every trail whose latest generation is still not
 * fully propagated a while after it changed (a job that failed for good, a lost queue), and every
 * tenth run (not at start-up, where unfinished jobs are still being taken over) reconciles all
 * replicas of all trails, one set-based pass per Region.
 */
@Injectable()
@RunsPeriodically()
export class PropagationSweepTask implements PeriodicTask {
  readonly taskName = 'propagation-sweep';
  private runs = 0;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly reconciler: ReplicaReconciler,
    private readonly jobs: JobQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(): Promise<void> {
    const stale = await this.tx.read((em) => this.reconciler.staleTrails(em, STALE_AFTER_MS, 1_000));
    const attempt = `sweep${Math.floor(Date.now() / STALE_AFTER_MS)}`;
    await this.jobs.enqueueMany(
      JobName.ReconcileTrail,
      stale.map((trail) => ({
        trailId: trail.id,
        generation: trail.generation,
        afterAccountId: '',
        attempt,
      })),
    );
    if (stale.length > 0) this.logger.info({ trails: stale.length }, 're-enqueued unpropagated trails');
    if (++this.runs % FULL_RECONCILE_EVERY === 0) {
      // One transaction per Region: none holds every trail's lock (or embedded mode's one connection) for long.
      const regions = await this.tx.read((em) => this.reconciler.replicaRegions(em));
      for (const region of regions) {
        const result = await this.tx.run((em) => this.reconciler.reconcile(em, { kind: 'region', region }));
        if (result.upserted + result.deleted > 0)
          this.logger.info({ ...result, region }, 'full reconcile repaired replicas');
      }
    }
  }
}
