const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Parses SigV4's ISO-8601 basic timestamp (`20150830T123600Z`). Returns undefined for anything
 * else, including calendar nonsense such as `20150230T000000Z`, so that a malformed date is
 * reported as such rather than silently rolled over by `Date`.
 */
export function parseAmzDate(value: string): Date | undefined {
  const match = AMZ_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i]));
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Every field read back unchanged: nothing rolled over (nor a year below 100 moved to the 1900s).
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
    ? date
    : undefined;
}

const twoDigits = (value: number): string => (value < 10 ? `0${value}` : `${value}`);

/** Formats a time as SigV4's ISO-8601 basic timestamp, dropping milliseconds. */
export function formatAmzDate(date: Date): string {
  const year = date.getUTCFullYear();
  // Built from the UTC fields, several times cheaper than slicing toISOString(): runs on every request.
  if (year >= 1000 && year <= 9999) {
    return `${year}${twoDigits(date.getUTCMonth() + 1)}${twoDigits(date.getUTCDate())}T${twoDigits(date.getUTCHours())}${twoDigits(date.getUTCMinutes())}${twoDigits(date.getUTCSeconds())}Z`;
  }
  const iso = date.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
