import { createHash, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DigestSigningKeys, IntegrityModule, ListPublicKeysUseCase } from '@app/integrity';
import {
  Clock,
  dataSourceOptions,
  EnvSchema,
  loadEnv,
  type RequestContext,
  SecretBox,
  TransactionRunner,
} from '@app/platform';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../support/test-database';

const DAY = 24 * 60 * 60 * 1000;
const launchedAt = new Date('2025-01-01T00:00:00Z');
const day = (n: number): Date => new Date(launchedAt.getTime() + n * DAY);

class MovableClock extends Clock {
  current = day(10);
  override now(): Date {
    return this.current;
  }
}

/** Each Region's signing keys on real PostgreSQL, through the lib's Nest module. */
describe(DigestSigningKeys.name, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let moduleRef: TestingModule;
  let sut: DigestSigningKeys;
  let listPublicKeys: ListPublicKeysUseCase;
  const clock = new MovableClock();
  let regionCounter = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(
      dataSourceOptions({
        url: database.url,
        poolSize: 8,
        migrations: [],
        onPoolError: () => undefined,
      }),
    );
    await dataSource.initialize();
    @Global()
    @Module({
      providers: [
        { provide: TransactionRunner, useValue: new TransactionRunner(dataSource) },
        { provide: SecretBox, useValue: new SecretBox(randomBytes(32)) },
        { provide: EnvSchema, useValue: loadEnv({ TRAILPLANE_DIGEST_KEY_ROTATION_DAYS: '30' }) },
        { provide: Clock, useValue: clock },
      ],
      exports: [TransactionRunner, SecretBox, EnvSchema, Clock],
    })
    class PlatformForTests {}
    moduleRef = await Test.createTestingModule({ imports: [PlatformForTests, IntegrityModule] }).compile();
    sut = moduleRef.get(DigestSigningKeys);
    listPublicKeys = moduleRef.get(ListPublicKeysUseCase);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  beforeEach(() => {
    clock.current = day(10);
  });

  /** A Region of its own for each test, launched at `launchedAt`. */
  async function launchRegion(): Promise<string> {
    const region = `zz-keys-${++regionCounter}`;
    await dataSource.query(`INSERT INTO regions (name, opt_in, launched_at) VALUES ($1, false, $2)`, [
      region,
      launchedAt,
    ]);
    return region;
  }

  const ctx = (region: string): RequestContext => ({ region }) as RequestContext;

  it('gives a Region a key from its launch: ListPublicKeys answers before any digest was signed', async () => {
    const region = await launchRegion();
    const { publicKeyList } = await listPublicKeys.execute(ctx(region), {});
    expect(publicKeyList).toHaveLength(1);
    const [key] = publicKeyList;
    expect(key.validityStartTime).toEqual(launchedAt);
    expect(key.validityEndTime).toEqual(day(31));
    expect(key.fingerprint).toBe(createHash('md5').update(key.publicKeyDer).digest('hex'));
    const publicKey = createPublicKey({ key: key.publicKeyDer, format: 'der', type: 'pkcs1' });
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('rotates after the rotation period, the old key still valid for its digests and still signing late ones', async () => {
    const region = await launchRegion();
    const early = await sut.signingKeyAt(region, day(5));
    clock.current = day(45);
    const current = await sut.signingKeyAt(region, day(45));
    expect(current.fingerprint).not.toBe(early.fingerprint);
    expect((await sut.signingKeyAt(region, day(29.99))).fingerprint).toBe(early.fingerprint);
    expect((await sut.signingKeyAt(region, day(30))).fingerprint).toBe(current.fingerprint);

    const { publicKeyList } = await listPublicKeys.execute(ctx(region), {
      startTime: day(29),
      endTime: day(30.5),
    });
    expect(publicKeyList.map((key) => [key.fingerprint, key.validityStartTime, key.validityEndTime])).toEqual(
      [
        [early.fingerprint, launchedAt, day(31)],
        [current.fingerprint, day(30), day(61)],
      ],
    );
    const signature = sign('sha256', Buffer.from('digest'), early.privateKey);
    const listedEarly = createPublicKey({ key: publicKeyList[0].publicKeyDer, format: 'der', type: 'pkcs1' });
    expect(verify('sha256', Buffer.from('digest'), listedEarly, signature)).toBe(true);
    expect(
      (await listPublicKeys.execute(ctx(region), { startTime: day(40), endTime: day(50) })).publicKeyList,
    ).toEqual([expect.objectContaining({ fingerprint: current.fingerprint })]);
  });

  it('lets concurrent first users agree on one key', async () => {
    const region = await launchRegion();
    const keys = await Promise.all(Array.from({ length: 6 }, () => sut.signingKeyAt(region, day(3))));
    expect(new Set(keys.map((key) => key.fingerprint)).size).toBe(1);
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM digest_signing_keys WHERE region = $1`,
      [region],
    );
    expect(count).toBe(1);
  });

  it('stores private keys sealed, never in clear', async () => {
    const region = await launchRegion();
    await sut.signingKeyAt(region, day(1));
    const [row] = await dataSource.query(
      `SELECT private_key_sealed FROM digest_signing_keys WHERE region = $1`,
      [region],
    );
    expect(row.private_key_sealed).toMatch(/^v1\./);
    expect(row.private_key_sealed).not.toContain('PRIVATE KEY');
    const { publicKeyList } = await listPublicKeys.execute(ctx(region), {});
    expect(JSON.stringify(publicKeyList)).not.toContain('PRIVATE');
  });

  it('refuses a start after the end with InvalidTimeRangeException, and an unknown Region', async () => {
    const region = await launchRegion();
    await expect(
      listPublicKeys.execute(ctx(region), { startTime: day(11), endTime: day(10) }),
    ).rejects.toMatchObject({
      code: 'InvalidTimeRangeException',
    });
    await expect(listPublicKeys.execute(ctx('zz-nowhere-1'), {})).rejects.toMatchObject({
      code: 'RegionNotFoundException',
    });
  });
});
