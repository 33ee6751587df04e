import { InvalidRangeError } from './storage.errors';

/** Bytes `start` to `end` of an object, both inclusive (HTTP's convention). */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * The part of an object of `size` bytes that a Range header asks for, as S3 reads it: one range
 * `bytes=a-b`, `bytes=a-` or `bytes=-n` (the last n bytes), its end clamped to the object.
 * Undefined — the whole object, status 200 — when there is no header or it is malformed (not a
 * single byte range, or a > b), which S3 ignores.
 *
 * @throws InvalidRangeError (416) when the range is well formed but selects no byte: a start at or
 *   past the end, `bytes=-0`, or any range of an empty object.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return undefined;
  const [first, last] = [match[1], match[2]];
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw new InvalidRangeError(header, size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) throw new InvalidRangeError(header, size);
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/** The Content-Range value of a 206 answer. */
export function contentRange(range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}

export function rangeLength(range: ByteRange): number {
  return range.end - range.start + 1;
}
