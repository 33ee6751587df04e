/** Keyset position in a newest-first listing: the last item's time and id (ids break ties). */
export interface TimeKey {
  readonly at: Date;
  readonly id: string;
}

export function formatTimeKey(key: TimeKey): string {
  return `${key.at.toISOString()}|${key.id}`;
}

/** Undefined when `position` is not a formatted time key. */
export function parseTimeKey(position: string): TimeKey | undefined {
  const [iso, id, extra] = position.split('|');
  if (!iso || !id || extra !== undefined) return undefined;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? undefined : { at, id };
}
