import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type TrailRecord } from '../domain/trail-record';
import { TrailLocator } from '../services/trail-locator';

/** GetTrail (§2.5), and the lookup behind GetTrailStatus and GetEventSelectors: by name or ARN. */
@Injectable()
export class GetTrailUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locator: TrailLocator,
  ) {}

  execute(ctx: RequestContext, input: { name: string }): Promise<TrailRecord> {
    return this.tx.read((em) => this.locator.find(em, ctx, input.name));
  }
}
