import { Inject, Injectable } from '@nestjs/common';
import {
  ConcurrencyLimit,
  EnvSchema,
  HandlesJob,
  type JobHandler,
  JobName,
  JobOutcome,
  type JobPayloads,
  JobQueue,
  type JobRun,
  LOGGER,
  TransactionRunner,
} from '@app/platform';
import { type Logger } from 'pino';
import { type BatchSizing, nextBatchSize } from '../domain/reconcile-batch';
import { ReplicaReconciler } from '../persistence/replica-reconciler';
import { StandaloneTrailPasses } from '../persistence/standalone-trail-passes';
import { TrailRepository } from '../persistence/trail.repository';

/**
 * Brings one batch of a trail's replicas (accounts in id order after `afterAccountId`) to the
 * desired set, then chains the next batch; the last batch marks the generation observed. Reads
 * membership and Regions at execution time, so a late, repeated or reordered job is harmless.
 */
/** Accounts per job: a 10,000-account organization trail is ten jobs. */
const BATCH_ACCOUNTS = 1_000;
/**
 * In embedded mode a batch holds the one connection for its transaction, and a request arriving
 * meanwhile waits for it: batches are sized by time, so that such a wait stays well under
 * PERFORMANCE.md P16's 100 ms whatever the organization's Regions and the machine's load (PGlite
 * wrote 425 replicas in 40–300 ms, foreign-key checks included, depending on load).
 */
const EMBEDDED_BATCHES: BatchSizing = { budgetMs: 30, min: 1, max: BATCH_ACCOUNTS };
const EMBEDDED_FIRST_BATCH_ACCOUNTS = 10;
const SINGLE_BATCH = { upToAccountId: null, final: true } as const;

@Injectable()
@HandlesJob()
export class ReconcileTrailHandler implements JobHandler<JobName.ReconcileTrail> {
  readonly jobName = JobName.ReconcileTrail;
  private batchAccounts: number;
  /** Embedded mode without a configured batch size: the next batch is sized by the last one's time. */
  private readonly timedBatches: boolean;
  /** Fault injection for crash tests: widens the window between a batch's writes and its commit. */
  private readonly faultDelayMs: number;
  /** The one-round-trip path of a whole trail's job; PostgreSQL servers only (not embedded). */
  private readonly fastPath: boolean;
  /**
   * Jobs on the path below hold a connection each: at most the ordinary worker concurrency of them
   * at once, however many the propagation queue runs for the one-round-trip path.
   */
  private readonly batchedPasses: ConcurrencyLimit;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly reconciler: ReplicaReconciler,
    private readonly jobs: JobQueue,
    private readonly standalone: StandaloneTrailPasses,
    env: EnvSchema,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.fastPath = Boolean(env.DATABASE_URL);
    this.batchedPasses = new ConcurrencyLimit(env.WORKER_CONCURRENCY);
    this.timedBatches = !env.DATABASE_URL && env.TRAILPLANE_RECONCILE_BATCH_ACCOUNTS === undefined;
    this.batchAccounts =
      env.TRAILPLANE_RECONCILE_BATCH_ACCOUNTS ??
      (env.DATABASE_URL ? BATCH_ACCOUNTS : EMBEDDED_FIRST_BATCH_ACCOUNTS);
    this.faultDelayMs = Number(/reconcile-delay-ms=(\d+)/.exec(env.TRAILPLANE_FAULTS ?? '')?.[1] ?? 0);
  }

  async handle(payload: JobPayloads[JobName.ReconcileTrail], run: JobRun): Promise<JobOutcome> {
    if (this.fastPath && payload.afterAccountId === '') {
      // A trail outside an organization is done in one round trip, outbox row included; an
      // organization trail, or a failed batch, takes the batched path (which records a failure).
      const outcome = await this.standalone
        .run({ trailId: payload.trailId, generation: payload.generation, jobId: run.id })
        .catch((error: unknown) => {
          // Correct either way, but a pass that keeps failing would only show as slowness.
          this.logger.warn(
            { err: error, trailId: payload.trailId },
            'one-round-trip reconcile failed; batching',
          );
          return 'batched' as const;
        });
      if (outcome !== 'batched') {
        run.outboxCompleted = true;
        return outcome === 'done' ? JobOutcome.Done : JobOutcome.Skipped;
      }
    }
    return this.batchedPasses.run(() => this.batched(payload));
  }

  /** Reads the trail, then reconciles one batch of its accounts in a transaction of its own. */
  private async batched(payload: JobPayloads[JobName.ReconcileTrail]): Promise<JobOutcome> {
    const trail = await this.tx.read((em) => this.trails.findById(em, payload.trailId));
    // Deleted (its replicas went with it), or changed again: the newer generation's job takes over.
    if (!trail || trail.generation > payload.generation) return JobOutcome.Skipped;
    try {
      await this.tx.run(async (em) => {
        // Timed from the connection's acquisition: what a request arriving now would wait.
        const started = performance.now();
        const after = payload.afterAccountId === '' ? null : payload.afterAccountId;
        // A trail outside an organization reaches its owner alone: one batch, no query to find it.
        // (Had it just become an organization trail, the pass is unbatched and the newer
        // generation's job, which does not mark this one observed, batches it.)
        const batch = trail.settings.isOrganizationTrail
          ? await this.reconciler.nextAccountBatch(em, trail.id, after, this.batchAccounts)
          : SINGLE_BATCH;
        await this.reconciler.reconcile(em, {
          kind: 'trail',
          trailId: trail.id,
          afterAccountId: after,
          upToAccountId: batch.upToAccountId,
        });
        if (this.faultDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.faultDelayMs));
        if (batch.final) {
          await this.reconciler.markObserved(em, trail.id, payload.generation);
        } else {
          await this.jobs.enqueue(JobName.ReconcileTrail, {
            ...payload,
            afterAccountId: batch.upToAccountId as string,
          });
        }
        if (this.timedBatches) {
          this.batchAccounts = nextBatchSize(
            this.batchAccounts,
            performance.now() - started,
            EMBEDDED_BATCHES,
          );
        }
      });
    } catch (error) {
      await this.tx.run((em) =>
        this.reconciler.recordFailure(em, trail.id, error instanceof Error ? error.message : String(error)),
      );
      throw error;
    }
    return JobOutcome.Done;
  }
}
