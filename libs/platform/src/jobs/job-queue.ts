import { type EntityManager } from 'typeorm';
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
  /** Several jobs of one kind, e.g. a sweep's whole tick; by default one after the other. */
  async enqueueMany<N extends JobName>(name: N, payloads: ReadonlyArray<JobPayloads[N]>): Promise<void> {
    for (const payload of payloads) await this.enqueue(name, payload);
  }

  /** True when the queue backend answers (readiness). */
  abstract isReachable(): Promise<boolean>;
}

/**
 * Both real queues: a job is written to the outbox in the caller's transaction and handed to the
 * backend (BullMQ, or the in-process queue) once that transaction commits.
 */
export abstract class OutboxJobQueue extends JobQueue {
  /** Jobs enqueued in a transaction still open, by delay: recorded together just before it commits. */
  private readonly unrecorded = new WeakMap<EntityManager, Map<number, OutboxEntry[]>>();

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
    if (!this.tx.inTransaction) {
      await this.tx.run((em) => this.outbox.record(em, entry, new Date(Date.now() + delayMs)));
      await this.push(entry, delayMs);
      return;
    }
    const em = await this.tx.read(async (current) => current);
    const byDelay = this.unrecorded.get(em) ?? this.startBuffer(em);
    const entries = byDelay.get(delayMs);
    if (entries) entries.push(entry);
    else byDelay.set(delayMs, [entry]);
  }

  /**
   * The jobs a transaction enqueues one by one are recorded in one statement per delay before it
   * commits, and pushed all at once after: a producer of many jobs pays neither a round trip per
   * outbox row nor one per push in turn.
   */
  private startBuffer(em: EntityManager): Map<number, OutboxEntry[]> {
    const byDelay = new Map<number, OutboxEntry[]>();
    this.unrecorded.set(em, byDelay);
    this.tx.beforeCommit(async (tail) => {
      // Jobs enqueued by later hooks of this commit start a buffer (and a hook) of their own.
      this.unrecorded.delete(em);
      for (const [delayMs, entries] of byDelay) {
        await this.outbox.recordMany(tail, entries, new Date(Date.now() + delayMs));
      }
    });
    void this.tx.afterCommit(async () => {
      await Promise.all([...byDelay].map(([delayMs, entries]) => this.pushAll(entries, delayMs)));
    });
    return byDelay;
  }

  /**
   * One outbox statement and one commit for all of them, then every push at once: the jobs of a
   * tick start together instead of one transaction and one push apart.
   */
  override async enqueueMany<N extends JobName>(
    name: N,
    payloads: ReadonlyArray<JobPayloads[N]>,
  ): Promise<void> {
    if (payloads.length === 0) return;
    const entries: OutboxEntry[] = payloads.map((payload) => ({ id: jobIds[name](payload), name, payload }));
    await this.tx.run((em) => this.outbox.recordMany(em, entries, new Date()));
    await this.tx.afterCommit(() => this.pushAll(entries, 0));
  }

  /** Hands a recorded job to the backend; failures are logged and the relay retries later. */
  abstract push(entry: OutboxEntry, delayMs: number): Promise<void>;

  /** Hands the jobs one transaction recorded to the backend, all at once. */
  protected async pushAll(entries: readonly OutboxEntry[], delayMs: number): Promise<void> {
    await Promise.all(entries.map((entry) => this.push(entry, delayMs)));
  }

  /** Pushes again a job the outbox says is unfinished (the relay). */
  async repush(entry: OutboxEntry): Promise<void> {
    await this.push(entry, 0);
  }
}
