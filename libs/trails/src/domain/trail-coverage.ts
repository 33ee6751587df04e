import { type SelectableEvent, selectsEvent } from './selects-event';
import { type TrailEventSelectors, type TrailSettings } from './trail';

/**
 * Which events a trail delivers (delivery.md §1), as a pure predicate over facts the caller
 * establishes for the event's time. The delivery tests compare delivered files against it.
 */

/**
 * Sources whose events are recorded in us-east-1 whatever Region was called (cloudtrail.md §3.4):
 * IAM, STS, Organizations, Account Management and Trailplane's own partition administration.
 * The events lib records the same services there.
 */
export const GLOBAL_SERVICE_EVENT_SOURCES: ReadonlySet<string> = new Set([
  'iam.amazonaws.com',
  'sts.amazonaws.com',
  'organizations.amazonaws.com',
  'account.amazonaws.com',
  'trailplane.amazonaws.com',
]);

/** What coverage reads of a trail (a `TrailRecord` is one). */
export interface CoverageTrail {
  readonly ownerAccountId: string;
  readonly homeRegion: string;
  readonly settings: Pick<
    TrailSettings,
    'isMultiRegionTrail' | 'isOrganizationTrail' | 'includeGlobalServiceEvents'
  >;
  readonly eventSelectors?: TrailEventSelectors;
}

/** What coverage reads of an event: a stored CloudTrail record is one. */
export interface CoverageEvent extends SelectableEvent {
  readonly recipientAccountId: string;
  readonly awsRegion: string;
  /** The record's `eventTime` (whole seconds), or the instant as stored when more precise. */
  readonly eventTime: string | Date;
}

/** A span in which the trail was logging: from StartLogging up to StopLogging (`null`: still logging). */
export interface LoggingInterval {
  readonly from: Date;
  readonly until: Date | null;
}

/**
 * Where StopLogging ends the open interval: when it is handled, but always after the call's own
 * event (timed at its arrival), which the trail still delivers, even when the call is handled within
 * the millisecond it arrived.
 */
export function loggingStopsAt(callReceivedAt: Date, handledAt: Date): Date {
  return new Date(Math.max(handledAt.getTime(), callReceivedAt.getTime() + 1));
}

/** Facts about the event's account and the trail at the event's time. */
export interface CoverageFacts {
  /** Read for organization trails: the account was in the trail owner's organization at `eventTime`. */
  readonly accountInOrganization: boolean;
  /** Read for multi-Region trails: the Regions the account had enabled at `eventTime`. */
  readonly enabledRegions: readonly string[];
  /** When the trail was logging; `from` included, `until` excluded. */
  readonly loggingIntervals: readonly LoggingInterval[];
}

/**
 * Whether `trail` delivers `event`: account, Region, global service events, logging and selectors
 * all hold (delivery.md §1).
 */
export function coversEvent(trail: CoverageTrail, event: CoverageEvent, facts: CoverageFacts): boolean {
  return (
    coversAccount(trail, event, facts) &&
    coversRegion(trail, event, facts) &&
    admitsGlobalServiceEvent(trail, event) &&
    wasLogging(event, facts) &&
    selectsEvent(trail.eventSelectors, event)
  );
}

/** Events of global services are recorded in us-east-1 and reach only trails that include them. */
export function isGlobalServiceEvent(event: Pick<CoverageEvent, 'eventSource'>): boolean {
  return GLOBAL_SERVICE_EVENT_SOURCES.has(event.eventSource);
}

/** The owner's own events; for an organization trail, those of any account then in the organization. */
function coversAccount(trail: CoverageTrail, event: CoverageEvent, facts: CoverageFacts): boolean {
  return trail.settings.isOrganizationTrail
    ? facts.accountInOrganization
    : event.recipientAccountId === trail.ownerAccountId;
}

/** The home Region; for a multi-Region trail, any Region the account had enabled. */
function coversRegion(trail: CoverageTrail, event: CoverageEvent, facts: CoverageFacts): boolean {
  return trail.settings.isMultiRegionTrail
    ? facts.enabledRegions.includes(event.awsRegion)
    : event.awsRegion === trail.homeRegion;
}

/** Global service events need `IncludeGlobalServiceEvents`; coverage of us-east-1 is the Region clause's. */
function admitsGlobalServiceEvent(trail: CoverageTrail, event: CoverageEvent): boolean {
  return !isGlobalServiceEvent(event) || trail.settings.includeGlobalServiceEvents;
}

function wasLogging(event: CoverageEvent, facts: CoverageFacts): boolean {
  const at = new Date(event.eventTime).getTime();
  return facts.loggingIntervals.some(
    (interval) => interval.from.getTime() <= at && (interval.until === null || at < interval.until.getTime()),
  );
}
