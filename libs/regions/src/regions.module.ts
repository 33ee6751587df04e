import { Module } from '@nestjs/common';
import { RegionRepository } from './persistence/region.repository';
import { LaunchRegionUseCase } from './use-cases/launch-region.use-case';
import { ListAccountRegionsUseCase } from './use-cases/list-account-regions.use-case';
import { ListPartitionRegionsUseCase } from './use-cases/list-partition-regions.use-case';
import { SetRegionOptInUseCase } from './use-cases/set-region-opt-in.use-case';

const useCases = [
  LaunchRegionUseCase,
  ListAccountRegionsUseCase,
  ListPartitionRegionsUseCase,
  SetRegionOptInUseCase,
];

@Module({
  providers: [RegionRepository, ...useCases],
  exports: [RegionRepository, ...useCases],
})
export class RegionsModule {}
