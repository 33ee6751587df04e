import { type DiscoveryService, type Reflector } from '@nestjs/core';
import { type Logger } from 'pino';
import { type EnvSchema } from '../config/env.schema';
import { type PeriodicTask } from './periodic-task';
import { PeriodicTaskRunner } from './periodic-task.runner';

/** A task whose runs last `runMs` (fake time) and record when they started. */
function task(options: { intervalMs: number; alignedToInterval?: boolean; runMs: number }): PeriodicTask & {
  starts: number[];
} {
  const starts: number[] = [];
  return {
    taskName: 'test',
    intervalMs: options.intervalMs,
    alignedToInterval: options.alignedToInterval,
    starts,
    run: () => {
      starts.push(Date.now());
      return new Promise((resolve) => setTimeout(resolve, options.runMs));
    },
  };
}

function runnerOf(t: PeriodicTask): PeriodicTaskRunner {
  const discovery = {
    getProviders: () => [{ instance: t, metatype: class {} }],
  } as unknown as DiscoveryService;
  const reflector = { get: () => true } as unknown as Reflector;
  const env = { TRAILPLANE_SWEEP_INTERVAL_MS: 30_000, TRAILPLANE_DB_JOB_STATEMENT_TIMEOUT_MS: 60_000 };
  const logger = { warn: () => undefined } as unknown as Logger;
  return new PeriodicTaskRunner(discovery, reflector, env as EnvSchema, logger);
}

/** Shuts down, letting the run in flight end. */
async function stop(runner: PeriodicTaskRunner): Promise<void> {
  const stopped = runner.beforeApplicationShutdown();
  await jest.advanceTimersByTimeAsync(2_000);
  await stopped;
}

/** Fake time starts 300 ms into a second. */
const START = Date.UTC(2026, 0, 1, 0, 0, 0, 300);

describe('PeriodicTaskRunner', () => {
  beforeEach(() => jest.useFakeTimers({ now: START }));
  afterEach(() => jest.useRealTimers());

  it('runs an aligned task at boot, then just after every multiple of its interval', async () => {
    const t = task({ intervalMs: 1_000, alignedToInterval: true, runMs: 100 });
    const runner = runnerOf(t);
    runner.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(3_000);
    expect(t.starts.map((at) => at - START)).toEqual([0, 720, 1_720, 2_720]);
    await stop(runner);
  });

  it('runs an aligned tick that fell while the task was busy as soon as the run ends', async () => {
    const t = task({ intervalMs: 1_000, alignedToInterval: true, runMs: 1_500 });
    const runner = runnerOf(t);
    runner.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(3_200);
    // The boot run (0–1,500) misses the 720 tick, run at 1,500; that run (to 3,000) misses 1,720 and 2,720.
    expect(t.starts.map((at) => at - START)).toEqual([0, 1_500, 3_000]);
    await stop(runner);
  });

  it('runs other tasks every interval from boot and skips the ticks that fall while busy', async () => {
    const t = task({ intervalMs: 1_000, runMs: 1_500 });
    const runner = runnerOf(t);
    runner.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(3_200);
    expect(t.starts.map((at) => at - START)).toEqual([0, 2_000]);
    await stop(runner);
  });
});
