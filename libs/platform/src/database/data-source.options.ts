import pg from 'pg';
import { type DataSourceOptions, type MixedList, type EntitySchema, type MigrationInterface } from 'typeorm';

/**
 * pg's Pool, with an 'error' listener on every client for its whole life. TypeORM listens only
 * while a client is checked out and the pool only while it is idle, so a backend terminated at the
 * wrong moment (a PostgreSQL restart, pg_terminate_backend) would otherwise crash the process with
 * an unhandled 'error' event; the failed query itself still rejects and the pool drops the client.
 */
class ResilientPool extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super(config);
    this.on('connect', (client) => client.on('error', () => undefined));
  }
}

export interface DataSourceParts {
  url: string;
  poolSize: number;
  // TypeORM's own list type for entity classes.
  entities: MixedList<string | (new () => unknown) | EntitySchema>;
  migrations: Array<new () => MigrationInterface>;
  onPoolError: (error: Error) => void;
}

/**
 * The one data source definition shared by the apps, the migration CLI and the tests. The schema
 * comes only from hand-written migrations; timeouts keep a request from hanging on a dead database.
 */
export function dataSourceOptions(parts: DataSourceParts): DataSourceOptions {
  return {
    type: 'postgres',
    driver: { ...pg, Pool: ResilientPool },
    url: parts.url,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: parts.poolSize,
    poolErrorHandler: parts.onPoolError,
    extra: {
      max: parts.poolSize,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      query_timeout: 30_000,
      application_name: 'trailplane',
    },
  };
}
