import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;

/** Every environment variable Trailplane reads, validated once at start-up (README lists them). */
export class EnvSchema {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT: number = 3000;
  @IsOptional() @IsString() HOST: string = '127.0.0.1';

  /** PostgreSQL connection URL; absent → embedded PGlite under TRAILPLANE_DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;
  /** Redis URL for BullMQ; absent → jobs run in-process. */
  @IsOptional() @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// URL' }) REDIS_URL?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE: number = 10;
  /** Bound (ms) on one statement of a request, in the driver and on the server (statement_timeout). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600000) TRAILPLANE_DB_STATEMENT_TIMEOUT_MS: number =
    3000;
  /** Bound (ms) on one statement of a background job or periodic sweep (long batches). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3600000)
  TRAILPLANE_DB_JOB_STATEMENT_TIMEOUT_MS: number = 60000;
  /** Bound (ms) on waiting for a pooled connection, or opening one. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600000) TRAILPLANE_DB_ACQUIRE_TIMEOUT_MS: number =
    2000;
  /** Bound (ms) on each Redis call a request waits for (throttling, enqueue after commit). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(60000) TRAILPLANE_REDIS_REQUEST_TIMEOUT_MS: number =
    200;
  @IsOptional() @Matches(/^[a-z0-9_-]{1,40}$/) TRAILPLANE_QUEUE_PREFIX: string = 'trailplane';

  @IsOptional() @IsString() TRAILPLANE_DATA_DIR: string = './.data';
  @IsOptional() @Matches(/^[a-z][a-z0-9-]{1,30}$/) TRAILPLANE_PARTITION: string = 'aws';
  @IsOptional()
  @Matches(/^\d{12}$/, { message: 'must be 12 digits' })
  TRAILPLANE_BOOTSTRAP_ACCOUNT_ID?: string;
  @IsOptional()
  @Matches(/^[A-Z0-9]{16,128}$/, { message: 'must be 16-128 upper-case letters or digits' })
  TRAILPLANE_BOOTSTRAP_ACCESS_KEY_ID?: string;
  @IsOptional()
  @Matches(/^\S{16,128}$/, { message: 'must be 16-128 non-space characters' })
  TRAILPLANE_BOOTSTRAP_SECRET_ACCESS_KEY?: string;
  /** 32-byte key (base64 or 64 hex chars) that encrypts stored secrets; generated into the data dir when absent. */
  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, { message: 'must be 32 bytes as hex or base64' })
  TRAILPLANE_MASTER_KEY?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400) TRAILPLANE_SIGV4_MAX_SKEW_SECONDS: number =
    900;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string =
    'info';
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) WORKER_CONCURRENCY: number = 8;
  /**
   * Jobs the worker runs at once from the propagation queue: a trail outside an organization is a
   * small job, and the ones running together share one statement, so more in flight means fewer,
   * larger statements (P10). Jobs that need a connection of their own wait for the pool. 128 keeps
   * two full statements (64 jobs each) out while the next gathers: 1,000 such jobs ran at 0.65–0.74×
   * multi-row INSERT against 0.43–0.51× at 32 (same machine, alternating runs); 256 gained nothing.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) TRAILPLANE_PROPAGATION_CONCURRENCY: number =
    128;
  /** The worker serves Prometheus metrics on this port when set. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) TRAILPLANE_WORKER_METRICS_PORT?: number;
  /** BullMQ job lock (ms): how long before a dead worker's job is taken over. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(600000) TRAILPLANE_WORKER_LOCK_MS: number = 30000;
  /** BullMQ stalled-job check interval (ms). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(600000) TRAILPLANE_WORKER_STALLED_MS: number =
    30000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(3600000) TRAILPLANE_SWEEP_INTERVAL_MS: number =
    30000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(600000) TRAILPLANE_SHUTDOWN_TIMEOUT_MS: number =
    15000;
  /** Organizations' account quota: members (the management account included) per organization. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  TRAILPLANE_MAX_ACCOUNTS_PER_ORGANIZATION: number = 10000;
  /**
   * Organizations' closure period: days a closed (SUSPENDED) member account stays in its
   * organization before the account-closure sweep removes it; AWS keeps closed accounts 90 days.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3650) TRAILPLANE_ACCOUNT_CLOSURE_DAYS: number = 90;
  /** API throttling (CloudTrail's published rates per account, Region and operation): on | off. */
  @IsOptional() @IsIn(['on', 'off']) TRAILPLANE_THROTTLING: string = 'on';
  /** Overrides, JSON: {"LookupEvents": 2, "read": 10, "write": 1, "organizations:ListAccounts": 5}. */
  @IsOptional() @IsString() TRAILPLANE_THROTTLE_RATES?: string;
  /**
   * Accounts per ReconcileTrail job (propagation batch size); default 1,000 on PostgreSQL, 25 in
   * embedded mode, whose one connection a batch holds for its whole transaction.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100000) TRAILPLANE_RECONCILE_BATCH_ACCOUNTS?: number;
  /**
   * Days each Region's digest signing key signs before the next one takes over (delivery.md §5);
   * fractions rotate within a day (a lab proving that rotated keys still verify), down to a minute.
   */
  @IsOptional()
  @Transform(toNumber)
  @IsNumber()
  @Min(1 / 1440)
  @Max(3650)
  TRAILPLANE_DIGEST_KEY_ROTATION_DAYS: number = 30;
  /** Seconds between log files of one (trail, account, Region) (delivery.md §3; AWS's "about every 5 minutes"). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400) TRAILPLANE_DELIVERY_INTERVAL_SECONDS: number =
    300;
  /** Seconds each digest covers (delivery.md §4; AWS's hourly digests). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(86400) TRAILPLANE_DIGEST_INTERVAL_SECONDS: number =
    3600;
  /** Events a delivery run reads at most per batch (bounded memory and transactions). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(1000000) TRAILPLANE_DELIVERY_BATCH_EVENTS: number =
    20000;
  /** An external S3-compatible service for deliveries (MinIO, Ceph RGW, AWS S3); absent → the built-in store. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  TRAILPLANE_S3_ENDPOINT?: string;
  @IsOptional() @Matches(/^[a-z0-9-]{1,40}$/) TRAILPLANE_S3_REGION: string = 'us-east-1';
  @IsOptional() @IsString() TRAILPLANE_S3_ACCESS_KEY_ID?: string;
  @IsOptional() @IsString() TRAILPLANE_S3_SECRET_ACCESS_KEY?: string;
  /** Path-style requests (`endpoint/bucket/key`), as MinIO and most self-hosted stores need. */
  @IsOptional() @IsIn(['true', 'false']) TRAILPLANE_S3_FORCE_PATH_STYLE: string = 'true';
  /** Test-only fault injection: `reconcile-delay-ms=<n>` slows each propagation batch before commit. */
  @IsOptional() @Matches(/^(reconcile-delay-ms=\d{1,6})?$/) TRAILPLANE_FAULTS?: string;
}
