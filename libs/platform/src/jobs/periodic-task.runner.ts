import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { type Logger } from 'pino';
import { EnvSchema } from '../config/env.schema';
import { withStatementTimeout } from '../database/statement-timeout';
import { LOGGER } from '../logging/logging.module';
import { PERIODIC_TASK, type PeriodicTask } from './periodic-task';

/**
 * Runs every periodic task on its interval, one run at a time per task, until shutdown, under the
 * jobs' statement bound.
 */
@Injectable()
export class PeriodicTaskRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly env: EnvSchema,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype;
      if (!wrapper.instance || !type || !this.reflector.get<boolean>(PERIODIC_TASK, type)) continue;
      const task = wrapper.instance as PeriodicTask;
      let busy = false;
      const tick = (): void => {
        if (busy || this.stopped) return;
        busy = true;
        const run = withStatementTimeout(this.env.TRAILPLANE_DB_JOB_STATEMENT_TIMEOUT_MS, () => task.run())
          .catch((error: unknown) =>
            this.logger.warn({ err: error, task: task.taskName }, 'periodic task failed'),
          )
          .finally(() => {
            busy = false;
            this.running.delete(run);
          });
        this.running.add(run);
      };
      const timer = setInterval(tick, task.intervalMs ?? this.env.TRAILPLANE_SWEEP_INTERVAL_MS);
      timer.unref();
      this.timers.push(timer);
      setImmediate(tick);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.allSettled([...this.running]);
  }
}
