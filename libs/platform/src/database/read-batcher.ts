import { AsyncResource } from 'node:async_hooks';

interface Waiter<K, V> {
  readonly key: K;
  readonly resolve: (value: V) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Coalesces concurrent lookups into one `loadMany` call, so that requests arriving together share
 * one database round trip instead of taking one each. A batch goes out at the end of the turn of
 * the event loop that started it, or, while the previous batch is still out, as soon as that one
 * answers: the lookups issued meanwhile wait for it together. Under load batches thus grow with the
 * number of requests in flight instead of queueing one round trip each for a connection (embedded
 * mode has one), and a lone lookup still goes out at once. Nothing is cached: every lookup reads
 * state committed after it was issued, as a query of its own would.
 *
 * `maxInFlight` lets further batches go out while earlier ones are still out (at most that many at
 * once), for loads whose time is mostly waiting (a commit's WAL flush) rather than the database's
 * work, so that the waits overlap.
 *
 * `loadMany` answers one value per key, in the keys' order, and runs outside its callers' async
 * context (no ambient transaction, no request scope): use a batcher only for reads that belong to
 * no transaction. A failed load fails every lookup of its batch.
 */
export class ReadBatcher<K, V> {
  private pending: Waiter<K, V>[] | undefined;
  /** Batches sent and not answered yet. */
  private inFlight = 0;
  private scheduled = false;
  private readonly dispatchOutsideCallers: () => void;
  private readonly dispatchAtTurnEnd: () => void;

  constructor(
    private readonly loadMany: (keys: readonly K[]) => Promise<readonly V[]>,
    private readonly maxBatch = 64,
    private readonly maxInFlight = 1,
  ) {
    // Bound here, where the batcher is built (at boot, outside any request or transaction).
    this.dispatchOutsideCallers = AsyncResource.bind(() => void this.dispatch());
    this.dispatchAtTurnEnd = AsyncResource.bind(() => {
      this.scheduled = false;
      // A batch sent meanwhile (a full one) takes the rest with it when it answers.
      if (this.inFlight < this.maxInFlight) void this.dispatch();
    });
  }

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.pending ??= [];
      this.pending.push({ key, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.dispatchOutsideCallers();
      else if (this.inFlight < this.maxInFlight && !this.scheduled) {
        this.scheduled = true;
        setImmediate(this.dispatchAtTurnEnd);
      }
    });
  }

  private async dispatch(): Promise<void> {
    const batch = this.pending;
    this.pending = undefined;
    if (batch === undefined) return;
    this.inFlight++;
    try {
      const values = await this.loadMany(batch.map((waiter) => waiter.key));
      batch.forEach((waiter, index) => waiter.resolve(values[index]));
    } catch (error) {
      batch.forEach((waiter) => waiter.reject(error));
    } finally {
      this.inFlight--;
      if (this.inFlight < this.maxInFlight && this.pending !== undefined) void this.dispatch();
    }
  }
}
