import fc from 'fast-check';
import { compareKeys, prefixUpperBound } from './key-order';

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

describe('compareKeys', () => {
  it('orders like the UTF-8 bytes, where UTF-16 order differs', () => {
    // U+FF5E (EF BD 9E) sorts before U+1F600 (F0 9F 98 80) in bytes, after it in UTF-16 units.
    expect(compareKeys('\uFF5E', '\u{1F600}')).toBeLessThan(0);
    expect('\uFF5E' < '\u{1F600}').toBe(false);
    expect(compareKeys('a', 'a/')).toBeLessThan(0);
    expect(compareKeys('a b', 'a%')).toBeLessThan(0);
    expect(compareKeys('same', 'same')).toBe(0);
  });

  it('agrees with byte order on arbitrary well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareKeys(a, b))).toBe(Math.sign(byteOrder(a, b)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('prefixUpperBound', () => {
  it('increments the last code point', () => {
    expect(prefixUpperBound('logs/')).toBe('logs0');
    expect(prefixUpperBound('a%')).toBe('a&');
    expect(prefixUpperBound('a_')).toBe('a`');
    expect(prefixUpperBound('\uD7FF')).toBe('\uE000');
  });

  it('drops trailing U+10FFFF and has no bound for the empty prefix', () => {
    expect(prefixUpperBound('a\u{10FFFF}')).toBe('b');
    expect(prefixUpperBound('\u{10FFFF}')).toBeUndefined();
    expect(prefixUpperBound('')).toBeUndefined();
  });

  it('bounds exactly the strings with the prefix', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1 }),
        fc.string({ unit: 'grapheme' }),
        (prefix, other) => {
          const bound = prefixUpperBound(prefix) as string;
          const inRange = byteOrder(other, prefix) >= 0 && byteOrder(other, bound) < 0;
          expect(inRange).toBe(other.startsWith(prefix));
          expect(byteOrder(prefix + other, bound)).toBeLessThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
