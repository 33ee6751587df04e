import { type TransactionRunner } from '../database/transaction';
import { type JobOutbox, type OutboxEntry } from './job-outbox';
import { jobIds, type JobName, type JobPayloads } from './job-names';

export interface EnqueueOptions {
  delayMs?: number;
}

/** The port producers depend on (tests substitute a recording fake). */
export abstract class JobQueue {
  abstract enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options?: EnqueueOptions,
  ): Promise<void>;
  /** True when the queue backend answers (readiness). */
  abstract isReachable(): Promise<boolean>;
}

/**
 * Both real queues: a job is written to the outbox in the caller's transaction and handed to the
 * backend (BullMQ, or the in-process queue) once that transaction commits.
 */
export abstract class OutboxJobQueue extends JobQueue {
  constructor(
    protected readonly tx: TransactionRunner,
    protected readonly outbox: JobOutbox,
  ) {
    super();
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<void> {
    const entry: OutboxEntry = { id: jobIds[name](payload), name, payload };
    const delayMs = options.delayMs ?? 0;
    await this.tx.run((em) => this.outbox.record(em, entry, new Date(Date.now() + delayMs)));
    await this.tx.afterCommit(() => this.push(entry, delayMs));
  }

  /** Hands a recorded job to the backend; failures are logged and the relay retries later. */
  abstract push(entry: OutboxEntry, delayMs: number): Promise<void>;

  /** Pushes again a job the outbox says is unfinished (the relay). */
  async repush(entry: OutboxEntry): Promise<void> {
    await this.push(entry, 0);
  }
}
