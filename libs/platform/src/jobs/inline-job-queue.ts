import { type Logger } from 'pino';
import { type TransactionRunner } from '../database/transaction';
import { type JobDispatcher } from './job-dispatcher';
import { jobIds, type JobName, type JobPayloads } from './job-names';
import { type EnqueueOptions, JobQueue } from './job-queue';
import { PermanentJobFailure } from './job-handler';

interface PendingJob {
  id: string;
  name: JobName;
  payload: unknown;
  attempt: number;
}

const ATTEMPTS = 5;
const BACKOFF_MS = 1_000;
const REMEMBER_COMPLETED_MS = 60 * 60 * 1000;

/**
 * The embedded mode's queue: jobs run in this process, off the request path, through the same
 * dispatcher and handlers as BullMQ workers, with the same id-based dedupe, retries and backoff.
 */
export class InlineJobQueue extends JobQueue {
  private readonly queue: PendingJob[] = [];
  private readonly known = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = 0;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly dispatcher: JobDispatcher,
    private readonly tx: TransactionRunner,
    private readonly logger: Logger,
    private readonly concurrency: number,
  ) {
    super();
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<void> {
    const id = jobIds[name](payload);
    await this.tx.afterCommit(() => this.add({ id, name, payload, attempt: 1 }, options.delayMs ?? 0));
  }

  async isReachable(): Promise<boolean> {
    return !this.closed;
  }

  /** Resolves once no job is queued or running (tests and graceful shutdown). */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0 && this.running === 0 && this.timers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(timeoutMs: number): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queue.length = 0;
    await Promise.race([this.whenIdle(), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  private add(job: PendingJob, delayMs: number): void {
    if (this.closed) return;
    this.forgetExpired();
    if (job.attempt === 1) {
      if (this.known.has(job.id)) return;
      this.known.set(job.id, Date.now());
    }
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.queue.push(job);
        this.pump();
      }, delayMs);
      this.timers.add(timer);
      return;
    }
    this.queue.push(job);
    this.pump();
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
    try {
      await this.dispatcher.dispatch(job.name, job.payload as JobPayloads[typeof job.name]);
    } catch (error) {
      const permanent = error instanceof PermanentJobFailure;
      this.logger.warn({ err: error, jobId: job.id, attempt: job.attempt }, 'job failed');
      if (!permanent && job.attempt < ATTEMPTS) {
        this.add({ ...job, attempt: job.attempt + 1 }, BACKOFF_MS * 2 ** (job.attempt - 1));
      } else {
        // A failed job may be enqueued again later (the sweeps re-enqueue unfinished work).
        this.known.delete(job.id);
      }
    } finally {
      this.running--;
      this.pump();
    }
  }

  private notifyIdle(): void {
    if (this.queue.length > 0 || this.running > 0 || this.timers.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private forgetExpired(): void {
    const cutoff = Date.now() - REMEMBER_COMPLETED_MS;
    for (const [id, at] of this.known) {
      if (at >= cutoff) break;
      this.known.delete(id);
    }
  }
}
