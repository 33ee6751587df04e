// Types only (erased at build): the SDK's model shapes keep the member names here honest.
import type * as Aws from '@aws-sdk/client-cloudtrail';
import { type TrailStatus } from '@app/delivery';
import { type FoundEvent } from '@app/events';
import { type TrailEventSelectors, type TrailRecord } from '@app/trails';
import { type AwsWire, optionalEpochSeconds } from '../aws-wire';
import { pascalKeys } from '../key-case';

/** CreateTrail / UpdateTrail response (§2.1): flat, without HomeRegion and the Has* flags. */
export function toAwsTrailSummary(trail: TrailRecord): AwsWire<Aws.CreateTrailResponse> {
  const s = trail.settings;
  return {
    Name: trail.name,
    S3BucketName: s.s3BucketName,
    S3KeyPrefix: s.s3KeyPrefix,
    SnsTopicName: s.snsTopicArn?.split(':').pop(),
    SnsTopicARN: s.snsTopicArn,
    IncludeGlobalServiceEvents: s.includeGlobalServiceEvents,
    IsMultiRegionTrail: s.isMultiRegionTrail,
    TrailARN: trail.arn,
    LogFileValidationEnabled: s.logFileValidationEnabled,
    CloudWatchLogsLogGroupArn: s.cloudWatchLogsLogGroupArn,
    CloudWatchLogsRoleArn: s.cloudWatchLogsRoleArn,
    KmsKeyId: s.kmsKeyId,
    IsOrganizationTrail: s.isOrganizationTrail,
  };
}

/** The `Trail` shape of GetTrail and DescribeTrails. */
export function toAwsTrail(trail: TrailRecord): AwsWire<Aws.Trail> {
  return {
    ...toAwsTrailSummary(trail),
    HomeRegion: trail.homeRegion,
    HasCustomEventSelectors: trail.hasCustomEventSelectors,
    HasInsightSelectors: trail.insightSelectors.length > 0,
  };
}

/**
 * GetTrailStatus (§2.9). The live service still sends the six deprecated string members: ISO-8601
 * in whole seconds when set (`2015-09-01T00:54:02Z`), else empty strings; the timestamp members are
 * epoch seconds with their milliseconds, as live answers show (`1441068842.76`). Delivery attempts
 * are recorded; Trailplane sends no SNS notifications, so the notification members are always empty.
 */
export function toAwsTrailStatus({ trail, delivery }: TrailStatus): AwsWire<Aws.GetTrailStatusResponse> {
  return {
    IsLogging: trail.isLogging,
    LatestDeliveryError: delivery.latestDeliveryError ?? undefined,
    LatestDeliveryTime: optionalEpochSeconds(delivery.latestDeliveryTime),
    LatestDigestDeliveryTime: optionalEpochSeconds(delivery.latestDigestDeliveryTime),
    LatestDigestDeliveryError: delivery.latestDigestDeliveryError ?? undefined,
    StartLoggingTime: optionalEpochSeconds(trail.startLoggingTime),
    StopLoggingTime: optionalEpochSeconds(trail.stopLoggingTime),
    LatestDeliveryAttemptTime: isoWholeSeconds(delivery.latestDeliveryAttemptTime),
    LatestNotificationAttemptTime: '',
    LatestNotificationAttemptSucceeded: '',
    LatestDeliveryAttemptSucceeded: isoWholeSeconds(
      delivery.latestDeliveryAttemptSucceeded ? delivery.latestDeliveryAttemptTime : null,
    ),
    TimeLoggingStarted: isoWholeSeconds(trail.startLoggingTime),
    TimeLoggingStopped: isoWholeSeconds(trail.stopLoggingTime),
  };
}

function isoWholeSeconds(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 19)}Z` : '';
}

export function toAwsEventSelectors(trail: TrailRecord): AwsWire<Aws.GetEventSelectorsResponse> {
  return { TrailARN: trail.arn, ...selectorsOf(trail.eventSelectors) };
}

function selectorsOf(selectors: TrailEventSelectors): AwsWire<Aws.GetEventSelectorsResponse> {
  return selectors.kind === 'basic'
    ? { EventSelectors: pascalKeys(selectors.eventSelectors) as AwsWire<Aws.EventSelector>[] }
    : {
        AdvancedEventSelectors: pascalKeys(
          selectors.advancedEventSelectors,
        ) as AwsWire<Aws.AdvancedEventSelector>[],
      };
}

export function toAwsInsightSelectors(trail: TrailRecord): AwsWire<Aws.GetInsightSelectorsResponse> {
  return {
    TrailARN: trail.arn,
    InsightSelectors: pascalKeys(trail.insightSelectors) as AwsWire<Aws.InsightSelector>[],
  };
}

export function toAwsEvent(event: FoundEvent): AwsWire<Aws.Event> {
  const { record } = event;
  return {
    EventId: record.eventID,
    EventName: record.eventName,
    ReadOnly: String(record.readOnly),
    AccessKeyId: record.userIdentity.accessKeyId as string | undefined,
    EventTime: event.eventTime.getTime() / 1000,
    EventSource: record.eventSource,
    Username: event.username ?? undefined,
    Resources: (record.resources ?? []).map((r) => ({ ResourceType: r.type, ResourceName: r.ARN })),
    CloudTrailEvent: JSON.stringify(record),
  };
}
