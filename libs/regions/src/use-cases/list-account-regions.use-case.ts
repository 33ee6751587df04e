import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type AccountRegion, optStatusOf } from '../domain/region';
import { RegionRepository } from '../persistence/region.repository';

/** The caller's view of the partition: every Region with its opt status for the caller's account. */
@Injectable()
export class ListAccountRegionsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly regions: RegionRepository,
  ) {}

  async execute(ctx: RequestContext): Promise<AccountRegion[]> {
    return this.tx.read(async (em) => {
      const [all, enabled] = await Promise.all([
        this.regions.list(em),
        this.regions.enabledOptInRegions(em, ctx.accountId),
      ]);
      return all.map((region) => ({
        regionName: region.name,
        regionOptStatus: optStatusOf(region, enabled),
      }));
    });
  }
}
