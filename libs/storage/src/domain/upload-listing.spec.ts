import { compareKeys } from './key-order';
import { collectUploads, type UploadPageRequest } from './upload-listing';

const STORED = [
  ['a/1', 'u1'],
  ['a/1', 'u2'],
  ['a/2', 'u3'],
  ['b', 'u4'],
  ['b', 'u5'],
  ['c/x/1', 'u6'],
].map(([key, uploadId]) => ({ key, uploadId }));

/** The repository's range read, over an array. */
async function readPage(request: UploadPageRequest) {
  return STORED.filter(
    (u) =>
      u.key.startsWith(request.prefix) &&
      (request.keyMarker === undefined ||
        compareKeys(u.key, request.keyMarker) > 0 ||
        (request.uploadIdMarker !== undefined &&
          u.key === request.keyMarker &&
          u.uploadId > request.uploadIdMarker)) &&
      (request.from === undefined || compareKeys(u.key, request.from) >= 0),
  ).slice(0, request.limit);
}

const ids = (page: { uploads: readonly { uploadId: string }[] }) => page.uploads.map((u) => u.uploadId);

describe(collectUploads.name, () => {
  it('lists every upload by key then id, paging inside one key', async () => {
    const seen: string[] = [];
    let markers: { keyMarker?: string; uploadIdMarker?: string } = {};
    for (;;) {
      const page = await collectUploads({ prefix: '', maxUploads: 2, ...markers }, readPage);
      seen.push(...ids(page));
      if (!page.isTruncated) break;
      markers = page.next!;
    }
    expect(seen).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
  });

  it('rolls keys up into common prefixes, counted like uploads, and continues past them', async () => {
    const first = await collectUploads({ prefix: '', delimiter: '/', maxUploads: 2 }, readPage);
    expect(first).toMatchObject({
      commonPrefixes: ['a/'],
      isTruncated: true,
      next: { keyMarker: 'b', uploadIdMarker: 'u4' },
    });
    expect(ids(first)).toEqual(['u4']);
    const second = await collectUploads(
      { prefix: '', delimiter: '/', maxUploads: 2, ...first.next },
      readPage,
    );
    expect(ids(second)).toEqual(['u5']);
    expect(second).toMatchObject({ commonPrefixes: ['c/'], isTruncated: false });
    const marker = await collectUploads(
      { prefix: '', delimiter: '/', maxUploads: 5, keyMarker: 'a/' },
      readPage,
    );
    expect(marker.commonPrefixes).toEqual(['c/']);
    expect(ids(marker)).toEqual(['u4', 'u5']);
  });

  it('a prefix and an upload-id marker narrow the listing', async () => {
    const page = await collectUploads(
      { prefix: 'a/', delimiter: '/', maxUploads: 10, keyMarker: 'a/1', uploadIdMarker: 'u1' },
      readPage,
    );
    expect(ids(page)).toEqual(['u2', 'u3']);
    expect(page.isTruncated).toBe(false);
  });
});
