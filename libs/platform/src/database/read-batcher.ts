import { AsyncResource } from 'node:async_hooks';

interface Waiter<K, V> {
  readonly key: K;
  readonly resolve: (value: V) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Coalesces the lookups issued during one turn of the event loop into one `loadMany` call, so that
 * requests arriving together share one database round trip instead of taking one each. Nothing is
 * cached: every lookup reads state committed after it was issued, as a query of its own would.
 *
 * `loadMany` answers one value per key, in the keys' order, and runs outside its callers' async
 * context (no ambient transaction, no request scope): use a batcher only for reads that belong to
 * no transaction. A failed load fails every lookup of its batch.
 */
export class ReadBatcher<K, V> {
  private pending: Waiter<K, V>[] | undefined;
  private readonly dispatchOutsideCallers: () => void;

  constructor(
    private readonly loadMany: (keys: readonly K[]) => Promise<readonly V[]>,
    private readonly maxBatch = 64,
  ) {
    // Bound here, where the batcher is built (at boot, outside any request or transaction).
    this.dispatchOutsideCallers = AsyncResource.bind(() => void this.dispatch());
  }

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      if (this.pending === undefined) {
        this.pending = [];
        setImmediate(this.dispatchOutsideCallers);
      }
      this.pending.push({ key, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.dispatchOutsideCallers();
    });
  }

  private async dispatch(): Promise<void> {
    const batch = this.pending;
    this.pending = undefined;
    if (batch === undefined) return;
    try {
      const values = await this.loadMany(batch.map((waiter) => waiter.key));
      batch.forEach((waiter, index) => waiter.resolve(values[index]));
    } catch (error) {
      batch.forEach((waiter) => waiter.reject(error));
    }
  }
}
