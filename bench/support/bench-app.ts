import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { EnsureBootstrapAccountUseCase } from '@app/accounts';
import { type Clock, createLogger, type Env, loadEnv } from '@app/platform';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { createApiApplication } from '../../apps/api/src/http/http-server';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { givenOpenLogBuckets } from './open-log-buckets';

/**
 * A Trailplane for benchmarks, booted the way the e2e tests boot theirs: the API on an ephemeral
 * port and a BullMQ worker in this process, on a fresh PostgreSQL database (migrated at boot) and
 * its own Redis key prefix; `close()` removes all three. Self-contained: the build excludes test/.
 *
 * BENCH_DATABASE_URL names the server (its database is only used to create and drop the bench's
 * own); BENCH_REDIS_URL the Redis. Bench databases are named `bench_trailplane_*`, so the e2e
 * setup (which drops `test_trailplane_*`) never touches one in use.
 */

export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface BenchCredentials {
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export const BENCH_OPERATOR: BenchCredentials = {
  accountId: '100000000001',
  accessKeyId: 'AKIABENCHOPERATOR001',
  secretAccessKey: 'bench-operator-secret-key-not-for-production-01',
};
/** The buckets the benchmarks' trails name, open to CloudTrail for any trail. */
const BENCH_LOG_BUCKETS = [
  'bench-logs',
  'bench-audit-logs',
  'audit-logs',
  'org-audit-logs',
  'p3-logs',
  'soak-logs',
  'coverage-audit-logs',
];
const MASTER_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

export interface BenchApp {
  readonly url: string;
  readonly databaseUrl: string;
  /** The bench database's name and Redis key prefix: another replica attaches to both (`attach`). */
  readonly shared: SharedBenchState;
  /** The API itself, for benchmarks that call a use case directly or stub one seam of it. */
  readonly api: NestFastifyApplication;
  readonly env: Env;
  /** Stops the in-process worker (its queues and periodic tasks): the bench then drives the work itself. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/** What replicas of one Trailplane share: its database and its queues. */
export interface SharedBenchState {
  readonly database: string;
  readonly prefix: string;
}

/**
 * With `attach`, a further replica of the Trailplane that made that state: same database and
 * queues, its own API and worker; closing it leaves the database and queues to their maker.
 */
export async function startBenchApp(
  options: { env?: Record<string, string>; clock?: Clock; attach?: SharedBenchState } = {},
): Promise<BenchApp> {
  const owner = options.attach === undefined;
  const name = options.attach?.database ?? `bench_trailplane_${process.pid}_${Date.now().toString(36)}`;
  if (owner) await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const databaseUrl = urlOfDatabase(name);
  const prefix = options.attach?.prefix ?? `bench-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'trailplane-bench-'));
  const env = loadEnv({
    DATABASE_URL: databaseUrl,
    REDIS_URL: BENCH_REDIS_URL,
    TRAILPLANE_QUEUE_PREFIX: prefix,
    TRAILPLANE_DATA_DIR: dataDir,
    TRAILPLANE_MASTER_KEY: MASTER_KEY,
    TRAILPLANE_BOOTSTRAP_ACCOUNT_ID: BENCH_OPERATOR.accountId,
    TRAILPLANE_BOOTSTRAP_ACCESS_KEY_ID: BENCH_OPERATOR.accessKeyId,
    TRAILPLANE_BOOTSTRAP_SECRET_ACCESS_KEY: BENCH_OPERATOR.secretAccessKey,
    // The published per-account rates (1 write/s) would measure the limiter, not the service.
    TRAILPLANE_THROTTLING: 'off',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const logger = createLogger(env.LOG_LEVEL);
  let api: NestFastifyApplication | undefined;
  let worker: INestApplicationContext | undefined;
  const stopWorker = async (): Promise<void> => {
    await worker?.close();
    worker = undefined;
  };
  const close = async (): Promise<void> => {
    await stopWorker();
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (!owner) return;
    await clearRedisPrefix(prefix);
    await withAdminClient(async (client) => {
      await client.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [name],
      );
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
    });
  };
  try {
    api = await createApiApplication(env, logger, { clock: options.clock });
    await api.get(EnsureBootstrapAccountUseCase).execute();
    await givenOpenLogBuckets(api, BENCH_OPERATOR, BENCH_LOG_BUCKETS);
    await api.listen(0, '127.0.0.1');
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(env, logger, options.clock), {
      logger: false,
      abortOnError: false,
    });
    await worker.init();
  } catch (error) {
    await close();
    throw error;
  }
  const address = api.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    databaseUrl,
    shared: { database: name, prefix },
    api,
    env,
    stopWorker,
    close,
  };
}

/** A Trailplane in embedded mode (PGlite, in-process jobs): no database server, no Redis. */
export interface EmbeddedBenchApp {
  readonly url: string;
  readonly api: NestFastifyApplication;
  close(): Promise<void>;
}

export async function startEmbeddedBenchApp(): Promise<EmbeddedBenchApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trailplane-bench-embedded-'));
  const env = loadEnv({
    TRAILPLANE_DATA_DIR: dataDir,
    TRAILPLANE_MASTER_KEY: MASTER_KEY,
    TRAILPLANE_BOOTSTRAP_ACCOUNT_ID: BENCH_OPERATOR.accountId,
    TRAILPLANE_BOOTSTRAP_ACCESS_KEY_ID: BENCH_OPERATOR.accessKeyId,
    TRAILPLANE_BOOTSTRAP_SECRET_ACCESS_KEY: BENCH_OPERATOR.secretAccessKey,
    TRAILPLANE_THROTTLING: 'off',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
  });
  const api = await createApiApplication(env, createLogger(env.LOG_LEVEL));
  const close = async (): Promise<void> => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await api.get(EnsureBootstrapAccountUseCase).execute();
    await givenOpenLogBuckets(api, BENCH_OPERATOR, BENCH_LOG_BUCKETS);
    await api.listen(0, '127.0.0.1');
  } catch (error) {
    await close();
    throw error;
  }
  const address = api.getHttpServer().address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, api, close };
}

/** The URL of database `name` on the bench server. */
export function urlOfDatabase(name: string): string {
  const url = new URL(BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function clearRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(BENCH_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
