import { Inject, Injectable } from '@nestjs/common';
import { type Logger } from 'pino';
import { LOGGER } from '../logging/logging.module';
import { JobOutbox } from './job-outbox';
import { JobQueue, OutboxJobQueue } from './job-queue';
import { type PeriodicTask, RunsPeriodically } from './periodic-task';

const GRACE_MS = 15_000;
const BATCH = 1_000;

/** Pushes again every job the outbox still holds well after it became due. */
@Injectable()
@RunsPeriodically()
export class JobRelayTask implements PeriodicTask {
  readonly taskName = 'job-relay';

  constructor(
    private readonly outbox: JobOutbox,
    private readonly queue: JobQueue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(): Promise<void> {
    if (!(this.queue instanceof OutboxJobQueue)) return;
    const overdue = await this.outbox.overdue(GRACE_MS, BATCH);
    for (const entry of overdue) await this.queue.repush(entry);
    if (overdue.length > 0) this.logger.info({ jobs: overdue.length }, 'relayed unfinished jobs');
  }
}
