const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Parses SigV4's ISO-8601 basic timestamp (`20150830T123600Z`). Returns undefined for anything
 * else, including calendar nonsense such as `20150230T000000Z`, so that a malformed date is
 * reported as such rather than silently rolled over by `Date`.
 */
export function parseAmzDate(value: string): Date | undefined {
  const match = AMZ_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return formatAmzDate(date) === value ? date : undefined;
}

/** Formats a time as SigV4's ISO-8601 basic timestamp, dropping milliseconds. */
export function formatAmzDate(date: Date): string {
  // `YYYY-MM-DDTHH:MM:SS.sssZ` sliced rather than rewritten by regular expressions: runs on every request.
  const iso = date.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
