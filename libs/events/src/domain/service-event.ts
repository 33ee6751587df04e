import { type EventResource } from './event-resources';
import { type CloudTrailRecord, EVENT_VERSION, type StoredEvent } from './event-record';

/**
 * A record another service of the cloud submitted, already checked (delivery.md §7): the members
 * below have the types named, the others are whatever the service sent.
 */
export interface SubmittedRecord {
  readonly eventVersion: string;
  readonly eventID: string;
  readonly eventTime: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly awsRegion: string;
  readonly recipientAccountId: string;
  readonly eventType: 'AwsApiCall' | 'AwsServiceEvent';
  readonly eventCategory: 'Management' | 'Data';
  readonly readOnly: boolean;
  readonly managementEvent: boolean;
  readonly userIdentity?: Readonly<Record<string, unknown>>;
  readonly resources?: ReadonlyArray<{
    readonly ARN: string;
    readonly type: string;
    readonly accountId?: string;
  }>;
  readonly errorCode?: string;
  readonly requestID?: string;
  readonly [member: string]: unknown;
}

/**
 * The stored form of a submitted record: the record as given, but with the members Trailplane owns
 * (the `eventVersion` it writes, no `sharedEventID`: each copy is the recipient's own; request
 * parameters and response elements null when not given), and the
 * lookup columns read from it. `organizationId` is the recipient's organization, whose
 * organization trails cover the event.
 */
export function storedServiceEvent(submitted: SubmittedRecord, organizationId: string | null): StoredEvent {
  const { sharedEventID: _shared, ...given } = submitted;
  const record = {
    // Every record carries both, null when there are none (as Trailplane's own do).
    requestParameters: null,
    responseElements: null,
    ...given,
    eventVersion: EVENT_VERSION,
  } as unknown as CloudTrailRecord;
  const identity = submitted.userIdentity ?? {};
  return {
    eventId: submitted.eventID,
    accountId: submitted.recipientAccountId,
    region: submitted.awsRegion,
    eventTime: new Date(submitted.eventTime),
    eventName: submitted.eventName,
    eventSource: submitted.eventSource,
    readOnly: submitted.readOnly,
    username: submittedUsername(identity),
    accessKeyId: typeof identity.accessKeyId === 'string' ? identity.accessKeyId : null,
    errorCode: submitted.errorCode ?? null,
    requestId: submitted.requestID ?? '',
    resources: (submitted.resources ?? []).map((r) => ({
      arn: r.ARN,
      accountId: r.accountId ?? submitted.recipientAccountId,
      type: r.type,
      name: resourceName(r.ARN),
    })),
    record,
    management: submitted.eventCategory === 'Management',
    organizationId,
  };
}

/**
 * The LookupEvents `Username` of a submitted identity, named as for Trailplane's own events: the
 * user name, `root`, or the last segment of the ARN (a role session's name). Shown, never trusted.
 */
function submittedUsername(identity: Readonly<Record<string, unknown>>): string | null {
  if (typeof identity.userName === 'string') return identity.userName;
  if (identity.type === 'Root') return 'root';
  if (typeof identity.arn !== 'string') return null;
  return identity.arn.slice(identity.arn.lastIndexOf('/') + 1) || null;
}

/** A resource's own name: what follows the ARN's last `/`, or its last `:` (`arn:aws:s3:::bucket`). */
function resourceName(arn: string): EventResource['name'] {
  const slash = arn.lastIndexOf('/');
  return arn.slice((slash === -1 ? arn.lastIndexOf(':') : slash) + 1);
}
