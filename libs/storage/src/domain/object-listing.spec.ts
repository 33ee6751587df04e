import fc from 'fast-check';
import { compareKeys } from './key-order';
import { collectListing, type KeyPageReader, type ListingQuery } from './object-listing';

/** An in-memory key index that answers page reads as the repository does, and counts them. */
function memoryIndex(keys: readonly string[]): { read: KeyPageReader<{ key: string }>; reads: () => number } {
  const sorted = [...new Set(keys)].sort(compareKeys).map((key) => ({ key }));
  let reads = 0;
  return {
    reads: () => reads,
    read: async ({ prefix, after, from, limit }) => {
      reads++;
      return sorted
        .filter(({ key }) => key.startsWith(prefix))
        .filter(({ key }) => after === undefined || compareKeys(key, after) > 0)
        .filter(({ key }) => from === undefined || compareKeys(key, from) >= 0)
        .slice(0, limit);
    },
  };
}

/** S3's listing written the slow, obvious way: every entry, then the ones after the marker. */
function expectedEntries(keys: readonly string[], query: Omit<ListingQuery, 'maxKeys'>): string[] {
  const entries: string[] = [];
  for (const key of [...new Set(keys)].sort(compareKeys)) {
    if (!key.startsWith(query.prefix)) continue;
    const rest = key.slice(query.prefix.length);
    const at = query.delimiter ? rest.indexOf(query.delimiter) : -1;
    const entry = at < 0 ? key : query.prefix + rest.slice(0, at + query.delimiter!.length);
    if (entries[entries.length - 1] !== entry) entries.push(entry);
  }
  return entries.filter((entry) => query.after === undefined || compareKeys(entry, query.after) > 0);
}

async function listAll(keys: readonly string[], query: ListingQuery): Promise<string[]> {
  const index = memoryIndex(keys);
  const listed: string[] = [];
  let after = query.after;
  for (;;) {
    const page = await collectListing({ ...query, after }, index.read);
    expect(page.contents.length + page.commonPrefixes.length).toBeLessThanOrEqual(query.maxKeys);
    const entries = [...page.contents.map((c) => c.key), ...page.commonPrefixes].sort(compareKeys);
    listed.push(...entries);
    if (!page.isTruncated) return listed;
    expect(page.lastEntry).toBe(entries[entries.length - 1]);
    after = page.lastEntry;
  }
}

const KEYS = ['a', 'a/1', 'a/2', 'a/b/1', 'a/b/2', 'b', 'b/1', 'c/x/y', 'c/z'];

describe('collectListing', () => {
  it('lists keys after the marker, in byte order, up to max-keys', async () => {
    const page = await collectListing({ prefix: '', after: 'a/1', maxKeys: 3 }, memoryIndex(KEYS).read);
    expect(page.contents.map((c) => c.key)).toEqual(['a/2', 'a/b/1', 'a/b/2']);
    expect(page).toMatchObject({ commonPrefixes: [], isTruncated: true, lastEntry: 'a/b/2' });
  });

  it('rolls keys up into common prefixes, counted against max-keys', async () => {
    const page = await collectListing({ prefix: '', delimiter: '/', maxKeys: 3 }, memoryIndex(KEYS).read);
    expect(page.contents.map((c) => c.key)).toEqual(['a', 'b']);
    expect(page.commonPrefixes).toEqual(['a/']);
    expect(page).toMatchObject({ isTruncated: true, lastEntry: 'b' });
    const next = await collectListing(
      { prefix: '', delimiter: '/', after: 'b', maxKeys: 3 },
      memoryIndex(KEYS).read,
    );
    expect(next.commonPrefixes).toEqual(['b/', 'c/']);
    expect(next.isTruncated).toBe(false);
  });

  it('continues after a common prefix without listing its keys again', async () => {
    const page = await collectListing(
      { prefix: 'a/', delimiter: '/', after: 'a/b/', maxKeys: 10 },
      memoryIndex(KEYS).read,
    );
    expect(page.contents).toEqual([]);
    expect(page.commonPrefixes).toEqual([]);
    const inside = await collectListing(
      { prefix: '', delimiter: '/', after: 'a/b/1', maxKeys: 10 },
      memoryIndex(KEYS).read,
    );
    expect(inside.commonPrefixes).toEqual(['b/', 'c/']);
  });

  it('answers max-keys 0 with an empty, untruncated page without reading', async () => {
    const index = memoryIndex(KEYS);
    expect(await collectListing({ prefix: '', maxKeys: 0 }, index.read)).toEqual({
      contents: [],
      commonPrefixes: [],
      isTruncated: false,
    });
    expect(index.reads()).toBe(0);
  });

  it('is not truncated when the last page ends exactly at max-keys', async () => {
    const page = await collectListing({ prefix: 'a/b/', maxKeys: 2 }, memoryIndex(KEYS).read);
    expect(page.contents.map((c) => c.key)).toEqual(['a/b/1', 'a/b/2']);
    expect(page.isTruncated).toBe(false);
  });

  it('skips a large common prefix with few reads', async () => {
    const keys = [...Array.from({ length: 5000 }, (_, i) => `big/${i}`), 'small/1', 'z'];
    const index = memoryIndex(keys);
    const page = await collectListing({ prefix: '', delimiter: '/', maxKeys: 1000 }, index.read);
    expect(page.commonPrefixes).toEqual(['big/', 'small/']);
    expect(page.contents.map((c) => c.key)).toEqual(['z']);
    expect(index.reads()).toBeLessThanOrEqual(3);
  });

  it('matches the obvious model on any keys, prefix, delimiter, marker and page size', async () => {
    const alphabet = fc.constantFrom('a', 'b', '/', '-', ' ', '%', '_', 'é', '\uFF5E', '\u{1F600}');
    const text = fc.array(alphabet, { maxLength: 6 }).map((chars) => chars.join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          text.filter((k) => k !== ''),
          { maxLength: 40 },
        ),
        fc.constantFrom('', 'a', 'a/', '/', 'é'),
        fc.constantFrom(undefined, '', '/', '-', 'b/', '\u{1F600}'),
        fc.option(text, { nil: undefined }),
        fc.integer({ min: 1, max: 7 }),
        async (keys, prefix, delimiter, after, maxKeys) => {
          const query = { prefix, delimiter, after };
          expect(await listAll(keys, { ...query, maxKeys })).toEqual(expectedEntries(keys, query));
        },
      ),
      { numRuns: 500 },
    );
  });
});
