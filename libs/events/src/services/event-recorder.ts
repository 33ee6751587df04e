import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { LOGGER } from '@app/platform';
import { type Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { type ApiCall, buildEvent, type StoredEvent } from '../domain/event-record';
import { EventRepository } from '../persistence/event.repository';

const FLUSH_EVERY_MS = 50;
const FLUSH_AT = 500;
/**
 * Batches written at once, each one statement on its own connection: while one waits on
 * its commit the next is already inserting, so recording keeps up with a multi-row INSERT loop.
 */
const CONCURRENT_FLUSHES = 2;
/** Events held while the database is unreachable; beyond this the oldest are dropped (and logged). */
const MAX_BUFFERED = 100_000;

/**
 * Records API calls. A change's event is written in the change's own transaction, so a change is
 * never committed without it; reads and failed calls are buffered and bulk-inserted within 50 ms
 * (or at 500 events), and flushed on graceful shutdown.
 */
@Injectable()
export class EventRecorder implements BeforeApplicationShutdown {
  private buffer: StoredEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly flushing = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async recordWithChange(em: EntityManager, call: ApiCall): Promise<void> {
    await this.events.insertMany(em, [buildEvent(call)]);
  }

  recordLater(call: ApiCall): void {
    this.buffer.push(buildEvent(call));
    if (this.buffer.length > MAX_BUFFERED) {
      const dropped = this.buffer.splice(0, this.buffer.length - MAX_BUFFERED);
      this.logger.error({ dropped: dropped.length }, 'event buffer full: oldest events dropped');
    }
    if (this.buffer.length >= FLUSH_AT) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
  }

  /** Events waiting to be written (metrics). */
  get depth(): number {
    return this.buffer.length;
  }

  /**
   * Writes every buffered event, and settles once every batch in flight has (on failure a batch
   * goes back to the buffer for the next attempt).
   */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length > 0 && this.flushing.size >= CONCURRENT_FLUSHES) {
      await Promise.race(this.flushing);
      return this.flush();
    }
    const batch = this.buffer;
    if (batch.length > 0) {
      this.buffer = [];
      // One statement, atomic by itself, on a connection of its own: never inside the transaction
      // of whatever request happened to fill the buffer (its rollback would take these events along).
      const flushing: Promise<void> = this.events
        .insertMany(this.dataSource.manager, batch)
        .catch((error: unknown) => {
          this.logger.warn({ err: error, events: batch.length }, 'event flush failed; will retry');
          this.buffer = batch.concat(this.buffer);
          this.timer ??= setTimeout(() => void this.flush(), 1_000);
        })
        .finally(() => this.flushing.delete(flushing));
      this.flushing.add(flushing);
    }
    await Promise.all(this.flushing);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
    if (this.buffer.length > 0) await this.flush();
  }
}
