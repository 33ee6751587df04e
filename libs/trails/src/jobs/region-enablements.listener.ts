import { Injectable } from '@nestjs/common';
import {
  HandlesJob,
  type JobHandler,
  JobName,
  JobOutcome,
  type JobPayloads,
  TransactionRunner,
} from '@app/platform';
import { RegionRepository } from '@app/regions';
import { ReplicaReconciler } from '../persistence/replica-reconciler';

/**
 * Opt-in changes of one Region, coalesced: one set-based pass over the Region's replicas covers
 * every account that enabled or disabled it during the epoch (PERFORMANCE.md P3), where a pass per
 * account cost a job, a transaction and a reconcile each.
 */
@Injectable()
@HandlesJob()
export class ReplicasOnRegionEnablementsChanged implements JobHandler<JobName.RegionEnablementsChanged> {
  readonly jobName = JobName.RegionEnablementsChanged;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly regions: RegionRepository,
    private readonly reconciler: ReplicaReconciler,
  ) {}

  async handle(payload: JobPayloads[JobName.RegionEnablementsChanged]): Promise<JobOutcome> {
    // Closing the epoch waits for every change announced in it to commit, so the pass, which starts
    // after, sees them all. Committed on its own: changes made during the pass announce the next
    // epoch at once instead of waiting for the whole pass behind the Region's row lock. Already
    // closed (a retried job) still runs the pass, which is idempotent: whether the earlier attempt's
    // pass committed is unknown.
    await this.tx.run((em) => this.regions.closeEnablementEpoch(em, payload.region, payload.epoch));
    return this.tx.run(async (em) => {
      await this.reconciler.reconcile(em, { kind: 'region', region: payload.region });
      return JobOutcome.Done;
    });
  }
}
