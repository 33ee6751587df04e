import { Injectable } from '@nestjs/common';
import { JobName, JobQueue } from '@app/platform';
import { type EntityManager } from 'typeorm';
import { propagatesBeyondHome, type TrailRecord } from '../domain/trail-record';
import { ReplicaReconciler } from '../persistence/replica-reconciler';

/**
 * Starts propagation after a trail change, in the change's transaction. A trail that lives only in
 * its home Region (before and after) is reconciled at once — one row; anything wider goes to the
 * reconciler job, enqueued through the outbox so it runs once the change commits.
 */
@Injectable()
export class TrailPropagation {
  constructor(
    private readonly reconciler: ReplicaReconciler,
    private readonly jobs: JobQueue,
  ) {}

  async afterChange(em: EntityManager, before: TrailRecord | undefined, after: TrailRecord): Promise<void> {
    const wide =
      propagatesBeyondHome(after.settings) || (before !== undefined && propagatesBeyondHome(before.settings));
    if (!wide) {
      // The change holds the trail's row (locked or inserted): no second lock round trip.
      await this.reconciler.reconcile(
        em,
        { kind: 'trail', trailId: after.id, afterAccountId: null, upToAccountId: null },
        true,
      );
      await this.reconciler.markObserved(em, after.id, after.generation);
      return;
    }
    await this.reconcileLater(after.id, after.generation);
  }

  /**
   * Hands a trail's new generation to the reconciler job, which brings every replica to it and
   * then marks it propagated; enqueued through the outbox in the caller's transaction.
   */
  async reconcileLater(trailId: string, generation: number): Promise<void> {
    await this.jobs.enqueue(JobName.ReconcileTrail, { trailId, generation, afterAccountId: '' });
  }
}
