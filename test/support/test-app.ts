import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { EnsureBootstrapAccountUseCase } from '@app/accounts';
import { type Clock, createLogger, InlineJobQueue, JobQueue, loadEnv } from '@app/platform';
import { Redis } from 'ioredis';
import { createApiApplication } from '../../apps/api/src/http/http-server';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { type TestCredentials } from './credentials';
import { givenTestLogBuckets } from './open-log-buckets';
import { RestClient } from './signed-request';
import { createTestDatabase, TEST_REDIS_URL } from './test-database';

export const OPERATOR: TestCredentials = {
  accountId: '100000000001',
  accessKeyId: 'AKIAOPERATORTEST0001',
  secretAccessKey: 'operator-secret-key-for-tests-only-000001',
};
const MASTER_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

export interface TestAppOptions {
  /** 'bullmq' (default): Redis + a BullMQ worker in this process; 'inline': the embedded queue. */
  jobs?: 'bullmq' | 'inline';
  clock?: Clock;
  env?: Record<string, string>;
  /** Reuse the database of an earlier app (restart tests). */
  databaseUrl?: string;
  /** BullMQ mode without the in-process worker: the test runs workers as child processes. */
  inProcessWorker?: boolean;
  /** Redis to use (fault tests run their own). */
  redisUrl?: string;
  /** BullMQ key prefix to share with worker processes. */
  queuePrefix?: string;
  /** Keep every log line (at debug level) in `app.logs`, for leak checks. */
  captureLogs?: boolean;
}

/** A running Trailplane on real PostgreSQL (a fresh database) and Redis (its own key prefix). */
export class TestApp {
  private constructor(
    readonly url: string,
    readonly databaseUrl: string,
    readonly prefix: string,
    /** The environment the API runs with (worker processes reuse it). */
    readonly env: Record<string, string>,
    /** Captured log lines (with `captureLogs`). */
    readonly logs: readonly string[],
    private readonly api: NestFastifyApplication,
    private readonly worker: INestApplicationContext | undefined,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const database = options.databaseUrl ? undefined : await createTestDatabase();
    const databaseUrl = options.databaseUrl ?? (database as { url: string }).url;
    const prefix = options.queuePrefix ?? `test-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'trailplane-test-'));
    const jobs = options.jobs ?? 'bullmq';
    const settings: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      ...(jobs === 'bullmq' ? { REDIS_URL: options.redisUrl ?? TEST_REDIS_URL } : {}),
      TRAILPLANE_QUEUE_PREFIX: prefix,
      TRAILPLANE_DATA_DIR: dataDir,
      TRAILPLANE_MASTER_KEY: MASTER_KEY,
      TRAILPLANE_BOOTSTRAP_ACCOUNT_ID: OPERATOR.accountId,
      TRAILPLANE_BOOTSTRAP_ACCESS_KEY_ID: OPERATOR.accessKeyId,
      TRAILPLANE_BOOTSTRAP_SECRET_ACCESS_KEY: OPERATOR.secretAccessKey,
      DATABASE_POOL_SIZE: '5',
      WORKER_CONCURRENCY: '4',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      TRAILPLANE_THROTTLING: 'off',
      ...options.env,
    };
    const env = loadEnv(settings);
    const logs: string[] = [];
    const logger = options.captureLogs
      ? createLogger('debug', { write: (line: string) => void logs.push(line) })
      : createLogger(env.LOG_LEVEL);
    const api = await createApiApplication(env, logger, { clock: options.clock });
    await api.get(EnsureBootstrapAccountUseCase).execute();
    await givenTestLogBuckets(api, OPERATOR);
    await api.listen(0, '127.0.0.1');
    const address = api.getHttpServer().address() as { port: number };
    const worker =
      jobs === 'bullmq' && options.inProcessWorker !== false
        ? await NestFactory.createApplicationContext(WorkerModule.forRoot(env, logger, options.clock), {
            logger: false,
            abortOnError: false,
          })
        : undefined;
    await worker?.init();
    return new TestApp(
      `http://127.0.0.1:${address.port}`,
      databaseUrl,
      prefix,
      settings,
      logs,
      api,
      worker,
      async () => {
        rmSync(dataDir, { recursive: true, force: true });
        await database?.drop();
      },
    );
  }

  get<T>(type: abstract new (...args: never[]) => T): T {
    return this.api.get(type as never);
  }

  rest(credentials: TestCredentials = OPERATOR, region = 'us-east-1'): RestClient {
    return new RestClient(this.url, credentials, region);
  }

  organizations(credentials: TestCredentials = OPERATOR, region = 'us-east-1'): OrganizationsClient {
    return new OrganizationsClient({ endpoint: this.url, region, credentials, maxAttempts: 1 });
  }

  cloudtrail(credentials: TestCredentials = OPERATOR, region = 'us-east-1'): CloudTrailClient {
    return new CloudTrailClient({ endpoint: this.url, region, credentials, maxAttempts: 1 });
  }

  /** Waits until the in-process queue is idle (inline mode) — BullMQ tests poll for outcomes instead. */
  async jobsIdle(): Promise<void> {
    const queue = this.api.get(JobQueue);
    if (queue instanceof InlineJobQueue) await queue.whenIdle();
  }

  /** Stops the API and worker; keeps the database when `keepDatabase` (restart tests). */
  async close(options: { keepDatabase?: boolean } = {}): Promise<void> {
    await this.worker?.close();
    await this.api.close();
    if (this.env.REDIS_URL) await clearRedisPrefix(this.env.REDIS_URL, this.prefix);
    if (!options.keepDatabase) await this.cleanup();
  }
}

async function clearRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // A Redis a fault test stopped holds nothing to clear.
  } finally {
    redis.disconnect();
  }
}

/** Polls `check` until it returns a value other than undefined (propagation is asynchronous). */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`condition not met within ${timeoutMs} ms${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
