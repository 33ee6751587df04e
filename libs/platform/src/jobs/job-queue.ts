import { type JobName, type JobPayloads } from './job-names';

export interface EnqueueOptions {
  delayMs?: number;
}

/**
 * The port producers depend on. BullMQ implements it with Redis; the embedded mode runs the same
 * handlers in-process. Enqueueing inside a transaction is deferred until it commits.
 */
export abstract class JobQueue {
  abstract enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options?: EnqueueOptions,
  ): Promise<void>;
  /** True when the queue backend answers (readiness). */
  abstract isReachable(): Promise<boolean>;
}
