import { createHash, randomBytes } from 'node:crypto';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { deflateBound, GZIP_HEADER_BYTES, GZIP_TRAILER_BYTES, GzipMemberWriter } from './gzip-member';

/** Text that compresses (as a string or as its UTF-8 bytes), or random bytes that do not. */
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }).map((text) => Buffer.from(text, 'utf8')),
  fc.nat({ max: 3_000 }).map((n) => randomBytes(n)),
);
const bytesOf = (written: Buffer | string): Buffer =>
  typeof written === 'string' ? Buffer.from(written, 'utf8') : written;

describe(GzipMemberWriter.name, () => {
  it('writes one gzip member of what was written, whatever the chunking and flushes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(piece, fc.boolean()), { maxLength: 30 }),
        fc.integer({ min: 1, max: 70_000 }),
        (writes, chunkBytes) => {
          const writer = new GzipMemberWriter(chunkBytes);
          for (const [bytes, flush] of writes) {
            const before = writer.compressedBytes + deflateBound(writer.pendingBytes + bytesOf(bytes).length);
            writer.write(bytes);
            if (flush) writer.flush();
            expect(writer.compressedBytes + deflateBound(writer.pendingBytes)).toBeLessThanOrEqual(before);
          }
          const boundAtEnd =
            writer.compressedBytes + deflateBound(writer.pendingBytes) + 2 + GZIP_TRAILER_BYTES;
          const { body, uncompressedSha256 } = writer.finish();
          const written = Buffer.concat(writes.map(([bytes]) => bytesOf(bytes)));
          expect(body.length).toBeLessThanOrEqual(boundAtEnd);
          expect(gunzipSync(body).equals(written)).toBe(true);
          const { engine } = inflateRawSync(body.subarray(GZIP_HEADER_BYTES), { info: true }) as unknown as {
            engine: { bytesWritten: number };
          };
          expect(GZIP_HEADER_BYTES + engine.bytesWritten + GZIP_TRAILER_BYTES).toBe(body.length);
          expect(uncompressedSha256).toBe(createHash('sha256').update(written).digest('hex'));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('makes the compressed size exact on flush', () => {
    const writer = new GzipMemberWriter(1024 * 1024);
    writer.write(Buffer.from('{"Records":['));
    expect(writer.compressedBytes).toBe(GZIP_HEADER_BYTES);
    expect(writer.pendingBytes).toBe(12);
    writer.flush();
    expect(writer.pendingBytes).toBe(0);
    expect(writer.compressedBytes).toBeGreaterThan(GZIP_HEADER_BYTES);
  });

  it('writes an empty member for nothing written', () => {
    expect(gunzipSync(new GzipMemberWriter(1).finish().body).length).toBe(0);
  });
});
