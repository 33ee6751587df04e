import { setImmediate } from 'node:timers/promises';
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
 * Packing runs on the event loop (a small file deflates several times faster there than a trip to
 * libuv's thread pool costs), in slices of this long: requests served by the same process (the
 * embedded mode) wait no longer than that.
 */
const EVENT_LOOP_SLICE_MS = 10;

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
  let sliceStartedAt = performance.now();
  const endSliceWhenDue = async (): Promise<void> => {
    if (performance.now() - sliceStartedAt < EVENT_LOOP_SLICE_MS) return;
    await setImmediate();
    sliceStartedAt = performance.now();
  };
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
    await endSliceWhenDue();
  }
  for (const { builder, accountId, region } of builders.values()) {
    const file = builder.finish();
    if (file) files.push({ ...file, accountId, region });
    await endSliceWhenDue();
  }
  return files;
}
