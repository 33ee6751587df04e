import { type Tag } from './trail';
import { mergeTags, removeTags, validateListTagsResourceIds, validateTags } from './trail-tags';

const rejection = (code: string, message: unknown = expect.any(String)) =>
  expect.objectContaining({ code, message });

const tags = (count: number, prefix = 'k'): Tag[] =>
  Array.from({ length: count }, (_, i) => ({ key: `${prefix}${i}`, value: `v${i}` }));

describe(validateTags.name, () => {
  it.each<[string, Tag[]]>([
    ['no tags', []],
    ['a key without a value', [{ key: 'team' }]],
    ['an empty value', [{ key: 'team', value: '' }]],
    ['a 128-character key and a 256-character value', [{ key: 'k'.repeat(128), value: 'v'.repeat(256) }]],
    ['every allowed punctuation character', [{ key: 'a_b.c:d/e=f+g-h@i j', value: '_.:/=+-@ ' }]],
    ['letters and numbers of any script', [{ key: 'équipe', value: '東京 ٣' }]],
    ['astral characters counted once each', [{ key: '𝒜'.repeat(128), value: '𝒜'.repeat(256) }]],
    ['keys differing only in case', [{ key: 'Team' }, { key: 'team' }]],
    ['aws inside a key', [{ key: 'my-aws:key' }]],
    ['aws: at the start of a value', [{ key: 'source', value: 'aws:cloudformation' }]],
  ])('accepts %s', (_, given) => {
    expect(() => validateTags(given)).not.toThrow();
  });

  it.each<[string, Tag[], string]>([
    [
      'an empty key',
      [{ key: '', value: 'v' }],
      'Tag key must be 1 to 128 characters long. Specified key length: 0 characters.',
    ],
    [
      'a 129-character key',
      [{ key: 'k'.repeat(129) }],
      'Tag key must be 1 to 128 characters long. Specified key length: 129 characters.',
    ],
    [
      'a 257-character value',
      [{ key: 'team', value: 'v'.repeat(257) }],
      'Value of tag team must be at most 256 characters long. Specified value length: 257 characters.',
    ],
    [
      'a key with a disallowed character',
      [{ key: 'team#1' }],
      'Tag key team#1 contains characters that are not allowed. Tags can contain letters, numbers, spaces, and the characters _ . : / = + - @.',
    ],
    [
      'a value with a disallowed character',
      [{ key: 'team', value: 'a,b' }],
      'Value of tag team contains characters that are not allowed. Tags can contain letters, numbers, spaces, and the characters _ . : / = + - @.',
    ],
    [
      'an aws: key',
      [{ key: 'aws:cloudformation:stack-name' }],
      'Tag key aws:cloudformation:stack-name is invalid: the aws: prefix is reserved for AWS use.',
    ],
    [
      'an AWS: key in upper case',
      [{ key: 'AWS:team' }],
      'Tag key AWS:team is invalid: the aws: prefix is reserved for AWS use.',
    ],
    [
      'a repeated key',
      [
        { key: 'team', value: 'a' },
        { key: 'team', value: 'b' },
      ],
      'Tag key team is specified more than once.',
    ],
  ])('rejects %s with InvalidTagParameterException', (_, given, message) => {
    expect(() => validateTags(given)).toThrow(rejection('InvalidTagParameterException', message));
  });
});

describe(mergeTags.name, () => {
  it('appends new keys after the existing ones', () => {
    expect(mergeTags([{ key: 'a', value: '1' }], [{ key: 'b', value: '2' }])).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ]);
  });

  it('overwrites the value of an existing key in place', () => {
    expect(
      mergeTags(
        [
          { key: 'a', value: '1' },
          { key: 'b', value: '2' },
        ],
        [{ key: 'a', value: 'new' }],
      ),
    ).toEqual([
      { key: 'a', value: 'new' },
      { key: 'b', value: '2' },
    ]);
  });

  it('drops the value of an existing key re-added without one', () => {
    expect(mergeTags([{ key: 'a', value: '1' }], [{ key: 'a' }])).toEqual([{ key: 'a' }]);
  });

  it('treats keys differing in case as different tags', () => {
    expect(mergeTags([{ key: 'Team', value: 'x' }], [{ key: 'team', value: 'y' }])).toHaveLength(2);
  });

  it('allows exactly 50 tags', () => {
    expect(mergeTags(tags(49), tags(1, 'new'))).toHaveLength(50);
  });

  it('allows overwriting keys of a trail that already has 50 tags', () => {
    expect(mergeTags(tags(50), [{ key: 'k0', value: 'changed' }])).toHaveLength(50);
  });

  it('rejects a 51st tag with TagsLimitExceededException', () => {
    expect(() => mergeTags(tags(50), tags(1, 'new'))).toThrow(
      rejection(
        'TagsLimitExceededException',
        'The number of tags on the resource would be 51, which exceeds the limit of 50.',
      ),
    );
  });

  it('rejects a CreateTrail with 51 tags with TagsLimitExceededException', () => {
    expect(() => mergeTags([], tags(51))).toThrow(rejection('TagsLimitExceededException'));
  });
});

describe(removeTags.name, () => {
  const existing = [{ key: 'a', value: '1' }, { key: 'b', value: '2' }, { key: 'c' }];

  it('removes the given keys and keeps the order of the rest', () => {
    expect(removeTags(existing, ['b'])).toEqual([{ key: 'a', value: '1' }, { key: 'c' }]);
  });

  it('ignores keys the trail does not have', () => {
    expect(removeTags(existing, ['zzz', 'A'])).toEqual(existing);
  });

  it('removes every tag when asked', () => {
    expect(removeTags(existing, ['a', 'b', 'c'])).toEqual([]);
  });
});

describe(validateListTagsResourceIds.name, () => {
  const arns = (count: number) =>
    Array.from({ length: count }, (_, i) => `arn:aws:cloudtrail:us-east-1:123456789012:trail/trail${i}`);

  it('accepts 20 ARNs', () => {
    expect(() => validateListTagsResourceIds(arns(20))).not.toThrow();
  });

  it('rejects 21 ARNs with InvalidParameterException', () => {
    expect(() => validateListTagsResourceIds(arns(21))).toThrow(
      rejection(
        'InvalidParameterException',
        'ResourceIdList can contain at most 20 resource ARNs; 21 were specified.',
      ),
    );
  });
});
