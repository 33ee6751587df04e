import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@app/platform';
import { type Region } from '../domain/region';
import { RegionRepository } from '../persistence/region.repository';

/** The partition's Region catalogue: every Region, default or opt-in. */
@Injectable()
export class ListPartitionRegionsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly regions: RegionRepository,
  ) {}

  execute(): Promise<Region[]> {
    return this.tx.read((em) => this.regions.list(em));
  }
}
