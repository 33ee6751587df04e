/**
 * Runs at most `limit` tasks at once; the others wait, in arrival order. A queue whose small jobs
 * run many at once (they share a statement) keeps its other work to an ordinary concurrency with
 * it, so that jobs holding a connection each do not take the whole pool.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The slot passes to the next waiter, if any, instead of being freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
