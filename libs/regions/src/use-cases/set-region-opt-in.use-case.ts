import { Injectable } from '@nestjs/common';
import { Clock, JobName, JobQueue, type RequestContext, TransactionRunner } from '@app/platform';
import { type AccountRegion, assertOptInRegion } from '../domain/region';
import { RegionRepository } from '../persistence/region.repository';

export interface SetRegionOptInInput {
  region: string;
  enabled: boolean;
}

/**
 * Enables or disables an opt-in Region for the caller's account (idempotent, like AWS's Account
 * API); a change announces RegionEnabled / RegionDisabled so trails follow.
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
      if (changed) {
        const payload = { accountId: ctx.accountId, region: region.name, changeId: String(now.getTime()) };
        await this.jobs.enqueue(input.enabled ? JobName.RegionEnabled : JobName.RegionDisabled, payload);
      }
      return { regionName: region.name, regionOptStatus: input.enabled ? 'ENABLED' : 'DISABLED' };
    });
  }
}
