import { parseAwsChunked } from './aws-chunked';

const UNSIGNED = { signed: false, maxDecodedLength: 1024 };
const SIGNATURE = 'a'.repeat(64);

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('parseAwsChunked', () => {
  it('reads unsigned chunks and a trailing checksum, as @aws-sdk/client-s3 frames them', () => {
    const body = Buffer.from('6\r\nhello \r\n6\r\nstream\r\n0\r\nx-amz-checksum-crc32:gtnkmQ==\r\n\r\n');
    const parsed = parseAwsChunked(body, UNSIGNED);
    expect(parsed.chunks.map((c) => c.data.toString())).toEqual(['hello ', 'stream']);
    expect(parsed.decodedLength).toBe(12);
    expect(parsed.trailers).toEqual([['x-amz-checksum-crc32', 'gtnkmQ==']]);
  });

  it('reads chunk signatures, the final one included', () => {
    const body = Buffer.from(
      `3;chunk-signature=${SIGNATURE}\r\nabc\r\n0;chunk-signature=${'b'.repeat(64)}\r\n\r\n`,
    );
    const parsed = parseAwsChunked(body, { signed: true, maxDecodedLength: 1024 });
    expect(parsed.chunks).toEqual([{ data: Buffer.from('abc'), signature: SIGNATURE }]);
    expect(parsed.finalSignature).toBe('b'.repeat(64));
    expect(parsed.trailers).toEqual([]);
  });

  it('accepts upper-case hex sizes, an empty body, and trailers without a closing empty line', () => {
    expect(parseAwsChunked(Buffer.from('A\r\n0123456789\r\n0\r\n\r\n'), UNSIGNED).decodedLength).toBe(10);
    expect(parseAwsChunked(Buffer.from('0\r\n\r\n'), UNSIGNED).chunks).toEqual([]);
    expect(
      parseAwsChunked(Buffer.from('0\r\nx-amz-checksum-crc32 : AAAAAA==\r\n'), UNSIGNED).trailers,
    ).toEqual([['x-amz-checksum-crc32', 'AAAAAA==']]);
  });

  it('answers IncompleteBody when the body stops inside a chunk or before the final chunk', () => {
    expect(codeOf(() => parseAwsChunked(Buffer.from('6\r\nhel'), UNSIGNED))).toBe('IncompleteBody');
    expect(codeOf(() => parseAwsChunked(Buffer.from('6\r\nhello \r\n'), UNSIGNED))).toBe('IncompleteBody');
    expect(codeOf(() => parseAwsChunked(Buffer.from('6\r\nhello '), UNSIGNED))).toBe('IncompleteBody');
    expect(codeOf(() => parseAwsChunked(Buffer.alloc(0), UNSIGNED))).toBe('IncompleteBody');
  });

  it('answers InvalidArgument for malformed framing', () => {
    for (const text of [
      'zz\r\nhello\r\n0\r\n\r\n',
      '3\r\nhello\r\n0\r\n\r\n',
      '0\r\nnot a header\r\n\r\n',
      '0\r\n\r\nextra',
      `${'1'.repeat(5000)}\r\n`,
    ]) {
      expect(codeOf(() => parseAwsChunked(Buffer.from(text), UNSIGNED))).toBe('InvalidArgument');
    }
    expect(
      codeOf(() => parseAwsChunked(Buffer.from('3\r\nabc\r\n0\r\n\r\n'), { ...UNSIGNED, signed: true })),
    ).toBe('InvalidArgument');
  });

  it('answers EntityTooLarge as soon as the sizes pass the limit, before reading the data', () => {
    expect(codeOf(() => parseAwsChunked(Buffer.from('ffffffff\r\nabc'), UNSIGNED))).toBe('EntityTooLarge');
  });
});
