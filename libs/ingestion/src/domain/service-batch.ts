import { type SubmittedRecord } from '@app/events';
import {
  type RecipientStanding,
  recipientFailure,
  type RecordCheck,
  type RecordFailure,
} from './service-record';

/** What the answer says of one record, by its place in the batch. */
export interface RecordOutcome {
  readonly index: number;
  readonly eventId?: string;
  readonly failure?: RecordFailure;
}

/** A recipient account and Region, as one key. */
export function recipientKey(accountId: string, region: string): string {
  return `${accountId}/${region}`;
}

/**
 * Decides a checked batch against its recipients' standing: each record accepted or failed, and the
 * records to store, each `eventID` once (a later copy in the batch is answered accepted and stored
 * once, as a retry of an earlier batch is).
 */
export function planBatch(
  checks: readonly RecordCheck[],
  standings: ReadonlyMap<string, RecipientStanding>,
): { readonly outcomes: RecordOutcome[]; readonly toStore: SubmittedRecord[] } {
  const outcomes: RecordOutcome[] = [];
  const toStore: SubmittedRecord[] = [];
  const seen = new Set<string>();
  checks.forEach((check, index) => {
    if (!check.ok) {
      outcomes.push({ index, ...(check.eventId ? { eventId: check.eventId } : {}), failure: check.failure });
      return;
    }
    const { record } = check;
    const failure = recipientFailure(
      record,
      standings.get(recipientKey(record.recipientAccountId, record.awsRegion)),
    );
    outcomes.push({ index, eventId: record.eventID, ...(failure ? { failure } : {}) });
    const id = record.eventID.toLowerCase();
    if (failure || seen.has(id)) return;
    seen.add(id);
    toStore.push(record);
  });
  return { outcomes, toStore };
}
