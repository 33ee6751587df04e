import {
  checksumAlgorithmOf,
  checksumClaimFromHeaders,
  computeChecksum,
  etagOf,
  verifyChecksum,
  verifyContentMd5,
} from './checksums';

const HELLO = Buffer.from('hello world');

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('computeChecksum', () => {
  it('gives base64 big-endian digests for each algorithm', () => {
    // CRC32 as @aws-sdk/client-s3 sent it for "hello world".
    expect(computeChecksum('CRC32', HELLO)).toBe('DUoRhQ==');
    expect(computeChecksum('CRC32C', Buffer.from('123456789'))).toBe(
      Buffer.from('e3069283', 'hex').toString('base64'),
    );
    expect(computeChecksum('CRC64NVME', Buffer.from('123456789'))).toBe(
      Buffer.from('ae8b14860a799888', 'hex').toString('base64'),
    );
    expect(computeChecksum('SHA1', HELLO)).toBe('Kq5sNclPz7QV2+lfQIuc6R7oRu0=');
    expect(computeChecksum('SHA256', HELLO)).toBe('uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=');
  });
});

describe('verifyChecksum', () => {
  it('accepts the right value', () => {
    expect(codeOf(() => verifyChecksum({ algorithm: 'CRC32', value: 'DUoRhQ==' }, HELLO))).toBeUndefined();
  });

  it('answers BadDigest for another content', () => {
    expect(codeOf(() => verifyChecksum({ algorithm: 'CRC32', value: 'AAAAAA==' }, HELLO))).toBe('BadDigest');
  });

  it('answers InvalidRequest for a value of the wrong size or not base64', () => {
    expect(codeOf(() => verifyChecksum({ algorithm: 'CRC32', value: 'AAAAAAAA' }, HELLO))).toBe(
      'InvalidRequest',
    );
    expect(codeOf(() => verifyChecksum({ algorithm: 'SHA256', value: 'not base64!' }, HELLO))).toBe(
      'InvalidRequest',
    );
  });
});

describe('checksumClaimFromHeaders', () => {
  it('finds the one checksum header and ignores the others of the family', () => {
    expect(
      checksumClaimFromHeaders({
        'x-amz-checksum-crc32': 'DUoRhQ==',
        'x-amz-sdk-checksum-algorithm': 'CRC32',
        'x-amz-checksum-type': 'FULL_OBJECT',
      }),
    ).toEqual({ algorithm: 'CRC32', value: 'DUoRhQ==' });
    expect(checksumClaimFromHeaders({ 'content-type': 'text/plain' })).toBeUndefined();
    expect(checksumAlgorithmOf('X-Amz-Checksum-CRC64NVME')).toBe('CRC64NVME');
  });

  it('refuses two algorithms at once', () => {
    expect(
      codeOf(() => checksumClaimFromHeaders({ 'x-amz-checksum-crc32': 'a', 'x-amz-checksum-sha1': 'b' })),
    ).toBe('InvalidRequest');
  });
});

describe('Content-MD5 and ETag', () => {
  const md5 = Buffer.from('5eb63bbbe01eeed093cb22bb8f5acdc3', 'hex').toString('base64');

  it('computes the ETag as the quoted hex MD5', () => {
    expect(etagOf(HELLO)).toBe('"5eb63bbbe01eeed093cb22bb8f5acdc3"');
  });

  it('accepts a matching Content-MD5', () => {
    expect(codeOf(() => verifyContentMd5(md5, HELLO))).toBeUndefined();
  });

  it('answers BadDigest when it does not match and InvalidDigest when it is malformed', () => {
    expect(codeOf(() => verifyContentMd5(md5, Buffer.from('hello there')))).toBe('BadDigest');
    expect(codeOf(() => verifyContentMd5('not-md5', HELLO))).toBe('InvalidDigest');
    expect(codeOf(() => verifyContentMd5(Buffer.alloc(15).toString('base64'), HELLO))).toBe('InvalidDigest');
  });
});
