import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  ConfigModule,
  CryptoModule,
  createLogger,
  DatabaseModule,
  loadEnv,
  LoggingModule,
  randomAccountId,
  type RequestContext,
} from '@app/platform';
import { StorageModule } from '@app/storage';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../../migrations';
import { createTestDatabase } from '../../support/test-database';

const MASTER_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

/**
 * The storage lib alone on real PostgreSQL: StorageModule with the platform modules it needs, on a
 * fresh database cloned from the migrated template. No transport: tests call the use cases.
 */
export class StorageWorld {
  private constructor(
    private readonly module: TestingModule,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  static async start(): Promise<StorageWorld> {
    const database = await createTestDatabase();
    const env = loadEnv({
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '4',
      TRAILPLANE_MASTER_KEY: MASTER_KEY,
      LOG_LEVEL: 'silent',
    });
    const module = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(env),
        LoggingModule.forRoot(createLogger('silent')),
        DatabaseModule.forRoot({ migrations: ALL_MIGRATIONS }),
        CryptoModule,
        StorageModule,
      ],
    }).compile();
    await module.init();
    return new StorageWorld(module, database.drop);
  }

  get<T>(type: abstract new (...args: never[]) => T): T {
    return this.module.get(type as never);
  }

  get dataSource(): DataSource {
    return this.module.get(DataSource);
  }

  /** A new account (bucket owners must exist). */
  async account(): Promise<string> {
    const id = randomAccountId();
    await this.dataSource.query(`INSERT INTO accounts (id, name, email) VALUES ($1, $2, $3)`, [
      id,
      `storage-${id}`,
      `storage-${id}@example.com`,
    ]);
    return id;
  }

  async close(): Promise<void> {
    await this.module.close();
    await this.dropDatabase();
  }
}

/** A caller of `accountId`'s root user, signed for `region`. */
export function callerIn(accountId: string, region = 'us-east-1'): RequestContext {
  return {
    requestId: `req-${Math.random().toString(36).slice(2)}`,
    principal: {
      type: 'Root',
      accountId,
      arn: `arn:aws:iam::${accountId}:root`,
      principalId: accountId,
      accessKeyId: 'AKIASTORAGETEST00001',
      isPartitionOperator: false,
    },
    accountId,
    region,
    partition: 'aws',
    sourceIp: '127.0.0.1',
    userAgent: 'storage-e2e',
    receivedAt: new Date(),
    secureTransport: false,
  };
}

/** The code of the DomainError a call rejects with, or 'resolved'. */
export async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'resolved';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/** A random bucket name that S3 accepts. */
export function bucketName(label = 'b'): string {
  return `${label}-${Math.random().toString(36).slice(2, 12)}`;
}

export async function readBody(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of body) parts.push(part);
  return Buffer.concat(parts);
}
