import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { TrailLoggingPeriodRepository } from '../persistence/trail-logging-period.repository';
import { TrailRepository } from '../persistence/trail.repository';
import { TrailValidationPeriods } from '../services/trail-validation-periods';
import { TrailLocator } from '../services/trail-locator';

/** DeleteTrail (§2.4): from the home Region; every replica goes with the trail. */
@Injectable()
export class DeleteTrailUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly locator: TrailLocator,
    private readonly periods: TrailLoggingPeriodRepository,
    private readonly validationPeriods: TrailValidationPeriods,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: { name: string }): Promise<void> {
    await this.tx.run(async (em) => {
      const trail = await this.locator.findForChange(em, ctx, input.name);
      const now = this.clock.now();
      await this.periods.close(em, trail.id, now);
      await this.trails.delete(em, trail.id);
      await this.validationPeriods.afterChange(em, trail, undefined, now);
    });
  }
}
