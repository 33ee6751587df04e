/*
 * S3 lists keys in the byte order of their UTF-8 encoding (PostgreSQL: `COLLATE "C"`). That is
 * Unicode code point order, which differs from JavaScript's UTF-16 `<` for characters above
 * U+FFFF against U+E000–U+FFFF; these helpers compare and bound keys in the store's order.
 */

const MAX_CODE_POINT = 0x10ffff;
const SURROGATES_START = 0xd800;
const SURROGATES_END = 0xdfff;

/** Moves surrogates above U+E000–U+FFFF so that UTF-16 units compare in code point order. */
function codePointOrderUnit(unit: number): number {
  if (unit < SURROGATES_START) return unit;
  return unit <= SURROGATES_END ? unit + 0x2000 : unit - 0x800;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in UTF-8 byte order. */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointOrderUnit(x) - codePointOrderUnit(y);
  }
  return a.length - b.length;
}

/**
 * The least string greater than every string that starts with `prefix` (its last code point
 * incremented), so `key >= prefix AND key < bound` selects the prefix with an index range and
 * without LIKE's wildcards. Undefined when no such string exists (empty prefix, or only U+10FFFF).
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const codePoints = Array.from(prefix, (c) => c.codePointAt(0) as number);
  while (codePoints.length > 0) {
    const last = (codePoints.pop() as number) + 1;
    if (last > MAX_CODE_POINT) continue;
    const next = last === SURROGATES_START ? SURROGATES_END + 1 : last;
    return String.fromCodePoint(...codePoints, next);
  }
  return undefined;
}
