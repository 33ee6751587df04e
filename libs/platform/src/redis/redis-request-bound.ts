/** What a bounded wait answers when the call did not settle in time. */
export const TIMED_OUT = Symbol('timed out');

/** `call`'s outcome if it settles within `ms`, else TIMED_OUT (the call itself goes on). */
export function settleWithin<T>(call: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
}

/**
 * How long a request may wait for Redis: each call at most `boundMs`, and none at all for
 * `coolDownMs` after a call overran or failed, so that while Redis is slow or down a request pays
 * nothing rather than the bound on every call. One per process, shared by the request-path users
 * (throttling, enqueue after commit).
 */
export class RedisRequestBound {
  private unhealthyUntil = 0;

  constructor(
    readonly boundMs: number,
    private readonly coolDownMs = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while a recent call overran or failed: callers skip Redis, or do not wait for it. */
  get degraded(): boolean {
    return this.now() < this.unhealthyUntil;
  }

  /** Waits for `call` within the bound; TIMED_OUT (or the call's error) starts the cool-down. */
  async wait<T>(call: Promise<T>): Promise<T | typeof TIMED_OUT> {
    try {
      const outcome = await settleWithin(call, this.boundMs);
      if (outcome === TIMED_OUT) this.markUnhealthy();
      return outcome;
    } catch (error) {
      this.markUnhealthy();
      throw error;
    }
  }

  private markUnhealthy(): void {
    this.unhealthyUntil = this.now() + this.coolDownMs;
  }
}
