import { contentRange, parseRange, rangeLength } from './byte-range';
import { InvalidRangeError } from './storage.errors';

describe('parseRange', () => {
  it('reads bytes=a-b, clamping the end to the object', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-200', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=5-5', 100)).toEqual({ start: 5, end: 5 });
  });

  it('reads bytes=a- to the end and bytes=-n as the last n bytes', () => {
    expect(parseRange('bytes=10-', 100)).toEqual({ start: 10, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-1000', 100)).toEqual({ start: 0, end: 99 });
  });

  it('ignores a missing or malformed header: the whole object', () => {
    for (const header of [
      undefined,
      '',
      'bytes=',
      'bytes=-',
      'bytes=5-2',
      'items=0-1',
      'bytes=0-1,3-4',
      'bytes=a-b',
    ]) {
      expect(parseRange(header, 100)).toBeUndefined();
    }
  });

  it('refuses a well-formed range that selects nothing with InvalidRange (416)', () => {
    for (const [header, size] of [
      ['bytes=100-', 100],
      ['bytes=100-200', 100],
      ['bytes=-0', 100],
      ['bytes=0-', 0],
      ['bytes=-5', 0],
    ] as const) {
      expect(() => parseRange(header, size)).toThrow(InvalidRangeError);
    }
    try {
      parseRange('bytes=100-', 100);
    } catch (error) {
      expect((error as InvalidRangeError).fields).toEqual({
        RangeRequested: 'bytes=100-',
        ActualObjectSize: '100',
      });
    }
  });

  it('describes the answer', () => {
    const range = parseRange('bytes=10-19', 100)!;
    expect(contentRange(range, 100)).toBe('bytes 10-19/100');
    expect(rangeLength(range)).toBe(10);
  });
});
