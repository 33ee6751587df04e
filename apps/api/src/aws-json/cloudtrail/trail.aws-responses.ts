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

export function toAwsTrailStatus(trail: TrailRecord): Record<string, unknown> {
  return {
    IsLogging: trail.isLogging,
    StartLoggingTime: epochSeconds(trail.startLoggingTime),
    StopLoggingTime: epochSeconds(trail.stopLoggingTime),
    // Deprecated string members the live service still fills.
    TimeLoggingStarted: trail.startLoggingTime?.toISOString(),
    TimeLoggingStopped: trail.stopLoggingTime?.toISOString(),
  };
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
