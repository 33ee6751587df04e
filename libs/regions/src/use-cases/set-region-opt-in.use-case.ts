import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { Clock, JobName, JobQueue, type RequestContext, TransactionRunner } from '@app/platform';
import { type AccountRegion, assertOptInRegion } from '../domain/region';
import { RegionRepository } from '../persistence/region.repository';

export interface SetRegionOptInInput {
  region: string;
  enabled: boolean;
}

/** Changes of one Region made within this window are reconciled by one pass. */
const COALESCE_MS = 25;

/**
 * Enables or disables an opt-in Region for the caller's account (idempotent, like AWS's Account
 * API); a change announces RegionEnablementsChanged for the Region's current epoch, so trails
 * follow with one pass for all the changes of that epoch rather than one per call.
 */
@Injectable()
export class SetRegionOptInUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly regions: RegionRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: SetRegionOptInInput): Promise<AccountRegion> {
    return this.tx.run(async (em) => {
      const region = assertOptInRegion(await this.regions.find(em, input.region), input.region);
      const now = this.clock.now();
      const changed = input.enabled
        ? await this.regions.enable(em, ctx.accountId, region.name, now)
        : await this.regions.disable(em, ctx.accountId, region.name);
      // Announced just before commit: the epoch's share lock (which the pass closing the epoch
      // waits for) and the epoch's outbox row (which every change of the epoch writes, each waiting
      // for the first writer to commit) are then held for the commit alone, not also for the event
      // the call records after the use case.
      if (changed) this.tx.beforeCommit((tail) => this.announce(tail, region.name));
      return { regionName: region.name, regionOptStatus: input.enabled ? 'ENABLED' : 'DISABLED' };
    });
  }

  private async announce(em: EntityManager, region: string): Promise<void> {
    const epoch = await this.regions.shareEnablementEpoch(em, region);
    await this.jobs.enqueue(JobName.RegionEnablementsChanged, { region, epoch }, { delayMs: COALESCE_MS });
  }
}
