import { Injectable } from '@nestjs/common';
import {
  HandlesJob,
  type JobHandler,
  JobName,
  JobOutcome,
  type JobPayloads,
  TransactionRunner,
} from '@app/platform';
import { ReplicaReconciler } from '../persistence/replica-reconciler';

/**
 * New-Region auto-copy: a default Region launched in the partition is enabled in every account at
 * once, so every multi-Region trail gets its replicas there (one set-based pass per trail). An
 * opt-in Region waits for each account's enablement (RegionEnablementsChanged).
 */
@Injectable()
@HandlesJob()
export class ReplicasOnRegionLaunched implements JobHandler<JobName.RegionLaunched> {
  readonly jobName = JobName.RegionLaunched;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly reconciler: ReplicaReconciler,
  ) {}

  async handle(payload: JobPayloads[JobName.RegionLaunched]): Promise<JobOutcome> {
    if (payload.optIn) return JobOutcome.Skipped;
    const trailIds = await this.tx.read((em) => this.reconciler.multiRegionTrailIds(em));
    for (const trailId of trailIds) {
      await this.tx.run((em) =>
        this.reconciler.reconcile(em, { kind: 'trail-region', trailId, region: payload.region }),
      );
    }
    return JobOutcome.Done;
  }
}
