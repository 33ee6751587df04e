import { createHash } from 'node:crypto';
import {
  isUploadId,
  MIN_PART_SIZE,
  multipartEtag,
  newUploadId,
  parseListingCount,
  parsePartNumber,
  partsToComplete,
  type UploadedPart,
} from './multipart';
import { MAX_OBJECT_SIZE } from './object-limits';
import { parseCompleteMultipartUpload } from './s3-xml-requests';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const part = (partNumber: number, size: number, etag = `"${md5(String(partNumber))}"`): UploadedPart => ({
  partNumber,
  etag,
  size,
  lastModified: new Date(0),
});
const uploaded = (...parts: UploadedPart[]) => new Map(parts.map((p) => [p.partNumber, p]));
const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return undefined;
};

describe('multipart upload rules', () => {
  const big = MIN_PART_SIZE;
  const stored = uploaded(part(1, big), part(2, big), part(3, 10));

  it('completes with the parts named, in order, ETags quoted or not', () => {
    const claims = [
      { partNumber: 1, etag: `"${md5('1')}"` },
      { partNumber: 3, etag: md5('3') },
    ];
    expect(partsToComplete(claims, stored).map((p) => p.partNumber)).toEqual([1, 3]);
  });

  it('refuses parts out of order or repeated: InvalidPartOrder', () => {
    const one = { partNumber: 1, etag: md5('1') };
    const two = { partNumber: 2, etag: md5('2') };
    expect(codeOf(() => partsToComplete([two, one], stored))).toBe('InvalidPartOrder');
    expect(codeOf(() => partsToComplete([one, one], stored))).toBe('InvalidPartOrder');
  });

  it('refuses a part never uploaded or with another ETag: InvalidPart', () => {
    expect(codeOf(() => partsToComplete([{ partNumber: 4, etag: md5('4') }], stored))).toBe('InvalidPart');
    expect(codeOf(() => partsToComplete([{ partNumber: 1, etag: md5('x') }], stored))).toBe('InvalidPart');
  });

  it('refuses a part but the last under 5 MiB: EntityTooSmall; the last may be small', () => {
    const claims = [
      { partNumber: 3, etag: md5('3') },
      { partNumber: 4, etag: md5('4') },
    ];
    expect(codeOf(() => partsToComplete(claims, uploaded(part(3, 10), part(4, big))))).toBe('EntityTooSmall');
    expect(partsToComplete([{ partNumber: 3, etag: md5('3') }], stored)).toHaveLength(1);
  });

  it('refuses an object over 64 MiB: EntityTooLarge', () => {
    const parts = Array.from({ length: 13 }, (_, index) => part(index + 1, MIN_PART_SIZE + 1));
    const claims = parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag }));
    expect(parts.length * (MIN_PART_SIZE + 1)).toBeGreaterThan(MAX_OBJECT_SIZE);
    expect(codeOf(() => partsToComplete(claims, uploaded(...parts)))).toBe('EntityTooLarge');
  });

  it("ETag is the MD5 of the parts' MD5 bytes, then the part count", () => {
    const expected = createHash('md5')
      .update(Buffer.concat([Buffer.from(md5('a'), 'hex'), Buffer.from(md5('b'), 'hex')]))
      .digest('hex');
    expect(multipartEtag([{ etag: `"${md5('a')}"` }, { etag: md5('b') }])).toBe(`"${expected}-2"`);
  });

  it('part numbers are 1 to 10000', () => {
    expect(parsePartNumber('1')).toBe(1);
    expect(parsePartNumber('10000')).toBe(10000);
    for (const bad of [undefined, '0', '10001', '-1', '1.5', 'x', ''])
      expect(codeOf(() => parsePartNumber(bad))).toBe('InvalidArgument');
  });

  it('listing counts are capped integers', () => {
    expect(parseListingCount('max-parts', undefined, 1000)).toBeUndefined();
    expect(parseListingCount('max-parts', '5000', 1000)).toBe(1000);
    expect(codeOf(() => parseListingCount('max-parts', 'x', 1000))).toBe('InvalidArgument');
  });

  it('upload ids sort by initiation and are recognised', () => {
    const earlier = newUploadId(new Date(1_000), Buffer.alloc(10, 0xff));
    const later = newUploadId(new Date(2_000), Buffer.alloc(10, 0));
    expect(earlier < later).toBe(true);
    expect(isUploadId(earlier)).toBe(true);
    expect(isUploadId('nope')).toBe(false);
  });

  it('parses the CompleteMultipartUpload document, refusing empty or malformed lists', () => {
    const body = (inner: string) =>
      Buffer.from(`<CompleteMultipartUpload>${inner}</CompleteMultipartUpload>`);
    expect(
      parseCompleteMultipartUpload(
        body(
          '<Part><PartNumber>1</PartNumber><ETag>"a"</ETag><ChecksumCRC32>x</ChecksumCRC32></Part><Part><ETag>b</ETag><PartNumber>2</PartNumber></Part>',
        ),
      ),
    ).toEqual([
      { partNumber: 1, etag: '"a"' },
      { partNumber: 2, etag: 'b' },
    ]);
    expect(codeOf(() => parseCompleteMultipartUpload(body('')))).toBe('MalformedXML');
    expect(
      codeOf(() =>
        parseCompleteMultipartUpload(body('<Part><PartNumber>x</PartNumber><ETag>a</ETag></Part>')),
      ),
    ).toBe('MalformedXML');
    expect(codeOf(() => parseCompleteMultipartUpload(Buffer.from('<Delete/>')))).toBe('MalformedXML');
  });
});
