import { Inject, Injectable } from '@nestjs/common';
import { Clock, LOGGER, type PeriodicTask, RunsPeriodically, TransactionRunner } from '@app/platform';
import { type Logger } from 'pino';
import { EVENT_PARTITION_DAYS_AHEAD, partitionDaysFrom } from '../domain/event-partitions';
import { EventRepository } from '../persistence/event.repository';
import { whenEventTablesFree } from './when-event-tables-free';

/**
 * Creates the events tables' day partitions from today through EVENT_PARTITION_DAYS_AHEAD days
 * ahead, each day in its own short transaction. Hourly is plenty: a day the task missed still
 * records (into the default partition) and moves into its own partition when created.
 */
@Injectable()
@RunsPeriodically()
export class EventPartitionTask implements PeriodicTask {
  readonly taskName = 'event-partitions';
  readonly intervalMs = 3_600_000;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly events: EventRepository,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(): Promise<string[]> {
    const created: string[] = [];
    for (const day of partitionDaysFrom(this.clock.now(), EVENT_PARTITION_DAYS_AHEAD)) {
      const made = await whenEventTablesFree(() => this.tx.run((em) => this.events.ensurePartition(em, day)));
      if (made) created.push(day);
    }
    if (created.length > 0) this.logger.info({ created }, 'created event partitions');
    return created;
  }
}
