import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { type Logger } from 'pino';
import { DataSource, type MigrationInterface } from 'typeorm';
import { EnvSchema } from '../config/env.schema';
import { LOGGER } from '../logging/logging.module';
import { dataSourceOptions } from './data-source.options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { runPendingMigrations } from './migrate';
import { TransactionRunner } from './transaction';

export const EMBEDDED_POSTGRES = Symbol('EMBEDDED_POSTGRES');

export interface DatabaseModuleOptions {
  migrations: Array<new () => MigrationInterface>;
}

class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}

/**
 * PostgreSQL through TypeORM: the server at DATABASE_URL, or embedded PGlite under the data dir.
 * Pending migrations are applied at boot under an advisory lock.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: EMBEDDED_POSTGRES,
          inject: [EnvSchema],
          useFactory: (env: EnvSchema) =>
            env.DATABASE_URL ? null : startEmbeddedPostgres(env.TRAILPLANE_DATA_DIR),
        },
        {
          provide: DataSource,
          inject: [EnvSchema, EMBEDDED_POSTGRES, LOGGER],
          useFactory: async (env: EnvSchema, embedded: EmbeddedPostgres | null, logger: Logger) => {
            const dataSource = new DataSource(
              dataSourceOptions({
                url: embedded?.url ?? (env.DATABASE_URL as string),
                poolSize: embedded ? 1 : env.DATABASE_POOL_SIZE,
                migrations: options.migrations,
                onPoolError: (error) => logger.warn({ err: error }, 'idle database connection failed'),
                timeouts: {
                  statementMs: env.TRAILPLANE_DB_STATEMENT_TIMEOUT_MS,
                  jobStatementMs: env.TRAILPLANE_DB_JOB_STATEMENT_TIMEOUT_MS,
                  acquireMs: env.TRAILPLANE_DB_ACQUIRE_TIMEOUT_MS,
                },
              }),
            );
            await dataSource.initialize();
            const applied = await runPendingMigrations(dataSource);
            if (applied.length > 0) logger.info({ migrations: applied }, 'applied migrations');
            return dataSource;
          },
        },
        TransactionRunner,
        DatabaseLifecycle,
      ],
      exports: [DataSource, TransactionRunner],
    };
  }
}
