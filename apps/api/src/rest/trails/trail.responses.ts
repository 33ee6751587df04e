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
export function toTrailStatusResponse(trail: TrailRecord): {
  isLogging: boolean;
  startLoggingTime?: string;
  stopLoggingTime?: string;
} {
  return {
    isLogging: trail.isLogging,
    startLoggingTime: trail.startLoggingTime?.toISOString(),
    stopLoggingTime: trail.stopLoggingTime?.toISOString(),
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
