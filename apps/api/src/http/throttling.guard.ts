import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import {
  DomainError,
  EnvSchema,
  parseThrottleRates,
  RateLimiter,
  rateOf,
  type ThrottleRates,
} from '@app/platform';
import { type FastifyReply } from 'fastify';
import { stateOf, type TrailplaneRequest } from './trailplane-request';

/**
 * Throttles authenticated calls per account, Region and operation (CloudTrail's published rates
 * unless configured), shared by every API replica through Redis. A refused call gets
 * `ThrottlingException` (429) with Retry-After, which the AWS SDKs retry with backoff.
 */
@Injectable()
export class ThrottlingGuard implements CanActivate {
  private readonly rates: ThrottleRates;
  private readonly enabled: boolean;

  constructor(
    private readonly limiter: RateLimiter,
    env: EnvSchema,
  ) {
    this.enabled = env.TRAILPLANE_THROTTLING === 'on';
    this.rates = parseThrottleRates(env.TRAILPLANE_THROTTLE_RATES);
  }

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (!this.enabled) return true;
    const { context: ctx, operation } = stateOf(execution.switchToHttp().getRequest<TrailplaneRequest>());
    if (!ctx || !operation) return true;
    const rate = rateOf(operation.service, operation.name, this.rates);
    if (rate === undefined) return true;
    const decision = await this.limiter.consume(
      `${ctx.accountId}:${ctx.region}:${operation.service}:${operation.name}`,
      rate,
    );
    if (decision.allowed) return true;
    const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    void execution
      .switchToHttp()
      .getResponse<FastifyReply>()
      .header('retry-after', String(retryAfterSeconds));
    throw new DomainError(
      'ThrottlingException',
      `Rate exceeded for ${operation.name}: retry after ${retryAfterSeconds} s.`,
    );
  }
}
