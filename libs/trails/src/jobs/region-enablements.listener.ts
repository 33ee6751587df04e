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
    return this.tx.run(async (em) => {
      // Closing the epoch first: the pass then sees every change announced in it. Already closed
      // means a pass that started after all of them has run.
      if (!(await this.regions.closeEnablementEpoch(em, payload.region, payload.epoch))) {
        return JobOutcome.Skipped;
      }
      await this.reconciler.reconcile(em, { kind: 'region', region: payload.region });
      return JobOutcome.Done;
    });
  }
}
