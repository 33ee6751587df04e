import { type LogFile, LogFileBuilder } from './log-file';
import { type LogFileLocation } from '@app/trails';

/** A selected event as log files need it: where it belongs and its record as JSON text. */
export interface LogFileEvent {
  readonly accountId: string;
  readonly region: string;
  readonly eventTime: Date;
  readonly recordJson: string;
}

/** One file for one account's events of one Region. */
export interface PlacedLogFile extends LogFile {
  readonly accountId: string;
  readonly region: string;
}

/**
 * Files compressing at once on libuv's thread pool (4 threads by default): enough to keep the
 * cores busy, few enough that compressors' buffers stay small.
 */
const FILES_IN_FLIGHT = 4;

/**
 * Packs a trail's selected events into log files: one account's events of one Region per file
 * (split at the size limit), in the order given, all dated `deliveredAt` (delivery.md §3).
 */
export async function planLogFiles(
  destination: Pick<LogFileLocation, 's3KeyPrefix' | 'organizationId'>,
  events: readonly LogFileEvent[],
  deliveredAt: Date,
  options: { readonly maxCompressedBytes?: number; readonly randomSuffix?: () => string } = {},
): Promise<PlacedLogFile[]> {
  const builders = new Map<string, { builder: LogFileBuilder; accountId: string; region: string }>();
  const files: PlacedLogFile[] = [];
  for (const event of events) {
    const place = `${event.accountId}/${event.region}`;
    let entry = builders.get(place);
    if (!entry) {
      const location = { ...destination, accountId: event.accountId, region: event.region };
      entry = {
        builder: new LogFileBuilder({ location, deliveredAt, ...options }),
        accountId: event.accountId,
        region: event.region,
      };
      builders.set(place, entry);
    }
    const closed = entry.builder.addJson(event.eventTime, event.recordJson);
    if (closed) files.push({ ...closed, accountId: entry.accountId, region: entry.region });
  }
  const open = [...builders.values()];
  const last: Array<PlacedLogFile | undefined> = new Array<PlacedLogFile | undefined>(open.length);
  let next = 0;
  const compress = async (): Promise<void> => {
    for (let at = next++; at < open.length; at = next++) {
      const { builder, accountId, region } = open[at];
      const file = await builder.finishInBackground();
      last[at] = file && { ...file, accountId, region };
    }
  };
  await Promise.all(Array.from({ length: FILES_IN_FLIGHT }, compress));
  for (const file of last) if (file) files.push(file);
  return files;
}
