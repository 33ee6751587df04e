import {
  assertTagRoom,
  MAX_TAGS_PER_RESOURCE,
  parseTagKeys,
  parseTags,
  taggableResourceTypeOf,
} from './organization-tags';
import { ConstraintViolationError, InvalidInputError } from './organization.errors';

function reasonOf(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof ConstraintViolationError) {
      return error.fields.Reason;
    }
    throw error;
  }
  return 'accepted';
}

describe(parseTags.name, () => {
  it('accepts keys of 1 to 128 characters and values of 0 to 256', () => {
    const tags = [
      { key: 'k'.repeat(128), value: 'v'.repeat(256) },
      { key: 'empty', value: '' },
    ];
    expect(parseTags(tags)).toEqual(tags);
    expect(parseTags(undefined)).toEqual([]);
  });

  it.each<[string, { key: string; value: string }[], string]>([
    ['an empty key', [{ key: '', value: 'x' }], 'MIN_LENGTH_EXCEEDED'],
    ['a long key', [{ key: 'k'.repeat(129), value: 'x' }], 'MAX_LENGTH_EXCEEDED'],
    ['a long value', [{ key: 'k', value: 'v'.repeat(257) }], 'MAX_LENGTH_EXCEEDED'],
    ['an aws: key', [{ key: 'AWS:Owner', value: 'x' }], 'INVALID_SYSTEM_TAGS_PARAMETER'],
    [
      'a key twice',
      [
        { key: 'k', value: '1' },
        { key: 'k', value: '2' },
      ],
      'DUPLICATE_TAG_KEY',
    ],
    [
      'more than 50 tags',
      Array.from({ length: MAX_TAGS_PER_RESOURCE + 1 }, (_, i) => ({ key: `k${i}`, value: '' })),
      'MAX_TAG_LIMIT_EXCEEDED',
    ],
  ])('refuses %s', (_case, tags, reason) => {
    expect(reasonOf(() => parseTags(tags))).toBe(reason);
  });
});

describe('tag limits and resources', () => {
  it('counts the keys the resource keeps and the ones added (overwrites are free)', () => {
    const existing = Array.from({ length: 49 }, (_, i) => `k${i}`);
    expect(
      reasonOf(() =>
        assertTagRoom(existing, [
          { key: 'k0', value: 'new' },
          { key: 'x', value: '' },
        ]),
      ),
    ).toBe('accepted');
    expect(
      reasonOf(() =>
        assertTagRoom(existing, [
          { key: 'x', value: '' },
          { key: 'y', value: '' },
        ]),
      ),
    ).toBe('MAX_TAG_LIMIT_EXCEEDED');
  });

  it('untags by keys, refusing system keys and an empty list', () => {
    expect(parseTagKeys(['a', 'a', 'b'])).toEqual(['a', 'b']);
    expect(reasonOf(() => parseTagKeys([]))).toBe('INPUT_REQUIRED');
    expect(reasonOf(() => parseTagKeys(['aws:x']))).toBe('INVALID_SYSTEM_TAGS_PARAMETER');
  });

  it('tags accounts, OUs, the root and policies, nothing else', () => {
    expect(taggableResourceTypeOf('444455556666')).toBe('ACCOUNT');
    expect(taggableResourceTypeOf('ou-ab12-abcdefgh')).toBe('ORGANIZATIONAL_UNIT');
    expect(taggableResourceTypeOf('r-ab12')).toBe('ROOT');
    expect(taggableResourceTypeOf('p-abcdefgh')).toBe('POLICY');
    expect(reasonOf(() => taggableResourceTypeOf('o-abcdefghij'))).toBe('INVALID_PATTERN');
  });
});
