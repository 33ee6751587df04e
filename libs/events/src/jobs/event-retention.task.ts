import { Inject, Injectable } from '@nestjs/common';
import { Clock, LOGGER, type PeriodicTask, RunsPeriodically, TransactionRunner } from '@app/platform';
import { type Logger } from 'pino';
import { EVENT_RETENTION_DAYS } from '../domain/lookup-query';
import { EventRepository } from '../persistence/event.repository';

const BATCH = 5_000;
const MAX_BATCHES_PER_RUN = 200;

/** Purges events older than 90 days, in batches of 5,000, each in its own short transaction. */
@Injectable()
@RunsPeriodically()
export class EventRetentionTask implements PeriodicTask {
  readonly taskName = 'event-retention';

  constructor(
    private readonly tx: TransactionRunner,
    private readonly events: EventRepository,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - EVENT_RETENTION_DAYS * 86_400_000);
    let purged = 0;
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const deleted = await this.tx.run((em) => this.events.purgeOlderThan(em, cutoff, BATCH));
      purged += deleted;
      if (deleted < BATCH) break;
    }
    if (purged > 0) this.logger.info({ purged, cutoff }, 'purged expired events');
    return purged;
  }
}
