import { EVENT_VERSION, type SubmittedRecord } from '@app/events';

/** Per-record failure codes of PutServiceEvents (delivery.md §7). */
export type RecordFailureCode =
  | 'InvalidRecord'
  | 'RecordTooLarge'
  | 'EventTimeOutOfRange'
  | 'InvalidEventSource'
  | 'AccountNotFound'
  | 'RegionNotEnabled';

export interface RecordFailure {
  readonly code: RecordFailureCode;
  readonly message: string;
}

/** A record checked on its own: usable, or why not (with its `eventID` when it had a readable one). */
export type RecordCheck =
  | { readonly ok: true; readonly record: SubmittedRecord }
  | { readonly ok: false; readonly failure: RecordFailure; readonly eventId?: string };

export const MAX_RECORDS = 500;
export const MAX_RECORD_BYTES = 256 * 1024;
const MAX_FUTURE_MS = 5 * 60_000;
const MAX_AGE_MS = 7 * 24 * 3_600_000;

/** Sources Trailplane records itself: no other service may speak for them. */
export const TRAILPLANE_EVENT_SOURCES: ReadonlySet<string> = new Set(
  ['cloudtrail', 'organizations', 'sts', 'iam', 'account', 'trailplane', 's3'].map(
    (s) => `${s}.amazonaws.com`,
  ),
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const EVENT_VERSION_FORM = /^1\.(\d{2})$/;
/** A DNS host name of at least two labels, lower case (`compute.internal`, `ec2.amazonaws.com`). */
const HOST_NAME = /^(?=.{3,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
const ACCOUNT_ID = /^\d{12}$/;
const SUPPORTED_MINOR = Number(EVENT_VERSION.split('.')[1]);

type Members = Readonly<Record<string, unknown>>;
type MemberCheck = (value: unknown) => boolean;

const isString: MemberCheck = (v) => typeof v === 'string';
const isNonEmpty: MemberCheck = (v) => typeof v === 'string' && v.length > 0 && v.length <= 256;
const isBoolean: MemberCheck = (v) => typeof v === 'boolean';
const isObject = (v: unknown): v is Members => typeof v === 'object' && v !== null && !Array.isArray(v);
const isObjectOrNull: MemberCheck = (v) => v === null || isObject(v);
const isIdentity: MemberCheck = (v) =>
  isObject(v) &&
  ['type', 'arn', 'accountId', 'userName', 'accessKeyId'].every((k) => v[k] === undefined || isString(v[k]));
const isResources: MemberCheck = (v) =>
  Array.isArray(v) &&
  v.every(
    (r) =>
      isObject(r) &&
      isString(r.ARN) &&
      isString(r.type) &&
      (r.accountId === undefined || isString(r.accountId)),
  );

/** Members every record must carry, each with what it must be (in the order they are reported). */
const REQUIRED: ReadonlyArray<readonly [string, MemberCheck, string]> = [
  [
    'eventVersion',
    (v) => isString(v) && EVENT_VERSION_FORM.test(v as string),
    `a version "1.00" to "${EVENT_VERSION}"`,
  ],
  ['eventID', (v) => isString(v) && UUID.test(v as string), 'a UUID'],
  [
    'eventTime',
    (v) => isString(v) && EVENT_TIME.test(v as string) && !isNaN(Date.parse(v as string)),
    'an ISO-8601 UTC time',
  ],
  ['eventSource', (v) => isString(v) && HOST_NAME.test(v as string), 'a host-like name (compute.internal)'],
  ['eventName', isNonEmpty, 'a name of 1 to 256 characters'],
  ['awsRegion', isNonEmpty, 'a Region name'],
  ['recipientAccountId', (v) => isString(v) && ACCOUNT_ID.test(v as string), 'a 12-digit account id'],
  ['eventType', (v) => v === 'AwsApiCall' || v === 'AwsServiceEvent', '"AwsApiCall" or "AwsServiceEvent"'],
  ['eventCategory', (v) => v === 'Management' || v === 'Data', '"Management" or "Data"'],
  ['readOnly', isBoolean, 'a boolean'],
  ['managementEvent', isBoolean, 'a boolean'],
];

/** Members a record may carry, each with what it must be when present. */
const OPTIONAL: ReadonlyArray<readonly [string, MemberCheck, string]> = [
  ['userIdentity', isIdentity, 'an object whose type, arn, accountId, userName and accessKeyId are strings'],
  ['requestParameters', isObjectOrNull, 'an object or null'],
  ['responseElements', isObjectOrNull, 'an object or null'],
  ['resources', isResources, 'a list of {ARN, type, accountId?} with string members'],
  ['errorCode', isString, 'a string'],
  ['errorMessage', isString, 'a string'],
  ['sourceIPAddress', isString, 'a string'],
  ['userAgent', isString, 'a string'],
  ['requestID', isString, 'a string'],
];

/**
 * Checks one submitted record on its own (delivery.md §7): its size, each required member's
 * presence and form, the optional members' types, the event time window around `now`, a source
 * that is not Trailplane's own, and a category that agrees with `managementEvent`. Whether its
 * recipient account exists and has its Region enabled is `recipientFailure`'s.
 */
export function checkServiceRecord(raw: unknown, now: Date): RecordCheck {
  if (!isObject(raw)) return failed('InvalidRecord', 'A record must be a JSON object.');
  const eventId =
    isString(raw.eventID) && UUID.test(raw.eventID as string) ? (raw.eventID as string) : undefined;
  const fail = (code: RecordFailureCode, message: string): RecordCheck => failed(code, message, eventId);
  const bytes = Buffer.byteLength(JSON.stringify(raw));
  if (bytes > MAX_RECORD_BYTES) {
    return fail(
      'RecordTooLarge',
      `The record is ${bytes} bytes; a record may have at most ${MAX_RECORD_BYTES}.`,
    );
  }
  for (const [member, check, form] of REQUIRED) {
    if (raw[member] === undefined) return fail('InvalidRecord', `The record has no ${member}.`);
    if (!check(raw[member]))
      return fail(
        member === 'eventSource' ? 'InvalidEventSource' : 'InvalidRecord',
        `${member} must be ${form}.`,
      );
  }
  for (const [member, check, form] of OPTIONAL) {
    if (raw[member] !== undefined && !check(raw[member]))
      return fail('InvalidRecord', `${member} must be ${form}.`);
  }
  const record = raw as SubmittedRecord;
  if (Number(EVENT_VERSION_FORM.exec(record.eventVersion)?.[1]) > SUPPORTED_MINOR) {
    return fail(
      'InvalidRecord',
      `eventVersion ${record.eventVersion} is newer than ${EVENT_VERSION}, the newest Trailplane records.`,
    );
  }
  const time = Date.parse(record.eventTime);
  if (time > now.getTime() + MAX_FUTURE_MS || time < now.getTime() - MAX_AGE_MS) {
    return fail(
      'EventTimeOutOfRange',
      'eventTime must be within the last 7 days and at most 5 minutes ahead.',
    );
  }
  if (TRAILPLANE_EVENT_SOURCES.has(record.eventSource)) {
    return fail('InvalidEventSource', `${record.eventSource} is Trailplane's own event source.`);
  }
  if (record.managementEvent !== (record.eventCategory === 'Management')) {
    return fail('InvalidRecord', 'managementEvent must be true exactly when eventCategory is Management.');
  }
  return { ok: true, record };
}

/** What the recipient account of a record is: whether it exists, and the Regions enabled in it. */
export interface RecipientStanding {
  readonly exists: boolean;
  readonly regionEnabled: boolean;
}

/** Why a well-formed record cannot be stored for its recipient, if it cannot. */
export function recipientFailure(
  record: SubmittedRecord,
  standing: RecipientStanding | undefined,
): RecordFailure | undefined {
  if (!standing?.exists) {
    return { code: 'AccountNotFound', message: `Account ${record.recipientAccountId} does not exist.` };
  }
  if (!standing.regionEnabled) {
    return {
      code: 'RegionNotEnabled',
      message: `Region ${record.awsRegion} is not enabled for account ${record.recipientAccountId}.`,
    };
  }
  return undefined;
}

/** The event sources a batch's records name (the `trailplane:EventSource` condition key's values). */
export function eventSourcesOf(records: readonly unknown[]): string[] {
  const sources = new Set<string>();
  for (const raw of records)
    if (isObject(raw) && isString(raw.eventSource)) sources.add(raw.eventSource as string);
  return [...sources];
}

function failed(code: RecordFailureCode, message: string, eventId?: string): RecordCheck {
  return { ok: false, failure: { code, message }, ...(eventId ? { eventId } : {}) };
}
