import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { loggingStopsAt } from '../domain/trail-coverage';
import { TrailLoggingPeriodRepository } from '../persistence/trail-logging-period.repository';
import { TrailRepository } from '../persistence/trail.repository';
import { TrailLocator } from '../services/trail-locator';
import { TrailValidationPeriods } from '../services/trail-validation-periods';
import { TrailPropagation } from '../services/trail-propagation';

/** StartLogging / StopLogging (§2.8): from the home Region; the state reaches every replica. */
@Injectable()
export class SetTrailLoggingUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly locator: TrailLocator,
    private readonly propagation: TrailPropagation,
    private readonly periods: TrailLoggingPeriodRepository,
    private readonly validationPeriods: TrailValidationPeriods,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: { name: string; logging: boolean }): Promise<void> {
    await this.tx.run(async (em) => {
      const trail = await this.locator.findForChange(em, ctx, input.name);
      if (trail.isLogging === input.logging) return;
      const now = this.clock.now();
      const updated = await this.trails.update(
        em,
        trail,
        input.logging
          ? { isLogging: true, startLoggingTime: now, propagate: true }
          : { isLogging: false, stopLoggingTime: now, propagate: true },
        now,
      );
      // StartLogging's own event is the first the period covers, StopLogging's the last.
      if (input.logging) await this.periods.open(em, trail.id, ctx.receivedAt);
      else await this.periods.close(em, trail.id, loggingStopsAt(ctx.receivedAt, now));
      await this.propagation.afterChange(em, trail, updated);
      await this.validationPeriods.afterChange(em, trail, updated, now);
    });
  }
}
