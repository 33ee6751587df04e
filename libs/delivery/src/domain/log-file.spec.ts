import { createHash, randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { deflateBound, GZIP_TRAILER_BYTES } from './gzip-member';
import { buildLogFiles, type LogFile, LogFileBuilder, type LogFileOptions, type LogRecord } from './log-file';

interface TestRecord extends LogRecord {
  readonly eventID: string;
  readonly eventName: string;
  readonly requestParameters: { readonly note: string } | null;
}

const LOCATION = { accountId: '123456789012', region: 'eu-west-1' };
const DELIVERED_AT = new Date('2024-05-01T12:34:56Z');

const record = (n: number, note = 'x', eventTime = '2024-05-01T12:00:00Z'): TestRecord => ({
  eventTime,
  eventID: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  eventName: 'PutObject',
  requestParameters: { note },
});
/** Suffixes 0000000000000001, 0000000000000002, …: keys that tell the files apart. */
const countingSuffixes = () => {
  let n = 0;
  return () => String((n += 1)).padStart(16, '0');
};
const options = (fields: Partial<LogFileOptions> = {}): LogFileOptions => ({
  location: LOCATION,
  deliveredAt: DELIVERED_AT,
  randomSuffix: countingSuffixes(),
  ...fields,
});

/** The records of a file, after checking that its body is ONE gzip member of `{"Records":[…]}`. */
function recordsOf(file: LogFile): unknown[] {
  const { buffer, engine } = inflateRawSync(file.body.subarray(10), { info: true }) as unknown as {
    buffer: Buffer;
    engine: { bytesWritten: number };
  };
  expect(10 + engine.bytesWritten + GZIP_TRAILER_BYTES).toBe(file.body.length);
  const json = gunzipSync(file.body);
  expect(json.equals(buffer)).toBe(true);
  expect(createHash('sha256').update(json).digest('hex')).toBe(file.uncompressedSha256);
  const content = JSON.parse(json.toString('utf8')) as { Records: unknown[] };
  expect(Object.keys(content)).toEqual(['Records']);
  expect(content.Records).toHaveLength(file.recordCount);
  return content.Records;
}

describe(buildLogFiles.name, () => {
  it('writes no file for no records', () => {
    expect(buildLogFiles([], options())).toEqual([]);
  });

  it('writes the records, in order, into one gzip file of {"Records":[…]}', () => {
    const records = [record(1), record(2), record(3)];
    const [file, ...others] = buildLogFiles(records, options());
    expect(others).toEqual([]);
    expect(file.key).toBe(
      'AWSLogs/123456789012/CloudTrail/eu-west-1/2024/05/01/123456789012_CloudTrail_eu-west-1_20240501T1234Z_0000000000000001.json.gz',
    );
    expect(file.recordCount).toBe(3);
    expect(recordsOf(file)).toEqual(records);
    expect(gunzipSync(file.body).toString('utf8')).toBe(JSON.stringify({ Records: records }));
  });

  it('reports the newest and oldest event times of the file', () => {
    const [file] = buildLogFiles(
      [
        record(1, 'a', '2024-05-01T10:00:00Z'),
        record(2, 'b', '2024-04-30T23:59:59Z'),
        record(3, 'c', '2024-05-01T09:00:00Z'),
      ],
      options(),
    );
    expect(file.newestEventTime).toEqual(new Date('2024-05-01T10:00:00Z'));
    expect(file.oldestEventTime).toEqual(new Date('2024-04-30T23:59:59Z'));
  });

  it('encodes the JSON as UTF-8', () => {
    const records = [record(1, 'café 日本 🙂'), record(2, 'lone \ud800 surrogate')];
    const [file] = buildLogFiles(records, options());
    expect(recordsOf(file)).toEqual(records);
    expect(gunzipSync(file.body).includes(Buffer.from('café 日本 🙂', 'utf8'))).toBe(true);
  });

  it('splits a batch into files of at most the limit, each with its own key, losing and repeating nothing', () => {
    const records = Array.from({ length: 300 }, (_, n) => record(n, randomBytes(24).toString('base64')));
    const files = buildLogFiles(records, options({ maxCompressedBytes: 2_000, chunkBytes: 512 }));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(file.body.length).toBeLessThanOrEqual(2_000);
    expect(new Set(files.map((file) => file.key)).size).toBe(files.length);
    expect(files.flatMap(recordsOf)).toEqual(records);
    expect(files.reduce((total, file) => total + file.recordCount, 0)).toBe(300);
  });

  it('compresses a large batch into one member as well as gzip does', () => {
    const records = Array.from({ length: 20_000 }, (_, n) => record(n, `object ${n % 97} of bucket logs`));
    const json = JSON.stringify({ Records: records });
    const [file, ...others] = buildLogFiles(records, options());
    expect(others).toEqual([]);
    expect(recordsOf(file)).toHaveLength(20_000);
    expect(gunzipSync(file.body).toString('utf8')).toBe(json);
    const wholeGzip = gzipSync(json);
    expect(file.body.length).toBeLessThan(wholeGzip.length * 1.05);
  });

  it('keeps every file within the limit and closes one only when the next record cannot fit', () => {
    const note = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.nat({ max: 150 }).map((n) => randomBytes(n).toString('base64')),
    );
    fc.assert(
      fc.property(
        fc.array(note, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1_500, max: 6_000 }),
        fc.integer({ min: 256, max: 8_192 }),
        (notes, maxCompressedBytes, chunkBytes) => {
          const records = notes.map((text, n) => record(n, text));
          const files = buildLogFiles(records, options({ maxCompressedBytes, chunkBytes }));
          expect(files.flatMap(recordsOf)).toEqual(records);
          let next = 0;
          files.forEach((file, index) => {
            expect(file.body.length).toBeLessThanOrEqual(maxCompressedBytes);
            next += file.recordCount;
            if (index < files.length - 1) {
              const nextRecord = Buffer.byteLength(JSON.stringify(records[next]));
              const roomNeeded = deflateBound(1 + nextRecord) + deflateBound(2) + GZIP_TRAILER_BYTES;
              expect(file.body.length + roomNeeded).toBeGreaterThan(maxCompressedBytes);
            }
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe(LogFileBuilder.name, () => {
  it('hands back each full file as the next record arrives, and the last one on finish', () => {
    const builder = new LogFileBuilder(options({ maxCompressedBytes: 1_000, chunkBytes: 64 }));
    const files: LogFile[] = [];
    const records = Array.from({ length: 40 }, (_, n) => record(n, randomBytes(30).toString('hex')));
    for (const next of records) {
      const closed = builder.add(next);
      if (closed !== undefined) files.push(closed);
    }
    expect(files.length).toBeGreaterThan(1);
    const last = builder.finish();
    expect(last).toBeDefined();
    expect(builder.finish()).toBeUndefined();
    expect([...files, last!].flatMap(recordsOf)).toEqual(records);
  });

  it('refuses a record that cannot fit in a file even alone, keeping the records before it', () => {
    const builder = new LogFileBuilder(options({ maxCompressedBytes: 1_000 }));
    expect(builder.add(record(1))).toBeUndefined();
    expect(() => builder.add(record(2, randomBytes(2_000).toString('base64')))).toThrow(RangeError);
    const file = builder.finish();
    expect(recordsOf(file!)).toEqual([record(1)]);
  });
});
