import { toWholeSeconds } from '@app/integrity';

/** One digest's interval [start, end), whole seconds. */
export interface DigestInterval {
  readonly start: Date;
  readonly end: Date;
}

/** Where a chain stands: the start of its next digest and, once it is over, when it ends. */
export interface ChainPosition {
  readonly nextStart: Date;
  readonly endsAt: Date | null;
}

export interface DueDigests {
  readonly intervals: readonly DigestInterval[];
  /** The last interval is the chain's final digest (or the chain ended with nothing left to cover). */
  readonly ends: boolean;
}

/** The first interval boundary strictly after `time`: intervals align to multiples of the interval since the epoch. */
export function boundaryAfter(time: Date, intervalMs: number): Date {
  return new Date((Math.floor(time.getTime() / intervalMs) + 1) * intervalMs);
}

/**
 * The digests a chain owes at `now` (delivery.md §4), oldest first and at most `max`: one per
 * elapsed interval (each starting where the previous ended, so a stopped worker catches up interval
 * by interval, empty ones included), then, once the chain ends, a final digest up to its end when
 * that leaves at least a second to cover.
 */
export function dueDigestIntervals(
  chain: ChainPosition,
  now: Date,
  intervalMs: number,
  max: number,
): DueDigests {
  const intervals: DigestInterval[] = [];
  const endsAt = chain.endsAt && toWholeSeconds(chain.endsAt);
  let start = chain.nextStart;
  while (intervals.length < max) {
    const boundary = boundaryAfter(start, intervalMs);
    if (endsAt && endsAt <= boundary) {
      if (endsAt > start) intervals.push({ start, end: endsAt });
      return { intervals, ends: true };
    }
    if (boundary > now) break;
    intervals.push({ start, end: boundary });
    start = boundary;
  }
  return { intervals, ends: false };
}
