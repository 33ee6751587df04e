import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type TrailRecord } from '../domain/trail-record';
import { TrailValidationPeriodRepository } from '../persistence/trail-validation-period.repository';

/** A trail signs digests while it logs with log file validation enabled (delivery.md §4). */
function validates(trail: TrailRecord | undefined): boolean {
  return trail !== undefined && trail.isLogging && trail.settings.logFileValidationEnabled;
}

/**
 * Opens and closes a trail's validation period with the change that starts or ends it
 * (StartLogging/StopLogging, UpdateTrail of LogFileValidationEnabled, DeleteTrail), in its
 * transaction: a new period starts new digest chains, a closed one gets its final digests.
 */
@Injectable()
export class TrailValidationPeriods {
  constructor(private readonly periods: TrailValidationPeriodRepository) {}

  async afterChange(
    em: EntityManager,
    before: TrailRecord,
    after: TrailRecord | undefined,
    at: Date,
  ): Promise<void> {
    if (!validates(before) && validates(after)) await this.periods.open(em, before.id, at);
    if (validates(before) && !validates(after)) await this.periods.close(em, before.id, at);
  }
}
