import { createHash, randomBytes } from 'node:crypto';
import {
  BuiltInObjectStore,
  computeChecksum,
  CreateBucketUseCase,
  DeleteObjectsUseCase,
  DeleteObjectUseCase,
  GetObjectUseCase,
  HeadObjectUseCase,
  MAX_OBJECT_SIZE,
  PutObjectUseCase,
} from '@app/storage';
import { bucketName, callerIn, codeOf, readBody, StorageWorld } from './support/storage-world';

const MiB = 1024 * 1024;
const md5Of = (bytes: Buffer) => createHash('md5').update(bytes).digest('base64');

describe('object store objects', () => {
  let world: StorageWorld;
  let owner: string;
  let bucket: string;

  beforeAll(async () => {
    world = await StorageWorld.start();
    owner = await world.account();
    bucket = bucketName();
    await world.get(CreateBucketUseCase).execute(callerIn(owner), { bucket });
  });

  afterAll(() => world.close());

  const ctx = () => callerIn(owner);
  const put = (key: string, content: Buffer, extra: object = {}) =>
    world.get(PutObjectUseCase).execute(ctx(), { bucket, key, content, ...extra });
  const get = (key: string, range?: string, from = bucket) =>
    world.get(GetObjectUseCase).execute(ctx(), { bucket: from, key, range });

  describe(PutObjectUseCase.name, () => {
    it('stores content, headers, metadata and checksum, and answers them on GET and HEAD', async () => {
      const content = Buffer.from('{"Records":[]}');
      const checksum = { algorithm: 'CRC32C' as const, value: computeChecksum('CRC32C', content) };
      const stored = await put('AWSLogs/111122223333/x.json.gz', content, {
        contentType: 'application/json',
        contentEncoding: 'gzip',
        contentMd5: md5Of(content),
        checksum,
        userMetadata: { 'Signature-Algorithm': 'SHA256withRSA' },
      });
      expect(stored.etag).toBe(`"${createHash('md5').update(content).digest('hex')}"`);

      const got = await get('AWSLogs/111122223333/x.json.gz');
      expect(await readBody(got.body)).toEqual(content);
      expect(got.head).toMatchObject({
        size: content.length,
        etag: stored.etag,
        contentType: 'application/json',
        contentEncoding: 'gzip',
        userMetadata: { 'signature-algorithm': 'SHA256withRSA' },
        checksum,
      });
      expect(got.contentLength).toBe(content.length);
      const head = await world
        .get(HeadObjectUseCase)
        .execute(ctx(), { bucket, key: 'AWSLogs/111122223333/x.json.gz' });
      expect(head.head).toEqual(got.head);
    });

    it('defaults the content type as S3 does and stores empty objects', async () => {
      await put('empty', Buffer.alloc(0));
      const got = await get('empty');
      expect(got.head).toMatchObject({
        size: 0,
        contentType: 'binary/octet-stream',
        etag: '"d41d8cd98f00b204e9800998ecf8427e"',
      });
      expect(await readBody(got.body)).toEqual(Buffer.alloc(0));
    });

    it('replaces the object on a second put', async () => {
      await put('overwritten', Buffer.from('one'));
      const second = await put('overwritten', Buffer.from('two!'), { userMetadata: { v: '2' } });
      const got = await get('overwritten');
      expect(await readBody(got.body)).toEqual(Buffer.from('two!'));
      expect(got.head).toMatchObject({ etag: second.etag, size: 4, userMetadata: { v: '2' } });
    });

    it('refuses a bad digest, checksum, key or metadata and keeps what was there', async () => {
      await put('guarded', Buffer.from('original'));
      const replacement = Buffer.from('replacement');
      expect(await codeOf(put('guarded', replacement, { contentMd5: md5Of(Buffer.from('other')) }))).toBe(
        'BadDigest',
      );
      expect(await codeOf(put('guarded', replacement, { contentMd5: 'bm90LW1kNQ==' }))).toBe('InvalidDigest');
      expect(
        await codeOf(
          put('guarded', replacement, {
            checksum: { algorithm: 'CRC32', value: computeChecksum('CRC32', Buffer.from('x')) },
          }),
        ),
      ).toBe('BadDigest');
      expect(await codeOf(put('guarded', replacement, { userMetadata: { big: 'x'.repeat(2100) } }))).toBe(
        'MetadataTooLarge',
      );
      expect(await codeOf(put('k'.repeat(1025), replacement))).toBe('KeyTooLongError');
      expect(await readBody((await get('guarded')).body)).toEqual(Buffer.from('original'));
    });

    it('answers NoSuchBucket for a missing bucket', async () => {
      expect(
        await codeOf(
          world
            .get(PutObjectUseCase)
            .execute(ctx(), { bucket: bucketName('missing'), key: 'k', content: Buffer.from('x') }),
        ),
      ).toBe('NoSuchBucket');
    });

    it('refuses 64 MiB + 1 with EntityTooLarge, and takes exactly 64 MiB, read back by range', async () => {
      const oversized = Buffer.allocUnsafe(MAX_OBJECT_SIZE + 1);
      for (let offset = 0; offset < MAX_OBJECT_SIZE; offset += MiB)
        oversized.writeUInt32BE(offset / MiB, offset);
      expect(await codeOf(put('huge', oversized))).toBe('EntityTooLarge');
      expect(await codeOf(get('huge'))).toBe('NoSuchKey');

      const largest = oversized.subarray(0, MAX_OBJECT_SIZE);
      await put('huge', largest);
      const tail = await get('huge', 'bytes=-5');
      expect(tail.range).toEqual({ start: MAX_OBJECT_SIZE - 5, end: MAX_OBJECT_SIZE - 1 });
      expect(await readBody(tail.body)).toEqual(largest.subarray(MAX_OBJECT_SIZE - 5));
      const lastMiB = await get('huge', `bytes=${63 * MiB}-${63 * MiB + 3}`);
      expect((await readBody(lastMiB.body)).readUInt32BE(0)).toBe(63);
    }, 120_000);
  });

  describe(GetObjectUseCase.name, () => {
    const content = randomBytes(5 * MiB + 123);

    beforeAll(() => put('multi/part.bin', content));

    it('streams a multi-MiB object whole, in slices', async () => {
      const got = await get('multi/part.bin');
      const slices: Buffer[] = [];
      for await (const slice of got.body) slices.push(slice);
      expect(slices.length).toBeGreaterThan(5);
      expect(Buffer.concat(slices).equals(content)).toBe(true);
      expect(got.range).toBeUndefined();
    });

    it.each([
      ['bytes=0-9', 0, 9],
      [`bytes=${MiB - 5}-${MiB + 5}`, MiB - 5, MiB + 5],
      ['bytes=-100', content.length - 100, content.length - 1],
      [`bytes=${4 * MiB}-`, 4 * MiB, content.length - 1],
      [`bytes=${content.length - 1}-${content.length + 1000}`, content.length - 1, content.length - 1],
      [`bytes=${MiB / 2}-${3 * MiB}`, MiB / 2, 3 * MiB],
    ])('answers Range %s with exactly those bytes', async (range, start, end) => {
      const got = await get('multi/part.bin', range);
      expect(got.range).toEqual({ start, end });
      expect(got.contentLength).toBe(end - start + 1);
      expect((await readBody(got.body)).equals(content.subarray(start, end + 1))).toBe(true);
    });

    it('ignores a malformed Range and refuses an unsatisfiable one with InvalidRange', async () => {
      const whole = await get('multi/part.bin', 'bytes=9-0');
      expect(whole.range).toBeUndefined();
      expect(whole.contentLength).toBe(content.length);
      expect(await codeOf(get('multi/part.bin', `bytes=${content.length}-`))).toBe('InvalidRange');
      expect(
        await codeOf(
          world.get(HeadObjectUseCase).execute(ctx(), { bucket, key: 'multi/part.bin', range: 'bytes=-0' }),
        ),
      ).toBe('InvalidRange');
      const head = await world
        .get(HeadObjectUseCase)
        .execute(ctx(), { bucket, key: 'multi/part.bin', range: 'bytes=0-99' });
      expect(head.contentLength).toBe(100);
    });

    it('fails the stream instead of splicing two versions when the object is replaced mid-read', async () => {
      await put('moving', randomBytes(3 * MiB));
      const got = await get('moving');
      const iterator = got.body[Symbol.asyncIterator]();
      expect((await iterator.next()).value).toHaveLength(MiB);
      await put('moving', randomBytes(3 * MiB));
      expect(await codeOf(iterator.next())).toBe('InternalError');
    });

    it('tells NoSuchKey from NoSuchBucket', async () => {
      expect(await codeOf(get('absent'))).toBe('NoSuchKey');
      expect(await codeOf(get('absent', 'bytes=0-1'))).toBe('NoSuchKey');
      expect(await codeOf(get('absent', undefined, bucketName('missing')))).toBe('NoSuchBucket');
      expect(await codeOf(world.get(HeadObjectUseCase).execute(ctx(), { bucket, key: 'absent' }))).toBe(
        'NoSuchKey',
      );
    });
  });

  describe('deleting objects', () => {
    it('DeleteObject is idempotent', async () => {
      await put('to-delete', Buffer.from('x'));
      const sut = world.get(DeleteObjectUseCase);
      await sut.execute(ctx(), { bucket, key: 'to-delete' });
      await sut.execute(ctx(), { bucket, key: 'to-delete' });
      expect(await codeOf(get('to-delete'))).toBe('NoSuchKey');
      expect(await codeOf(sut.execute(ctx(), { bucket: bucketName('missing'), key: 'k' }))).toBe(
        'NoSuchBucket',
      );
    });

    it('DeleteObjects deletes tricky keys in one request and reports per-key errors', async () => {
      const keys = ['d/a b', 'd/100%', 'd/_x_', 'd/quote\'"{},\\', 'd/é/\u{1F600}'];
      for (const key of keys) await put(key, Buffer.from(key));
      const escape = (key: string) =>
        key.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
      const body = Buffer.from(
        `<Delete>${[...keys, 'd/never-existed']
          .map((key) => `<Object><Key>${escape(key)}</Key></Object>`)
          .join('')}<Object><Key>d/a b</Key><VersionId>v2</VersionId></Object></Delete>`,
      );
      const result = await world
        .get(DeleteObjectsUseCase)
        .execute(ctx(), { bucket, body, contentMd5: md5Of(body) });
      expect(result.deleted.map((d) => d.key)).toEqual([...keys, 'd/never-existed']);
      expect(result.errors).toEqual([
        { key: 'd/a b', code: 'NoSuchVersion', message: 'The specified version does not exist.' },
      ]);
      for (const key of keys) expect(await codeOf(get(key))).toBe('NoSuchKey');
    });

    it('DeleteObjects demands an integrity header that matches the body', async () => {
      await put('kept', Buffer.from('x'));
      const body = Buffer.from('<Delete><Object><Key>kept</Key></Object><Quiet>true</Quiet></Delete>');
      const sut = world.get(DeleteObjectsUseCase);
      expect(await codeOf(sut.execute(ctx(), { bucket, body }))).toBe('InvalidRequest');
      expect(
        await codeOf(sut.execute(ctx(), { bucket, body, contentMd5: md5Of(Buffer.from('other')) })),
      ).toBe('BadDigest');
      expect(
        await codeOf(
          sut.execute(ctx(), {
            bucket,
            body: Buffer.from('<Delete/>'),
            checksum: { algorithm: 'CRC32', value: computeChecksum('CRC32', Buffer.from('<Delete/>')) },
          }),
        ),
      ).toBe('MalformedXML');
      expect(await readBody((await get('kept')).body)).toEqual(Buffer.from('x'));
      const quiet = await sut.execute(ctx(), {
        bucket,
        body,
        checksum: { algorithm: 'CRC32', value: computeChecksum('CRC32', body) },
      });
      expect(quiet).toMatchObject({ quiet: true, errors: [] });
      expect(await codeOf(get('kept'))).toBe('NoSuchKey');
    });
  });

  describe(BuiltInObjectStore.name, () => {
    it('writes a digest file with its signature metadata', async () => {
      const content = Buffer.from('digest');
      await world.get(BuiltInObjectStore).putObject(bucket, 'AWSLogs/CloudTrail-Digest/d.json.gz', content, {
        contentType: 'application/json',
        contentEncoding: 'gzip',
        userMetadata: { signature: 'ab12', 'signature-algorithm': 'SHA256withRSA' },
      });
      const got = await get('AWSLogs/CloudTrail-Digest/d.json.gz');
      expect(got.head.userMetadata).toEqual({ signature: 'ab12', 'signature-algorithm': 'SHA256withRSA' });
      expect(await readBody(got.body)).toEqual(content);
    });

    it('writes a batch of files all together, or none when one is refused', async () => {
      const store = world.get(BuiltInObjectStore);
      const files = Array.from({ length: 1200 }, (_, i) => ({
        bucket,
        key: `batch/${String(i).padStart(4, '0')}.json.gz`,
        content: Buffer.from(`file ${i}`),
        metadata: { contentType: 'application/json' },
      }));
      const heads = await store.putObjects([...files, { ...files[0], content: Buffer.from('last wins') }]);
      expect(heads).toHaveLength(1201);
      expect(await readBody((await get('batch/0000.json.gz')).body)).toEqual(Buffer.from('last wins'));
      expect(await readBody((await get('batch/1199.json.gz')).body)).toEqual(Buffer.from('file 1199'));

      const refused = [
        { bucket, key: 'batch2/a', content: Buffer.from('a') },
        { bucket: bucketName('missing'), key: 'batch2/b', content: Buffer.from('b') },
      ];
      expect(await codeOf(store.putObjects(refused))).toBe('NoSuchBucket');
      expect(await codeOf(get('batch2/a'))).toBe('NoSuchKey');
    });
  });
});
