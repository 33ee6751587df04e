import pg from 'pg';
import { boundStatements, driverTimeoutMs } from './statement-timeout';
import { type DataSourceOptions, type MigrationInterface } from 'typeorm';

/**
 * pg's Pool, with an 'error' listener on every client for its whole life. TypeORM listens only
 * while a client is checked out and the pool only while it is idle, so a backend terminated at the
 * wrong moment (a PostgreSQL restart, pg_terminate_backend) would otherwise crash the process with
 * an unhandled 'error' event; the failed query itself still rejects and the pool drops the client.
 * With a server-side statement bound configured, every client also bounds each statement by the
 * work that issues it (`boundStatements`).
 */
class ResilientPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    const requestTimeoutMs = config.statement_timeout;
    this.on('connect', (client) => {
      client.on('error', () => undefined);
      if (typeof requestTimeoutMs === 'number') boundStatements(client, requestTimeoutMs);
    });
  }
}

/** How long the database may keep a caller waiting (milliseconds). */
export interface DatabaseTimeouts {
  /** One statement on the request path (and anything not run as background work). */
  readonly statementMs: number;
  /** One statement of a job or a periodic sweep; also how long an abandoned transaction may stay open. */
  readonly jobStatementMs: number;
  /** Waiting for a pooled connection, or opening a new one. */
  readonly acquireMs: number;
}

export interface DataSourceParts {
  url: string;
  poolSize: number;
  migrations: Array<new () => MigrationInterface>;
  onPoolError: (error: Error) => void;
  /** Absent: no statement bound (the migration CLI and the test template). */
  timeouts?: DatabaseTimeouts;
}

/**
 * The one data source definition shared by the apps, the migration CLI and the tests. The schema
 * comes only from hand-written migrations; timeouts keep a request from hanging on a dead or
 * stalled database: each statement and each wait for a connection is bounded, in the driver and on
 * the server (background work runs under its own, longer bound: `withStatementTimeout`).
 */
export function dataSourceOptions(parts: DataSourceParts): DataSourceOptions {
  return {
    type: 'postgres',
    driver: { ...pg, Pool: ResilientPool },
    url: parts.url,
    // Persistence is raw SQL with typed rows: TypeORM keeps the pool, transactions and migrations.
    entities: [],
    migrations: parts.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: parts.poolSize,
    poolErrorHandler: parts.onPoolError,
    extra: {
      max: parts.poolSize,
      connectionTimeoutMillis: parts.timeouts?.acquireMs ?? 5_000,
      idleTimeoutMillis: 30_000,
      application_name: 'trailplane',
      // Short OLTP statements: JIT compilation on unanalysed tables took seconds for a handful of rows.
      options: '-c jit=off',
      ...(parts.timeouts && {
        statement_timeout: parts.timeouts.statementMs,
        query_timeout: driverTimeoutMs(parts.timeouts.statementMs),
        // A transaction whose client vanished in a network stall must not hold its locks for hours.
        idle_in_transaction_session_timeout: parts.timeouts.jobStatementMs,
      }),
    },
  };
}
