import { Inject, Injectable } from '@nestjs/common';
import { Clock, LOGGER, type PeriodicTask, RunsPeriodically, TransactionRunner } from '@app/platform';
import { type Logger } from 'pino';
import { EVENT_RETENTION_DAYS } from '../domain/lookup-query';
import { EventRepository } from '../persistence/event.repository';
import { whenEventTablesFree } from './when-event-tables-free';

/**
 * Removes events older than 90 days: the day partitions that lie wholly before the cutoff (an event
 * is kept 90 to 91 days) leave the history in one short transaction whatever their size; their
 * tables are dropped in the next, which holds no lock on the event tables while the files go.
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
    const detached = await whenEventTablesFree(() =>
      this.tx.run((em) => this.events.detachPartitionsBefore(em, cutoff)),
    );
    const dropped = await this.tx.run((em) => this.events.dropDetachedPartitions(em));
    if (detached > 0 || dropped > 0)
      this.logger.info({ detached, dropped, cutoff }, 'removed expired event days');
    return detached;
  }
}
