/** Parsing of the typed condition values: numbers, dates and booleans (iam.md §4). */

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const EPOCH_SECONDS = /^-?\d+$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const OFFSET_WITHOUT_COLON = /([+-]\d{2})(\d{2})$/;

export function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

/**
 * A date as epoch milliseconds. Accepts epoch seconds (`1735689600`) and the W3C profile of ISO 8601 that IAM
 * documents (`2025-01-01`, `2025-01-01T00:00:00Z`, with fractions and offsets). A time without an offset is
 * UTC, never the server's local time.
 */
export function parseDate(text: string): number | undefined {
  if (EPOCH_SECONDS.test(text)) return Number(text) * 1000;
  const iso = ISO_8601.exec(text);
  if (!iso) return undefined;
  const hasTime = iso[1] !== undefined;
  const hasOffset = iso[4] !== undefined;
  const normalized = hasTime && !hasOffset ? `${text}Z` : text.replace(OFFSET_WITHOUT_COLON, '$1:$2');
  const millis = Date.parse(normalized);
  return Number.isNaN(millis) ? undefined : millis;
}

/** `true`/`false` in any case, as `Bool` compares them. */
export function parseBoolean(text: string): boolean | undefined {
  if (text.length === 4 && text.toLowerCase() === 'true') return true;
  if (text.length === 5 && text.toLowerCase() === 'false') return false;
  return undefined;
}

/** Remembers the last parse: one request's `aws:CurrentTime` is read by every date condition it meets. */
export class MemoizedParser<T> {
  private lastText: string | undefined;
  private lastValue: T | undefined;

  constructor(private readonly parse: (text: string) => T | undefined) {}

  read(text: string): T | undefined {
    if (text !== this.lastText) {
      this.lastValue = this.parse(text);
      this.lastText = text;
    }
    return this.lastValue;
  }
}
