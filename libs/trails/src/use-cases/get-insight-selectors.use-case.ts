import { Injectable } from '@nestjs/common';
import { DomainError, type RequestContext, TransactionRunner } from '@app/platform';
import { type TrailRecord } from '../domain/trail-record';
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
      throw new DomainError(
        'InsightNotEnabledException',
        `Trail ${trail.name} does not have Insights enabled. Edit the trail settings to enable Insights, and then try the operation again.`,
      );
    }
    return trail;
  }
}
