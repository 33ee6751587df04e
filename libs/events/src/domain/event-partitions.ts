/** How many days after today the events tables have their partitions ready. */
export const EVENT_PARTITION_DAYS_AHEAD = 3;

/** The UTC days (YYYY-MM-DD) from `now`'s day through `ahead` days later. */
export function partitionDaysFrom(now: Date, ahead: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: ahead + 1 }, (_, i) =>
    new Date(today + i * 86_400_000).toISOString().slice(0, 10),
  );
}
