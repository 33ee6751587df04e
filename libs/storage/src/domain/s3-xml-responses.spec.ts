import { type ListObjectsV1Result } from './operation-results';
import {
  encodeListingValue,
  renderDeleteResult,
  renderErrorDocument,
  renderListObjectsV1,
  renderLocationConstraint,
} from './s3-xml-responses';
import { NoSuchKeyError } from './storage.errors';

const LISTING: ListObjectsV1Result = {
  bucket: 'logs',
  prefix: 'a b/',
  delimiter: '/',
  marker: '',
  maxKeys: 2,
  encodingType: 'url',
  isTruncated: true,
  nextMarker: 'a b/c+d/',
  contents: [
    { key: 'a b/100%.txt', size: 3, etag: '"abc"', lastModified: new Date('2026-01-02T03:04:05.678Z') },
  ],
  commonPrefixes: ['a b/c+d/'],
  ownerAccountId: '111122223333',
};

describe('encodeListingValue', () => {
  it('percent-encodes UTF-8 bytes, keeping unreserved characters and slashes', () => {
    expect(encodeListingValue('a b+c/100%.txt')).toBe('a%20b%2Bc/100%25.txt');
    expect(encodeListingValue('한/x~y_z-.')).toBe('%ED%95%9C/x~y_z-.');
    expect(encodeListingValue('tab\tnul\u0001')).toBe('tab%09nul%01');
    expect(decodeURIComponent(encodeListingValue('é&=?#\u{1F600}'))).toBe('é&=?#\u{1F600}');
  });
});

describe('renderListObjectsV1', () => {
  it('writes the S3 document, encoding keys, prefixes and markers when asked', () => {
    expect(renderListObjectsV1(LISTING)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>logs</Name><Prefix>a%20b/</Prefix>' +
        '<Marker></Marker><NextMarker>a%20b/c%2Bd/</NextMarker><MaxKeys>2</MaxKeys><Delimiter>/</Delimiter>' +
        '<EncodingType>url</EncodingType><IsTruncated>true</IsTruncated><Contents><Key>a%20b/100%25.txt</Key>' +
        '<LastModified>2026-01-02T03:04:05.678Z</LastModified><ETag>&quot;abc&quot;</ETag><Size>3</Size>' +
        '<Owner><ID>111122223333</ID><DisplayName>111122223333</DisplayName></Owner><StorageClass>STANDARD</StorageClass>' +
        '</Contents><CommonPrefixes><Prefix>a%20b/c%2Bd/</Prefix></CommonPrefixes></ListBucketResult>',
    );
  });

  it('writes values as they are, XML-escaped, without encoding-type', () => {
    const document = renderListObjectsV1({
      ...LISTING,
      encodingType: undefined,
      contents: [{ ...LISTING.contents[0], key: 'a&b' }],
    });
    expect(document).toContain('<Key>a&amp;b</Key>');
    expect(document).toContain('<Prefix>a b/</Prefix>');
    expect(document).not.toContain('EncodingType');
  });
});

describe('other answers', () => {
  it('writes an empty LocationConstraint for us-east-1', () => {
    expect(renderLocationConstraint('us-east-1')).toContain(
      '<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></LocationConstraint>',
    );
    expect(renderLocationConstraint('eu-west-1')).toContain('>eu-west-1</LocationConstraint>');
  });

  it('writes only the errors of a quiet DeleteObjects', () => {
    const result = {
      deleted: [{ key: 'a' }],
      errors: [{ key: 'b', code: 'InvalidArgument' as const, message: 'bad' }],
    };
    expect(renderDeleteResult({ ...result, quiet: false })).toContain('<Deleted><Key>a</Key></Deleted>');
    const quiet = renderDeleteResult({ ...result, quiet: true });
    expect(quiet).not.toContain('Deleted');
    expect(quiet).toContain('<Error><Key>b</Key><Code>InvalidArgument</Code><Message>bad</Message></Error>');
  });

  it('writes the error document with the error fields, resource and request id', () => {
    expect(renderErrorDocument(new NoSuchKeyError('a<b'), '/logs/a%3Cb', 'req-1')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>' +
        '<Key>a&lt;b</Key><Resource>/logs/a%3Cb</Resource><RequestId>req-1</RequestId></Error>',
    );
  });
});
