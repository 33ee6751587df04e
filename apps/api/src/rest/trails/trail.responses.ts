import { type DeliveredLogFile, type TrailStatus } from '@app/delivery';
import { type TrailRecord } from '@app/trails';

/** REST shape of a trail: the CloudTrail `Trail` members in camelCase, ISO-8601 times. */
export interface TrailResponse {
  readonly name: string;
  readonly trailArn: string;
  readonly homeRegion: string;
  readonly s3BucketName: string;
  readonly s3KeyPrefix?: string;
  readonly snsTopicArn?: string;
  readonly includeGlobalServiceEvents: boolean;
  readonly isMultiRegionTrail: boolean;
  readonly logFileValidationEnabled: boolean;
  readonly cloudWatchLogsLogGroupArn?: string;
  readonly cloudWatchLogsRoleArn?: string;
  readonly kmsKeyId?: string;
  readonly isOrganizationTrail: boolean;
  readonly hasCustomEventSelectors: boolean;
  readonly hasInsightSelectors: boolean;
}

export function toTrailResponse(trail: TrailRecord): TrailResponse {
  const { settings } = trail;
  return {
    name: trail.name,
    trailArn: trail.arn,
    homeRegion: trail.homeRegion,
    s3BucketName: settings.s3BucketName,
    s3KeyPrefix: settings.s3KeyPrefix,
    snsTopicArn: settings.snsTopicArn,
    includeGlobalServiceEvents: settings.includeGlobalServiceEvents,
    isMultiRegionTrail: settings.isMultiRegionTrail,
    logFileValidationEnabled: settings.logFileValidationEnabled,
    cloudWatchLogsLogGroupArn: settings.cloudWatchLogsLogGroupArn,
    cloudWatchLogsRoleArn: settings.cloudWatchLogsRoleArn,
    kmsKeyId: settings.kmsKeyId,
    isOrganizationTrail: settings.isOrganizationTrail,
    hasCustomEventSelectors: trail.hasCustomEventSelectors,
    hasInsightSelectors: trail.insightSelectors.length > 0,
  };
}

/**
 * GetTrailStatus over REST: the members in use, ISO-8601 times. The six deprecated string members
 * the AWS protocol still carries are left out, as `SnsTopicName` is from the trail.
 */
export function toTrailStatusResponse({ trail, delivery }: TrailStatus): TrailStatusResponse {
  return {
    isLogging: trail.isLogging,
    startLoggingTime: trail.startLoggingTime?.toISOString(),
    stopLoggingTime: trail.stopLoggingTime?.toISOString(),
    latestDeliveryTime: delivery.latestDeliveryTime?.toISOString(),
    latestDeliveryError: delivery.latestDeliveryError ?? undefined,
    latestDeliveryAttemptTime: delivery.latestDeliveryAttemptTime?.toISOString(),
    latestDeliveryAttemptSucceeded: delivery.latestDeliveryAttemptSucceeded ?? undefined,
    latestDigestDeliveryTime: delivery.latestDigestDeliveryTime?.toISOString(),
    latestDigestDeliveryError: delivery.latestDigestDeliveryError ?? undefined,
  };
}

export interface TrailStatusResponse {
  readonly isLogging: boolean;
  readonly startLoggingTime?: string;
  readonly stopLoggingTime?: string;
  readonly latestDeliveryTime?: string;
  readonly latestDeliveryError?: string;
  readonly latestDeliveryAttemptTime?: string;
  readonly latestDeliveryAttemptSucceeded?: boolean;
  readonly latestDigestDeliveryTime?: string;
  readonly latestDigestDeliveryError?: string;
}

/** One delivered log file over REST. */
export function toDeliveryResponse(file: DeliveredLogFile): Record<string, unknown> {
  return {
    accountId: file.accountId,
    region: file.region,
    bucket: file.bucket,
    key: file.key,
    deliveredAt: file.deliveredAt.toISOString(),
    records: file.records,
    bytes: file.bytes,
    oldestEventTime: file.oldestEventTime.toISOString(),
    newestEventTime: file.newestEventTime.toISOString(),
  };
}

export function toEventSelectorsResponse(trail: TrailRecord): Record<string, unknown> {
  return trail.eventSelectors.kind === 'basic'
    ? { trailArn: trail.arn, eventSelectors: trail.eventSelectors.eventSelectors }
    : { trailArn: trail.arn, advancedEventSelectors: trail.eventSelectors.advancedEventSelectors };
}

export function toInsightSelectorsResponse(trail: TrailRecord): Record<string, unknown> {
  return { trailArn: trail.arn, insightSelectors: trail.insightSelectors };
}
