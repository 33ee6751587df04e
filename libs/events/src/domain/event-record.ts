import type { Principal } from '@app/platform';
import { redactSecrets } from './redaction';
import { eventResource, type EventResource } from './event-resources';

export const EVENT_VERSION = '1.11';

/** Services whose events CloudTrail records in us-east-1 whatever Region was called (§3.4). */
const GLOBAL_SERVICES = new Set(['iam', 'sts', 'organizations', 'account', 'trailplane']);
export const GLOBAL_EVENTS_REGION = 'us-east-1';

/** One API call, as the HTTP layer saw it. */
export interface ApiCall {
  readonly eventId: string;
  readonly requestId: string;
  readonly eventTime: Date;
  readonly service: string;
  readonly operation: string;
  readonly readOnly: boolean;
  readonly principal: Principal;
  readonly region: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly secureTransport: boolean;
  readonly host?: string;
  readonly requestParameters: Record<string, unknown> | null;
  /** The call's `responseElements` (null for reads and failures). */
  readonly response: unknown;
  /** What the request names (a trail by name or ARN, an account, a policy): the event's `resources`. */
  readonly resources: readonly { readonly arn: string; readonly accountId: string }[];
  /** Data events (object-level calls of the object store) reach trails only, never LookupEvents. */
  readonly category?: EventCategory;
  /** The caller's organization when it called: organization trails of it cover the event. */
  readonly organizationId?: string | null;
  readonly error?: { readonly code: string; readonly message: string };
}

export type EventCategory = 'Management' | 'Data';

/** The CloudTrail record (§4.1), as LookupEvents returns it in `CloudTrailEvent`. */
export interface CloudTrailRecord {
  readonly eventVersion: string;
  readonly userIdentity: Record<string, unknown>;
  readonly eventTime: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly requestParameters: Record<string, unknown> | null;
  readonly responseElements: Record<string, unknown> | null;
  readonly requestID: string;
  readonly eventID: string;
  readonly readOnly: boolean;
  readonly resources?: ReadonlyArray<{ ARN: string; accountId: string; type: string }>;
  readonly eventType: 'AwsApiCall' | 'AwsServiceEvent';
  readonly managementEvent: boolean;
  readonly recipientAccountId: string;
  readonly eventCategory: EventCategory;
  readonly tlsDetails?: Record<string, string>;
}

/** A record ready to store: the record and the columns LookupEvents filters on. */
export interface StoredEvent {
  readonly eventId: string;
  readonly accountId: string;
  readonly region: string;
  readonly eventTime: Date;
  readonly eventName: string;
  readonly eventSource: string;
  readonly readOnly: boolean;
  readonly username: string | null;
  readonly accessKeyId: string | null;
  readonly errorCode: string | null;
  readonly requestId: string;
  readonly resources: readonly EventResource[];
  readonly record: CloudTrailRecord;
  /** False for data events: kept out of LookupEvents. */
  readonly management: boolean;
  readonly organizationId: string | null;
}

/**
 * The `errorCode` CloudTrail records for a failure: an authorization denial is `AccessDenied`
 * whichever protocol answered it (`AccessDeniedException` on AWS JSON and REST); other codes as answered.
 */
export function recordedErrorCode(code: string): string {
  return code === 'AccessDeniedException' ? 'AccessDenied' : code;
}

export function eventSourceOf(service: string): string {
  return `${service}.amazonaws.com`;
}

/** The LookupEvents `Username`: the IAM user name, the role session name, or "root". */
export function usernameOf(principal: Principal): string {
  if (principal.type === 'Root') return 'root';
  if (principal.type === 'IAMUser') return principal.userName ?? principal.arn.split('/').pop() ?? '';
  return principal.arn.split('/').pop() ?? '';
}

export function userIdentityOf(principal: Principal): Record<string, unknown> {
  const base = {
    type: principal.type,
    principalId: principal.principalId,
    arn: principal.arn,
    accountId: principal.accountId,
    accessKeyId: principal.accessKeyId,
  };
  if (principal.type === 'IAMUser') return { ...base, userName: principal.userName };
  if (principal.type === 'AssumedRole' && principal.sessionIssuer) {
    return {
      ...base,
      sessionContext: {
        sessionIssuer: principal.sessionIssuer,
        attributes: {
          creationDate: (principal.sessionCreatedAt ?? new Date(0)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          mfaAuthenticated: 'false',
        },
      },
    };
  }
  return base;
}

const LONE_SURROGATE = /\p{Surrogate}/gu;
/** Any surrogate, paired or not: only a text with one (or with U+0000) needs the rewrite. */
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

/**
 * `value` with every string PostgreSQL cannot store (U+0000 anywhere, lone surrogates in jsonb)
 * made storable, each such character as U+FFFD: what a caller sent must never keep its call's
 * event, or the others buffered with it, out of the history.
 */
function storableCopy(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableCopy);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [storableText(key), storableCopy(member)]),
  );
}

/** `text` cut to `max` UTF-16 units and made storable (a surrogate pair cut in half becomes U+FFFD). */
function storableText(text: string, max = Infinity): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  if (!ANY_SURROGATE.test(cut) && !cut.includes('\u0000')) return cut;
  return cut.replace(LONE_SURROGATE, '\uFFFD').replaceAll('\u0000', '\uFFFD');
}

/**
 * Builds the stored form of one API call: the CloudTrail record with secrets redacted, response
 * elements only for writes, global-service events in us-east-1, and the resources it touched.
 */
export function buildEvent(recorded: ApiCall): StoredEvent {
  const call: ApiCall = {
    ...recorded,
    requestParameters: storableCopy(recorded.requestParameters) as ApiCall['requestParameters'],
    response: storableCopy(recorded.response),
  };
  const awsRegion = GLOBAL_SERVICES.has(call.service) ? GLOBAL_EVENTS_REGION : call.region;
  const category = call.category ?? 'Management';
  const requestParameters =
    call.requestParameters === null
      ? null
      : (redactSecrets(call.requestParameters) as Record<string, unknown>);
  const responseElements =
    call.readOnly ||
    call.error ||
    call.response === undefined ||
    call.response === null ||
    typeof call.response !== 'object'
      ? null
      : (redactSecrets(call.response) as Record<string, unknown>);
  const resources = call.resources.flatMap(
    (named) => eventResource(storableText(named.arn), named.accountId) ?? [],
  );
  const record: CloudTrailRecord = {
    eventVersion: EVENT_VERSION,
    userIdentity: userIdentityOf(call.principal),
    eventTime: call.eventTime.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: eventSourceOf(call.service),
    eventName: call.operation,
    awsRegion,
    sourceIPAddress: call.sourceIp,
    userAgent: storableText(call.userAgent, 1024),
    ...(call.error
      ? {
          errorCode: recordedErrorCode(call.error.code),
          errorMessage: storableText(call.error.message, 1024),
        }
      : {}),
    requestParameters,
    responseElements,
    requestID: call.requestId,
    eventID: call.eventId,
    readOnly: call.readOnly,
    ...(resources.length > 0
      ? { resources: resources.map((r) => ({ ARN: r.arn, accountId: r.accountId, type: r.type })) }
      : {}),
    eventType: 'AwsApiCall',
    managementEvent: category === 'Management',
    recipientAccountId: call.principal.accountId,
    eventCategory: category,
    ...(call.secureTransport
      ? {
          tlsDetails: {
            tlsVersion: 'TLSv1.3',
            cipherSuite: 'TLS_AES_128_GCM_SHA256',
            clientProvidedHostHeader: call.host ?? '',
          },
        }
      : {}),
  };
  return {
    eventId: call.eventId,
    accountId: call.principal.accountId,
    region: awsRegion,
    eventTime: call.eventTime,
    eventName: call.operation,
    eventSource: record.eventSource,
    readOnly: call.readOnly,
    username: usernameOf(call.principal),
    accessKeyId: call.principal.accessKeyId,
    errorCode: record.errorCode ?? null,
    requestId: call.requestId,
    resources,
    record,
    management: category === 'Management',
    organizationId: call.organizationId ?? null,
  };
}
