import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { type InsightSelectorInput } from '../domain/trail';
import { validateInsightSelectors } from '../domain/insight-selectors';
import { type TrailRecord } from '../domain/trail-record';
import { TrailRepository } from '../persistence/trail.repository';
import { TrailLocator } from '../services/trail-locator';
import { TrailPropagation } from '../services/trail-propagation';

/** PutInsightSelectors (§2.12, §3.8): an empty list turns Insights off. */
@Injectable()
export class PutInsightSelectorsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly locator: TrailLocator,
    private readonly propagation: TrailPropagation,
    private readonly clock: Clock,
  ) {}

  async execute(
    ctx: RequestContext,
    input: { trailName: string; insightSelectors: readonly InsightSelectorInput[] },
  ): Promise<TrailRecord> {
    return this.tx.run(async (em) => {
      const trail = await this.locator.findForChange(em, ctx, input.trailName);
      const insightSelectors = validateInsightSelectors(input.insightSelectors, trail.eventSelectors);
      const updated = await this.trails.update(
        em,
        trail,
        { insightSelectors, propagate: true },
        this.clock.now(),
      );
      await this.propagation.afterChange(em, trail, updated);
      return updated;
    });
  }
}
