/** The size of the next propagation batch when batches are sized by time (embedded mode). */
export interface BatchSizing {
  /** What a batch's transaction should take (milliseconds). */
  readonly budgetMs: number;
  readonly min: number;
  readonly max: number;
}

/**
 * The next batch size after a batch of `size` accounts held its transaction `elapsedMs`: scaled
 * to the budget, at most doubling at a time (one fast batch says little about the next), within
 * [min, max]. A batch over budget shrinks at once, so that requests waiting behind the one embedded
 * connection wait about one budget, whatever the machine's load.
 */
export function nextBatchSize(size: number, elapsedMs: number, sizing: BatchSizing): number {
  const scaled = elapsedMs > 0 ? Math.floor((size * sizing.budgetMs) / elapsedMs) : size * 2;
  return Math.max(sizing.min, Math.min(sizing.max, size * 2, scaled));
}
