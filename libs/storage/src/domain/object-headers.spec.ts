import { claimedChecksum, objectAnswerHeaders, objectHeaderFields } from './object-headers';
import { type ObjectHead } from './stored-object';

const HEAD: ObjectHead = {
  bucket: 'logs',
  key: 'a.json.gz',
  size: 100,
  etag: '"5d41402abc4b2a76b9719d911017c592"',
  lastModified: new Date('2026-01-02T03:04:05.678Z'),
  contentType: 'application/json',
  contentEncoding: 'gzip',
  userMetadata: { signature: 'ab12' },
  checksum: { algorithm: 'CRC32', value: 'DUoRhQ==' },
  revision: '00000000-0000-0000-0000-000000000000',
};

describe('objectHeaderFields', () => {
  it('takes representation headers, Content-MD5 and x-amz-meta-* from a PutObject', () => {
    expect(
      objectHeaderFields({
        'content-type': 'application/json',
        'content-encoding': 'aws-chunked',
        'cache-control': 'no-cache',
        'content-md5': 'XUFAKrxLKna5cZ2REBfFkg==',
        'x-amz-meta-signature': 'ab12',
        'x-amz-meta-signature-algorithm': 'SHA256withRSA',
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      }),
    ).toEqual({
      contentType: 'application/json',
      contentEncoding: undefined,
      contentDisposition: undefined,
      contentLanguage: undefined,
      cacheControl: 'no-cache',
      expires: undefined,
      contentMd5: 'XUFAKrxLKna5cZ2REBfFkg==',
      userMetadata: { signature: 'ab12', 'signature-algorithm': 'SHA256withRSA' },
    });
  });

  it('prefers the trailing checksum of a streaming body to headers', () => {
    const trailing = { algorithm: 'CRC32C' as const, value: 'sOO8/Q==' };
    expect(claimedChecksum({ 'x-amz-sdk-checksum-algorithm': 'CRC32C' }, trailing)).toBe(trailing);
    expect(claimedChecksum({ 'x-amz-checksum-crc32': 'DUoRhQ==' })).toEqual({
      algorithm: 'CRC32',
      value: 'DUoRhQ==',
    });
  });
});

describe('objectAnswerHeaders', () => {
  it('answers a whole object as S3 does', () => {
    expect(objectAnswerHeaders({ head: HEAD, contentLength: 100 })).toEqual({
      'content-type': 'application/json',
      'content-length': '100',
      'content-encoding': 'gzip',
      etag: '"5d41402abc4b2a76b9719d911017c592"',
      'last-modified': 'Fri, 02 Jan 2026 03:04:05 GMT',
      'accept-ranges': 'bytes',
      'x-amz-meta-signature': 'ab12',
    });
  });

  it('adds the checksum when asked, except for a range, which gets Content-Range', () => {
    expect(objectAnswerHeaders({ head: HEAD, contentLength: 100, checksumMode: true })).toMatchObject({
      'x-amz-checksum-crc32': 'DUoRhQ==',
    });
    const ranged = objectAnswerHeaders({
      head: HEAD,
      contentLength: 10,
      range: { start: 0, end: 9 },
      checksumMode: true,
    });
    expect(ranged).toMatchObject({ 'content-length': '10', 'content-range': 'bytes 0-9/100' });
    expect(ranged['x-amz-checksum-crc32']).toBeUndefined();
  });
});
