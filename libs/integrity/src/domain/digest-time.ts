/**
 * The two time formats of digests: `2015-08-17T15:01:31Z` inside the JSON, `20150817T150131Z` in
 * object keys. Both are UTC to the second; milliseconds are dropped, never rounded.
 */
export function formatDigestTime(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function formatKeyTimestamp(time: Date): string {
  return formatDigestTime(time).replace(/[-:]/g, '');
}

/** `YYYY/MM/DD` of the time, the date folders of log and digest keys. */
export function formatDateFolders(time: Date): string {
  return time.toISOString().slice(0, 10).replace(/-/g, '/');
}

/** The time truncated to whole seconds: what a digest can state. */
export function toWholeSeconds(time: Date): Date {
  return new Date(Math.floor(time.getTime() / 1000) * 1000);
}

/** Parses a key timestamp (`20150817T150131Z`); undefined when it is not one. */
export function parseKeyTimestamp(stamp: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return Number.isNaN(time.getTime()) ? undefined : time;
}
