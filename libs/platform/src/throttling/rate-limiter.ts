import { Inject, Injectable } from '@nestjs/common';
import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { EnvSchema } from '../config/env.schema';
import { RedisRequestBound, TIMED_OUT } from '../redis/redis-request-bound';
import { REDIS } from '../redis/redis.token';
import { LOGGER } from '../logging/logging.module';

export interface RateDecision {
  readonly allowed: boolean;
  /** When refused: how long until a request would be allowed. */
  readonly retryAfterMs: number;
}

/**
 * A token bucket per key (rate tokens per second, burst = rate): in Redis with Redis's own clock
 * when REDIS_URL is set, so every API replica shares it; in memory in the embedded mode. If Redis
 * does not answer within the request bound (slow, stalled or down), this replica's in-memory
 * bucket decides: throttling must neither take the API down with it nor stop throttling.
 */
const TOKEN_BUCKET = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 't', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return {allowed, wait}`;

@Injectable()
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly redisBound: RedisRequestBound,
    private readonly env: EnvSchema,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async consume(key: string, ratePerSecond: number): Promise<RateDecision> {
    const burst = Math.max(1, ratePerSecond);
    if (!this.redis || this.redisBound.degraded) return this.consumeInMemory(key, ratePerSecond, burst);
    try {
      const answer = await this.redisBound.wait(
        this.redis.eval(
          TOKEN_BUCKET,
          1,
          `${this.env.TRAILPLANE_QUEUE_PREFIX}:throttle:${key}`,
          ratePerSecond,
          burst,
        ) as Promise<[number, number]>,
      );
      if (answer !== TIMED_OUT) return { allowed: answer[0] === 1, retryAfterMs: answer[1] };
      this.logger.warn(
        { timeoutMs: this.redisBound.boundMs },
        'rate limiter: Redis too slow; throttling in process',
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'rate limiter: Redis unavailable; throttling in process');
    }
    return this.consumeInMemory(key, ratePerSecond, burst);
  }

  private consumeInMemory(key: string, rate: number, burst: number): RateDecision {
    const now = Date.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) * rate) / 1000);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.buckets.clear();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterMs: 0 };
    }
    return { allowed: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) * 1000) / rate) };
  }
}
