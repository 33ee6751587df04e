import { Injectable } from '@nestjs/common';
import { EnvSchema, ThrottledError } from '@app/platform';

/** How long a batch may wait for a writer before the caller is told to retry. */
const MAX_WAIT_MS = 2_000;
/** Batches waiting per writer: beyond this the database is behind and waiting helps no one. */
const WAITING_PER_WRITER = 4;

/**
 * Back-pressure for ingestion: at most half the connection pool writes batches at once (the rest
 * of the API keeps its connections), a few batches per writer wait their turn, and any further one,
 * or one that waited too long, is answered ThrottlingException (retryable) instead of being
 * buffered without bound.
 */
@Injectable()
export class IngestionGate {
  private readonly writers: number;
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(env: EnvSchema) {
    this.writers = Math.max(1, Math.floor(env.DATABASE_POOL_SIZE / 2));
  }

  /** Runs `work` once a writer is free; throttles when too many batches are already waiting. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.admit();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private admit(): Promise<void> {
    if (this.active < this.writers) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.writers * WAITING_PER_WRITER) {
      return Promise.reject(new ThrottledError('trailplane', 'PutServiceEvents', 1_000));
    }
    return new Promise((resolve, reject) => {
      const turn = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        reject(new ThrottledError('trailplane', 'PutServiceEvents', 1_000));
      }, MAX_WAIT_MS);
      this.waiting.push(turn);
    });
  }

  /** Hands the writer to the next waiting batch (the count stays), or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
