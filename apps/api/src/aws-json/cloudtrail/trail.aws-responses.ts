import { type TrailEventSelectors, type TrailRecord } from '@app/trails';
import { epochSeconds, pascalKeys } from '../../http/key-case';

/** CreateTrail / UpdateTrail response (§2.1): flat, without HomeRegion and the Has* flags. */
export function toAwsTrailSummary(trail: TrailRecord): Record<string, unknown> {
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
export function toAwsTrail(trail: TrailRecord): Record<string, unknown> {
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
 * epoch seconds with their milliseconds, as live answers show (`1441068842.76`). The trail records
 * no delivery or notification attempt, so those members are always empty.
 */
export function toAwsTrailStatus(trail: TrailRecord): Record<string, unknown> {
  return {
    IsLogging: trail.isLogging,
    StartLoggingTime: epochSeconds(trail.startLoggingTime),
    StopLoggingTime: epochSeconds(trail.stopLoggingTime),
    LatestDeliveryAttemptTime: '',
    LatestNotificationAttemptTime: '',
    LatestNotificationAttemptSucceeded: '',
    LatestDeliveryAttemptSucceeded: '',
    TimeLoggingStarted: isoWholeSeconds(trail.startLoggingTime),
    TimeLoggingStopped: isoWholeSeconds(trail.stopLoggingTime),
  };
}

function isoWholeSeconds(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 19)}Z` : '';
}

export function toAwsEventSelectors(trail: TrailRecord): Record<string, unknown> {
  return { TrailARN: trail.arn, ...selectorsOf(trail.eventSelectors) };
}

function selectorsOf(selectors: TrailEventSelectors): Record<string, unknown> {
  return selectors.kind === 'basic'
    ? { EventSelectors: pascalKeys(selectors.eventSelectors) }
    : { AdvancedEventSelectors: pascalKeys(selectors.advancedEventSelectors) };
}

export function toAwsInsightSelectors(trail: TrailRecord): Record<string, unknown> {
  return { TrailARN: trail.arn, InsightSelectors: pascalKeys(trail.insightSelectors) };
}
