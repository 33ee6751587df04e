import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { type EventSelectorsChange, planEventSelectors } from '../domain/event-selectors';
import { type TrailRecord } from '../domain/trail-record';
import { TrailRepository } from '../persistence/trail.repository';
import { TrailLocator } from '../services/trail-locator';
import { TrailPropagation } from '../services/trail-propagation';

/** PutEventSelectors (§2.10, §3.7): basic or advanced, replacing whatever the trail had. */
@Injectable()
export class PutEventSelectorsUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly locator: TrailLocator,
    private readonly propagation: TrailPropagation,
    private readonly clock: Clock,
  ) {}

  async execute(
    ctx: RequestContext,
    input: { trailName: string } & EventSelectorsChange,
  ): Promise<TrailRecord> {
    const eventSelectors = planEventSelectors(input, ctx.partition);
    return this.tx.run(async (em) => {
      const trail = await this.locator.findForChange(em, ctx, input.trailName);
      const updated = await this.trails.update(
        em,
        trail,
        { eventSelectors, hasCustomEventSelectors: true, propagate: true },
        this.clock.now(),
      );
      await this.propagation.afterChange(em, trail, updated);
      return updated;
    });
  }
}
