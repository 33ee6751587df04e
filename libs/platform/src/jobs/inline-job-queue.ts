import { type Logger } from 'pino';
import { type TransactionRunner } from '../database/transaction';
import { type JobDispatcher } from './job-dispatcher';
import { PermanentJobFailure } from './job-handler';
import { type JobPayloads } from './job-names';
import { type JobOutbox, type OutboxEntry } from './job-outbox';
import { OutboxJobQueue } from './job-queue';

interface PendingJob {
  entry: OutboxEntry;
  attempt: number;
}

const ATTEMPTS = 5;
const BACKOFF_MS = 1_000;

/**
 * The embedded mode's queue: jobs run in this process, off the request path, through the same
 * dispatcher and handlers as BullMQ workers, with id-based dedupe, retries and backoff. A job that
 * exhausts its attempts stays in the outbox for the relay.
 */
export class InlineJobQueue extends OutboxJobQueue {
  private readonly queue: PendingJob[] = [];
  private readonly active = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = 0;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    tx: TransactionRunner,
    outbox: JobOutbox,
    private readonly dispatcher: JobDispatcher,
    private readonly logger: Logger,
    private readonly concurrency: number,
  ) {
    super(tx, outbox);
  }

  async push(entry: OutboxEntry, delayMs: number): Promise<void> {
    if (this.closed || this.active.has(entry.id)) return;
    this.active.add(entry.id);
    this.schedule({ entry, attempt: 1 }, delayMs);
  }

  async isReachable(): Promise<boolean> {
    return !this.closed;
  }

  /** Jobs waiting or running (metrics). */
  get depth(): number {
    return this.queue.length + this.running + this.timers.size;
  }

  /** Resolves once no job is queued or running (tests and graceful shutdown). */
  whenIdle(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(timeoutMs: number): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queue.length = 0;
    await Promise.race([this.whenIdle(), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  private schedule(job: PendingJob, delayMs: number): void {
    if (delayMs <= 0) {
      this.queue.push(job);
      this.pump();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.queue.push(job);
      this.pump();
    }, delayMs);
    this.timers.add(timer);
  }

  private pump(): void {
    while (!this.closed && this.running < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift() as PendingJob;
      this.running++;
      setImmediate(() => void this.run(job));
    }
    this.notifyIdle();
  }

  private async run(job: PendingJob): Promise<void> {
    const { entry } = job;
    try {
      await this.dispatcher.dispatch(entry.name, entry.payload as JobPayloads[typeof entry.name], entry.id);
      this.active.delete(entry.id);
    } catch (error) {
      this.logger.warn({ err: error, jobId: entry.id, attempt: job.attempt }, 'job failed');
      if (!(error instanceof PermanentJobFailure) && job.attempt < ATTEMPTS && !this.closed) {
        this.schedule({ entry, attempt: job.attempt + 1 }, BACKOFF_MS * 2 ** (job.attempt - 1));
      } else {
        this.active.delete(entry.id);
      }
    } finally {
      this.running--;
      this.pump();
    }
  }

  private idle(): boolean {
    return this.queue.length === 0 && this.running === 0 && this.timers.size === 0;
  }

  private notifyIdle(): void {
    if (!this.idle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
