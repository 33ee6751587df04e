import { Global, Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter';

/**
 * Per-caller rate limits. The limiter shares the process's Redis connection and its request bound
 * with the job queue (both provided by JobsModule), so one slow Redis degrades them together.
 */
@Global()
@Module({ providers: [RateLimiter], exports: [RateLimiter] })
export class ThrottlingModule {}
