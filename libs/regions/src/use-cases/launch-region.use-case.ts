import { Injectable } from '@nestjs/common';
import {
  assertPartitionOperator,
  Clock,
  JobName,
  JobQueue,
  type RequestContext,
  TransactionRunner,
} from '@app/platform';
import { type Region, validateRegionName } from '../domain/region';
import { RegionAlreadyExistsError } from '../domain/region.errors';
import { RegionRepository } from '../persistence/region.repository';

export interface LaunchRegionInput {
  name: string;
  optIn: boolean;
}

/** The operator adds a Region to the partition; default Regions are enabled everywhere at once. */
@Injectable()
export class LaunchRegionUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly regions: RegionRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: LaunchRegionInput): Promise<Region> {
    assertPartitionOperator(ctx, 'trailplane:LaunchRegion');
    validateRegionName(input.name);
    const region: Region = { name: input.name, optIn: input.optIn };
    return this.tx.run(async (em) => {
      if (!(await this.regions.insert(em, region, this.clock.now()))) {
        throw new RegionAlreadyExistsError(input.name);
      }
      await this.jobs.enqueue(JobName.RegionLaunched, { region: region.name, optIn: region.optIn });
      return region;
    });
  }
}
