import { Inject, Injectable } from '@nestjs/common';
import { Clock, LOGGER, type PeriodicTask, RunsPeriodically, TransactionRunner } from '@app/platform';
import { type Logger } from 'pino';
import { EVENT_RETENTION_DAYS } from '../domain/lookup-query';
import { EventRepository } from '../persistence/event.repository';

/**
 * Removes events older than 90 days by dropping the day partitions that lie wholly before the
 * cutoff (an event is kept 90 to 91 days), in one short transaction whatever their size.
 */
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
    const dropped = await this.tx.run((em) => this.events.dropPartitionsBefore(em, cutoff));
    if (dropped > 0) this.logger.info({ dropped, cutoff }, 'dropped expired event partitions');
    return dropped;
  }
}
