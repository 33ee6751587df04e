import { assertListingText, effectiveMaxKeys, listingEncoding, parseMaxKeys } from './listing-parameters';

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('listing parameters', () => {
  it('reads max-keys, defaulting to 1000 and capping at 1000', () => {
    expect(parseMaxKeys(undefined)).toBeUndefined();
    expect(parseMaxKeys('0')).toBe(0);
    expect(effectiveMaxKeys(parseMaxKeys('5'))).toBe(5);
    expect(effectiveMaxKeys(parseMaxKeys('5000'))).toBe(1000);
    expect(effectiveMaxKeys(undefined)).toBe(1000);
  });

  it('refuses max-keys that are not integers in range with InvalidArgument', () => {
    for (const raw of ['-1', 'ten', '1.5', '', '2147483648'])
      expect(codeOf(() => parseMaxKeys(raw))).toBe('InvalidArgument');
    expect(codeOf(() => effectiveMaxKeys(-1))).toBe('InvalidArgument');
  });

  it('knows only encoding-type=url', () => {
    expect(listingEncoding('url')).toBe('url');
    expect(listingEncoding(undefined)).toBeUndefined();
    expect(codeOf(() => listingEncoding('base64'))).toBe('InvalidArgument');
  });

  it('refuses listing parameters with NUL', () => {
    expect(codeOf(() => assertListingText('prefix', 'a\0'))).toBe('InvalidArgument');
    expect(codeOf(() => assertListingText('prefix', 'a b%_/é'))).toBeUndefined();
  });
});
