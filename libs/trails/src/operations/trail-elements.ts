import { type TrailRecord } from '../domain/trail-record';

/**
 * A trail as CloudTrail's CreateTrail/UpdateTrail answer it, in the camelCase of event records
 * (`responseElements`).
 */
export function trailResponseElements(trail: TrailRecord): Record<string, unknown> {
  const s = trail.settings;
  return {
    name: trail.name,
    s3BucketName: s.s3BucketName,
    s3KeyPrefix: s.s3KeyPrefix,
    snsTopicName: s.snsTopicArn?.split(':').pop(),
    snsTopicARN: s.snsTopicArn,
    includeGlobalServiceEvents: s.includeGlobalServiceEvents,
    isMultiRegionTrail: s.isMultiRegionTrail,
    trailARN: trail.arn,
    logFileValidationEnabled: s.logFileValidationEnabled,
    cloudWatchLogsLogGroupArn: s.cloudWatchLogsLogGroupArn,
    cloudWatchLogsRoleArn: s.cloudWatchLogsRoleArn,
    kmsKeyId: s.kmsKeyId,
    isOrganizationTrail: s.isOrganizationTrail,
  };
}

/** The selectors a PutEventSelectors answer carries, as event records spell them. */
export function eventSelectorsElements(trail: TrailRecord): Record<string, unknown> {
  return trail.eventSelectors.kind === 'basic'
    ? { trailARN: trail.arn, eventSelectors: trail.eventSelectors.eventSelectors }
    : { trailARN: trail.arn, advancedEventSelectors: trail.eventSelectors.advancedEventSelectors };
}
