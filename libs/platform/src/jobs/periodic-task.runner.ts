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
 * How long after an interval's end an aligned task ticks: past the edge, so that timer jitter
 * never runs it twice in one interval.
 */
const ALIGN_DELAY_MS = 20;

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
      const intervalMs = task.intervalMs ?? this.env.TRAILPLANE_SWEEP_INTERVAL_MS;
      const tick = this.ticker(task);
      if (task.alignedToInterval) {
        this.alignedTimer(tick, intervalMs);
      } else {
        const timer = setInterval(tick, intervalMs);
        timer.unref();
        this.timers.push(timer);
      }
      setImmediate(tick);
    }
  }

  /** One run of `task` at a time; with `alignedToInterval`, a tick missed while busy runs after. */
  private ticker(task: PeriodicTask): () => void {
    let busy = false;
    let missed = false;
    const tick = (): void => {
      if (this.stopped) return;
      if (busy) {
        missed = task.alignedToInterval === true;
        return;
      }
      busy = true;
      missed = false;
      const run = withStatementTimeout(this.env.TRAILPLANE_DB_JOB_STATEMENT_TIMEOUT_MS, () => task.run())
        .catch((error: unknown) =>
          this.logger.warn({ err: error, task: task.taskName }, 'periodic task failed'),
        )
        .finally(() => {
          busy = false;
          this.running.delete(run);
          if (missed) tick();
        });
      this.running.add(run);
    };
    return tick;
  }

  /** Ticks ALIGN_DELAY_MS after every multiple of `intervalMs` since the epoch. */
  private alignedTimer(tick: () => void, intervalMs: number): void {
    const arm = (): void => {
      if (this.stopped) return;
      const timer = setTimeout(
        () => {
          this.timers.splice(this.timers.indexOf(timer), 1);
          arm();
          tick();
        },
        intervalMs - (Date.now() % intervalMs) + ALIGN_DELAY_MS,
      );
      timer.unref();
      this.timers.push(timer);
    };
    arm();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.allSettled([...this.running]);
  }
}
