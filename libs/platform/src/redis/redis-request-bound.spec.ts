import { RedisRequestBound, settleWithin, TIMED_OUT } from './redis-request-bound';

const never = (): Promise<never> => new Promise(() => undefined);

describe('settleWithin', () => {
  it("answers the call's outcome when it settles in time, TIMED_OUT otherwise", async () => {
    await expect(settleWithin(Promise.resolve('PONG'), 50)).resolves.toBe('PONG');
    await expect(settleWithin(Promise.reject(new Error('down')), 50)).rejects.toThrow('down');
    await expect(settleWithin(never(), 10)).resolves.toBe(TIMED_OUT);
  });
});

describe('RedisRequestBound', () => {
  let now = 0;
  const bound = (): RedisRequestBound => new RedisRequestBound(10, 1_000, () => now);
  beforeEach(() => {
    now = 0;
  });

  it('stays healthy while calls answer within the bound', async () => {
    const redis = bound();
    await expect(redis.wait(Promise.resolve(1))).resolves.toBe(1);
    expect(redis.degraded).toBe(false);
  });

  it('stops waiting for a cool-down after a call overran the bound', async () => {
    const redis = bound();
    await expect(redis.wait(never())).resolves.toBe(TIMED_OUT);
    expect(redis.degraded).toBe(true);
    now += 999;
    expect(redis.degraded).toBe(true);
    now += 1;
    expect(redis.degraded).toBe(false);
  });

  it('stops waiting for a cool-down after a call failed, and passes the failure on', async () => {
    const redis = bound();
    await expect(redis.wait(Promise.reject(new Error('Connection is closed.')))).rejects.toThrow(
      'Connection is closed.',
    );
    expect(redis.degraded).toBe(true);
  });
});
