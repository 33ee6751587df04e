import { Injectable } from '@nestjs/common';
import { type RequestContext, TransactionRunner } from '@app/platform';
import { type TrailRecord } from '../domain/trail-record';
import { InsightNotEnabledError } from '../domain/trail.errors';
import { TrailLocator } from '../services/trail-locator';

/** GetInsightSelectors (§2.12): `InsightNotEnabledException` for a trail without Insights. */
@Injectable()
export class GetInsightSelectorsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly locator: TrailLocator,
  ) {}

  async execute(ctx: RequestContext, input: { trailName: string }): Promise<TrailRecord> {
    const trail = await this.tx.read((em) => this.locator.find(em, ctx, input.trailName));
    if (trail.insightSelectors.length === 0) {
      throw new InsightNotEnabledError(trail.name);
    }
    return trail;
  }
}
