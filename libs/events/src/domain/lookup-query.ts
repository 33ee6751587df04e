import {
  InvalidEventCategoryError,
  InvalidLookupAttributesError,
  InvalidMaxResultsError,
  InvalidLookupTimeRangeError,
} from './lookup.errors';

export const LOOKUP_ATTRIBUTE_KEYS = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
] as const;
export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

/** LookupAttribute's AttributeValue: 1–2000 characters (CloudTrail's model). */
export const MAX_LOOKUP_VALUE_LENGTH = 2000;
export const EVENT_RETENTION_DAYS = 90;
export const DEFAULT_MAX_RESULTS = 50;

export interface LookupEventsInput {
  readonly lookupAttributes?: ReadonlyArray<{ attributeKey: string; attributeValue: string }>;
  readonly startTime?: Date;
  readonly endTime?: Date;
  readonly eventCategory?: string;
  readonly maxResults?: number;
  readonly nextToken?: string;
}

/** A validated LookupEvents query (§2.15): one account and Region, newest first. */
export interface LookupQuery {
  readonly attribute?: { readonly key: LookupAttributeKey; readonly value: string };
  readonly startTime: Date;
  readonly endTime: Date;
  readonly maxResults: number;
  /** EventCategory `insight`: Trailplane records no Insights events, so the answer is empty. */
  readonly insightsOnly: boolean;
}

/**
 * Validates LookupEvents input with the codes of §2.15: at most one attribute of the eight keys,
 * values 1–2,000 characters, MaxResults 1–50 (default 50), start not after end, EventCategory
 * only `insight`. The window defaults to the last 90 days ending now.
 */
export function planLookupQuery(input: LookupEventsInput, now: Date): LookupQuery {
  const attributes = input.lookupAttributes ?? [];
  if (attributes.length > 1) {
    throw new InvalidLookupAttributesError('You can specify only one lookup attribute.');
  }
  let attribute: LookupQuery['attribute'];
  const [first] = attributes;
  if (first) {
    if (!(LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(first.attributeKey)) {
      throw new InvalidLookupAttributesError(
        `Invalid AttributeKey ${first.attributeKey}. Valid keys are ${LOOKUP_ATTRIBUTE_KEYS.join(', ')}.`,
      );
    }
    if (first.attributeValue.length < 1 || first.attributeValue.length > 2000) {
      throw new InvalidLookupAttributesError('AttributeValue must be 1 to 2000 characters long.');
    }
    attribute = { key: first.attributeKey as LookupAttributeKey, value: first.attributeValue };
  }
  if (input.eventCategory !== undefined && input.eventCategory !== 'insight') {
    throw new InvalidEventCategoryError(input.eventCategory);
  }
  const maxResults = input.maxResults ?? DEFAULT_MAX_RESULTS;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 50) {
    throw new InvalidMaxResultsError();
  }
  const endTime = input.endTime ?? now;
  const startTime = input.startTime ?? new Date(now.getTime() - EVENT_RETENTION_DAYS * 86_400_000);
  if (Number.isNaN(startTime.getTime()) || Number.isNaN(endTime.getTime())) {
    throw new InvalidLookupTimeRangeError('StartTime and EndTime must be valid timestamps.');
  }
  if (startTime.getTime() > endTime.getTime()) {
    throw new InvalidLookupTimeRangeError('StartTime must be before EndTime.');
  }
  return { attribute, startTime, endTime, maxResults, insightsOnly: input.eventCategory === 'insight' };
}

/**
 * The parameters a NextToken is bound to, as the client sent them (defaults such as "now" move
 * between pages): a token may only continue the query that issued it.
 */
export function lookupTokenScope(accountId: string, region: string, input: LookupEventsInput): string {
  const [attribute] = input.lookupAttributes ?? [];
  return JSON.stringify([
    'LookupEvents',
    accountId,
    region,
    attribute?.attributeKey ?? null,
    attribute?.attributeValue ?? null,
    input.startTime?.toISOString() ?? null,
    input.endTime?.toISOString() ?? null,
    input.maxResults ?? null,
    input.eventCategory ?? null,
  ]);
}
