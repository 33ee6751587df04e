import { Injectable } from '@nestjs/common';
import {
  Clock,
  HandlesJob,
  type JobHandler,
  JobName,
  JobOutcome,
  type JobPayloads,
  TransactionRunner,
} from '@app/platform';
import { ReplicaReconciler } from '../persistence/replica-reconciler';
import { TrailRepository } from '../persistence/trail.repository';
import { TrailPropagation } from '../services/trail-propagation';

/**
 * Reconciles every replica one account should hold (its own trails, and the organization trails
 * of its current organization) after its membership changed.
 */
@Injectable()
export class AccountReplicaReconciliation {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly reconciler: ReplicaReconciler,
    private readonly propagation: TrailPropagation,
    private readonly clock: Clock,
  ) {}

  async run(accountId: string): Promise<JobOutcome> {
    await this.tx.run(async (em) => {
      // Trail rows first, in id order (see `ReplicaReconciler.lockTrails`), then the changes, to
      // those trails alone: no second lock statement, which could add trails behind held ones.
      const heldTrailIds = await this.reconciler.lockTrails(em, { kind: 'account', accountId });
      // An organization deleted under its management account leaves organization trails without
      // an organization (ON DELETE SET NULL): they become ordinary trails, at a new generation that
      // their own job completes (this pass covers only this account's replicas).
      const detached = await this.trails.detachOrphanedOrganizationTrails(em, accountId, this.clock.now());
      await this.reconciler.reconcile(em, { kind: 'account', accountId, heldTrailIds });
      for (const trail of detached) await this.propagation.reconcileLater(trail.id, trail.generation);
    });
    return JobOutcome.Done;
  }
}

@Injectable()
@HandlesJob()
export class ReplicasOnAccountJoined implements JobHandler<JobName.AccountJoinedOrganization> {
  readonly jobName = JobName.AccountJoinedOrganization;
  constructor(private readonly reconciliation: AccountReplicaReconciliation) {}
  handle(payload: JobPayloads[JobName.AccountJoinedOrganization]): Promise<JobOutcome> {
    return this.reconciliation.run(payload.accountId);
  }
}

@Injectable()
@HandlesJob()
export class ReplicasOnAccountLeft implements JobHandler<JobName.AccountLeftOrganization> {
  readonly jobName = JobName.AccountLeftOrganization;
  constructor(private readonly reconciliation: AccountReplicaReconciliation) {}
  handle(payload: JobPayloads[JobName.AccountLeftOrganization]): Promise<JobOutcome> {
    return this.reconciliation.run(payload.accountId);
  }
}
