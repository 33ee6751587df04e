import {
  BuiltInObjectStore,
  compareKeys,
  CreateBucketUseCase,
  ListObjectsUseCase,
  ListObjectsV2UseCase,
  renderListObjectsV1,
} from '@app/storage';
import { bucketName, callerIn, codeOf, StorageWorld } from './support/storage-world';

/** A few hundred keys built to trip up sorting, prefix matching and roll-up. */
function trickyKeys(): string[] {
  const parts = [
    'a',
    'a b',
    'a%',
    'a_',
    'a%b',
    'a_b',
    'ab',
    'é',
    'e\u0301',
    '\uFF5E',
    '\u{1F600}',
    '+',
    '-',
    '.',
    '~',
  ];
  const keys = new Set<string>();
  for (const first of parts) {
    keys.add(first);
    keys.add(`${first}/`);
    keys.add(`${first}//${first}`);
    keys.add(`${first}///x`);
    for (const second of parts.slice(0, 8)) keys.add(`${first}/${second}`);
    keys.add(`${first}/deep/er/still`);
    keys.add(`logs/${first}/2026/01/02/file.json.gz`);
  }
  for (let i = 0; i < 60; i++)
    keys.add(
      `AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/${String(i % 31).padStart(2, '0')}/f${i}.json.gz`,
    );
  return [...keys];
}

/** S3's listing of `keys`, computed the obvious way (every entry, then those after the marker). */
function expectedEntries(
  keys: readonly string[],
  prefix: string,
  delimiter?: string,
  after?: string,
): string[] {
  const entries: string[] = [];
  for (const key of [...keys].sort(compareKeys)) {
    if (!key.startsWith(prefix)) continue;
    const at = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    const entry = at < 0 ? key : key.slice(0, at + delimiter!.length);
    if (entries[entries.length - 1] !== entry) entries.push(entry);
  }
  return entries.filter((entry) => after === undefined || compareKeys(entry, after) > 0);
}

describe('object store listings', () => {
  const keys = trickyKeys();
  let world: StorageWorld;
  let owner: string;
  let bucket: string;

  beforeAll(async () => {
    world = await StorageWorld.start();
    owner = await world.account();
    bucket = bucketName();
    await world.get(CreateBucketUseCase).execute(callerIn(owner), { bucket });
    await world
      .get(BuiltInObjectStore)
      .putObjects(keys.map((key) => ({ bucket, key, content: Buffer.from(key) })));
    // A neighbour whose keys must never leak into the listing.
    const neighbour = bucketName();
    await world.get(CreateBucketUseCase).execute(callerIn(owner), { bucket: neighbour });
    await world.get(BuiltInObjectStore).putObject(neighbour, 'a', Buffer.from('x'));
  });

  afterAll(() => world.close());

  /** Pages through ListObjects v1 as the AWS CLI does: NextMarker, or the last key without a delimiter. */
  async function listV1(
    prefix: string,
    delimiter: string | undefined,
    maxKeys: number,
    marker?: string,
  ): Promise<string[]> {
    const listed: string[] = [];
    for (;;) {
      const page = await world
        .get(ListObjectsUseCase)
        .execute(callerIn(owner), { bucket, prefix, delimiter, marker, maxKeys });
      const entries = [...page.contents.map((c) => c.key), ...page.commonPrefixes].sort(compareKeys);
      listed.push(...entries);
      if (!page.isTruncated) return listed;
      expect(page.nextMarker).toBe(delimiter ? entries[entries.length - 1] : undefined);
      marker = page.nextMarker ?? page.contents[page.contents.length - 1].key;
    }
  }

  async function listV2(
    prefix: string,
    delimiter: string | undefined,
    maxKeys: number,
    startAfter?: string,
  ): Promise<string[]> {
    const listed: string[] = [];
    let continuationToken: string | undefined;
    for (;;) {
      const page = await world
        .get(ListObjectsV2UseCase)
        .execute(callerIn(owner), { bucket, prefix, delimiter, maxKeys, startAfter, continuationToken });
      expect(page.keyCount).toBe(page.contents.length + page.commonPrefixes.length);
      listed.push(...[...page.contents.map((c) => c.key), ...page.commonPrefixes].sort(compareKeys));
      if (!page.isTruncated) return listed;
      continuationToken = page.nextContinuationToken;
    }
  }

  it('lists every key once, in UTF-8 byte order, as PostgreSQL sorts them', async () => {
    const page = await world.get(ListObjectsUseCase).execute(callerIn(owner), { bucket });
    expect(page.contents.map((c) => c.key)).toEqual([...keys].sort(compareKeys));
    expect(page.isTruncated).toBe(false);
    expect(page.contents.find((c) => c.key === 'a b')).toMatchObject({
      size: 3,
      etag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
    });
  });

  it.each([
    ['', '/', 7],
    ['', undefined, 50],
    ['a', '/', 5],
    ['a%', '/', 3],
    ['a_', undefined, 4],
    ['a/', '/', 2],
    ['a//', '/', 1],
    ['logs/', '/', 4],
    ['logs/', 'json', 6],
    ['é', '/', 3],
    ['\uFF5E', '/', 2],
    ['AWSLogs/111122223333/CloudTrail/us-east-1/', undefined, 13],
    ['nothing-here/', '/', 5],
  ])(
    'pages prefix %j delimiter %j by %i exactly as S3 would, with markers and tokens',
    async (prefix, delimiter, maxKeys) => {
      const expected = expectedEntries(keys, prefix, delimiter);
      expect(await listV1(prefix, delimiter, maxKeys)).toEqual(expected);
      expect(await listV2(prefix, delimiter, maxKeys)).toEqual(expected);
    },
  );

  it('starts after a marker or start-after, even one inside a common prefix', async () => {
    for (const marker of ['a%', 'a/a_', 'a_b/x', '\uFF5E//\uFF5E', 'zzz']) {
      expect(await listV1('', '/', 9, marker)).toEqual(expectedEntries(keys, '', '/', marker));
      expect(await listV2('', '/', 9, marker)).toEqual(expectedEntries(keys, '', '/', marker));
    }
  });

  it('answers max-keys 0 with nothing, untruncated, and caps max-keys at 1000', async () => {
    const none = await world.get(ListObjectsUseCase).execute(callerIn(owner), { bucket, maxKeys: 0 });
    expect(none).toMatchObject({ contents: [], commonPrefixes: [], isTruncated: false, maxKeys: 0 });
    const capped = await world.get(ListObjectsV2UseCase).execute(callerIn(owner), { bucket, maxKeys: 5000 });
    expect(capped.maxKeys).toBe(1000);
  });

  it('returns the owner on v1 always and on v2 only with fetch-owner', async () => {
    expect(
      (await world.get(ListObjectsUseCase).execute(callerIn(owner), { bucket, maxKeys: 1 })).ownerAccountId,
    ).toBe(owner);
    const v2 = world.get(ListObjectsV2UseCase);
    expect((await v2.execute(callerIn(owner), { bucket, maxKeys: 1 })).ownerAccountId).toBeUndefined();
    expect((await v2.execute(callerIn(owner), { bucket, maxKeys: 1, fetchOwner: true })).ownerAccountId).toBe(
      owner,
    );
  });

  it('url-encodes keys, prefixes and markers in the answer when asked', async () => {
    const page = await world.get(ListObjectsUseCase).execute(callerIn(owner), {
      bucket,
      prefix: 'a b/',
      delimiter: '/',
      marker: 'a b/a',
      maxKeys: 2,
      encodingType: 'url',
    });
    const document = renderListObjectsV1(page);
    expect(document).toContain('<Prefix>a%20b/</Prefix>');
    expect(document).toContain('<Marker>a%20b/a</Marker>');
    expect(document).toContain('<Key>a%20b/a%25</Key>');
    expect(document).toContain('<NextMarker>');
  });

  it('refuses bad parameters with InvalidArgument and a missing bucket with NoSuchBucket', async () => {
    const v1 = world.get(ListObjectsUseCase);
    const v2 = world.get(ListObjectsV2UseCase);
    expect(await codeOf(v1.execute(callerIn(owner), { bucket, encodingType: 'base64' }))).toBe(
      'InvalidArgument',
    );
    expect(await codeOf(v1.execute(callerIn(owner), { bucket, maxKeys: -1 }))).toBe('InvalidArgument');
    expect(await codeOf(v1.execute(callerIn(owner), { bucket, prefix: 'a\0' }))).toBe('InvalidArgument');
    expect(await codeOf(v2.execute(callerIn(owner), { bucket, continuationToken: 'forged' }))).toBe(
      'InvalidArgument',
    );
    const { nextContinuationToken } = await v2.execute(callerIn(owner), { bucket, maxKeys: 1 });
    expect(
      await codeOf(
        v2.execute(callerIn(owner), {
          bucket: bucketName('other'),
          continuationToken: nextContinuationToken,
        }),
      ),
    ).toBe('InvalidArgument');
    expect(await codeOf(v1.execute(callerIn(owner), { bucket: bucketName('missing') }))).toBe('NoSuchBucket');
  });
});
