import { Injectable } from '@nestjs/common';
import {
  HandlesJob,
  type JobHandler,
  JobName,
  JobOutcome,
  type JobPayloads,
  JobQueue,
  TransactionRunner,
} from '@app/platform';
import { ReplicaReconciler } from '../persistence/replica-reconciler';
import { TrailRepository } from '../persistence/trail.repository';

/** Accounts per reconcile job: a 10,000-account organization trail is ten jobs. */
export const RECONCILE_BATCH_ACCOUNTS = 1_000;

/**
 * Brings one batch of a trail's replicas (accounts in id order after `afterAccountId`) to the
 * desired set, then chains the next batch; the last batch marks the generation observed. Reads
 * membership and Regions at execution time, so a late, repeated or reordered job is harmless.
 */
@Injectable()
@HandlesJob()
export class ReconcileTrailHandler implements JobHandler<JobName.ReconcileTrail> {
  readonly jobName = JobName.ReconcileTrail;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly reconciler: ReplicaReconciler,
    private readonly jobs: JobQueue,
  ) {}

  async handle(payload: JobPayloads[JobName.ReconcileTrail]): Promise<JobOutcome> {
    const trail = await this.tx.read((em) => this.trails.findById(em, payload.trailId));
    // Deleted (its replicas went with it), or changed again: the newer generation's job takes over.
    if (!trail || trail.generation > payload.generation) return JobOutcome.Skipped;
    try {
      await this.tx.run(async (em) => {
        const after = payload.afterAccountId === '' ? null : payload.afterAccountId;
        const batch = await this.reconciler.nextAccountBatch(em, trail.id, after, RECONCILE_BATCH_ACCOUNTS);
        await this.reconciler.reconcile(em, {
          kind: 'trail',
          trailId: trail.id,
          afterAccountId: after,
          upToAccountId: batch.upToAccountId,
        });
        if (batch.final) {
          await this.reconciler.markObserved(em, trail.id, payload.generation);
        } else {
          await this.jobs.enqueue(JobName.ReconcileTrail, {
            ...payload,
            afterAccountId: batch.upToAccountId as string,
          });
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
