import { EVENT_VERSION, type StoredEvent } from './event-record';

/**
 * A record as the events table keeps it: without the fields that repeat the row's own columns,
 * and `stripped`, the bits of the fields left out. The database function `events_record` puts each
 * marked field back from its column (migration 1765950000000), so a field is left out only when it
 * equals exactly what that function rebuilds: the jsonb, and so the text, read back is the one
 * recorded. Anything else (another type, an uppercase id, a time with milliseconds) stays.
 */
export interface StoredRecord {
  readonly record: Readonly<Record<string, unknown>>;
  readonly stripped: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ACCOUNT_ID = /^\d{12}$/;
/** What events_record rebuilds an eventTime as: the UTC second, years 1000–9999. */
const SECOND = /^[1-9]\d{3}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** The repeated fields, the bit that marks each, and what its column rebuilds it as. */
const REPEATED: ReadonlyArray<readonly [string, number, (event: StoredEvent) => unknown]> = [
  ['eventID', 1, (e) => (UUID.test(e.eventId) ? e.eventId : undefined)],
  [
    'eventTime',
    2,
    (e) => {
      const second = e.eventTime.toISOString().replace(/\.\d{3}Z$/, 'Z');
      return SECOND.test(second) ? second : undefined;
    },
  ],
  ['eventName', 4, (e) => e.eventName],
  ['eventSource', 8, (e) => e.eventSource],
  ['awsRegion', 16, (e) => e.region],
  ['requestID', 32, (e) => e.requestId],
  ['readOnly', 64, (e) => e.readOnly],
  ['recipientAccountId', 128, (e) => (ACCOUNT_ID.test(e.accountId) ? e.accountId : undefined)],
  ['managementEvent', 256, (e) => e.management],
  ['eventCategory', 512, (e) => (e.management ? 'Management' : 'Data')],
  ['errorCode', 1024, (e) => e.errorCode ?? undefined],
  ['eventVersion', 2048, () => EVENT_VERSION],
];

const BITS: ReadonlyMap<string, number> = new Map(REPEATED.map(([field, bit]) => [field, bit]));

export function storedRecord(event: StoredEvent): StoredRecord {
  const source = event.record as unknown as Record<string, unknown>;
  let stripped = 0;
  for (const [field, bit, rebuilt] of REPEATED) {
    const value = rebuilt(event);
    if (value !== undefined && source[field] === value) stripped |= bit;
  }
  // Copied without the stripped fields rather than copied whole and deleted from: an object with
  // deleted properties turns into a slow dictionary, for its serialisation too.
  const record: Record<string, unknown> = {};
  for (const field of Object.keys(source)) {
    if ((stripped & (BITS.get(field) ?? 0)) === 0) record[field] = source[field];
  }
  return { record, stripped };
}
