import { type TrailSettings } from '../domain/trail';
import { type TrailRecord } from '../domain/trail-record';
import { type TrailEntity } from './trail.entity';

/** A `trails` row as the domain sees it. */
export function toTrailRecord(row: TrailEntity): TrailRecord {
  const settings: TrailSettings = {
    s3BucketName: row.s3BucketName,
    ...(row.s3KeyPrefix !== null ? { s3KeyPrefix: row.s3KeyPrefix } : {}),
    ...(row.snsTopicArn !== null ? { snsTopicArn: row.snsTopicArn } : {}),
    includeGlobalServiceEvents: row.includeGlobalServiceEvents,
    isMultiRegionTrail: row.isMultiRegion,
    logFileValidationEnabled: row.logFileValidationEnabled,
    ...(row.cloudWatchLogsLogGroupArn !== null
      ? { cloudWatchLogsLogGroupArn: row.cloudWatchLogsLogGroupArn }
      : {}),
    ...(row.cloudWatchLogsRoleArn !== null ? { cloudWatchLogsRoleArn: row.cloudWatchLogsRoleArn } : {}),
    ...(row.kmsKeyId !== null ? { kmsKeyId: row.kmsKeyId } : {}),
    isOrganizationTrail: row.isOrganizationTrail,
  };
  return {
    id: row.id,
    partition: row.arn.split(':')[1],
    ownerAccountId: row.ownerAccountId,
    homeRegion: row.homeRegion,
    name: row.name,
    arn: row.arn,
    settings,
    organizationId: row.organizationId,
    eventSelectors: row.eventSelectors,
    hasCustomEventSelectors: row.hasCustomEventSelectors,
    insightSelectors: row.insightSelectors,
    tags: row.tags,
    isLogging: row.isLogging,
    startLoggingTime: row.startLoggingTime,
    stopLoggingTime: row.stopLoggingTime,
    generation: row.generation,
    observedGeneration: row.observedGeneration,
    propagationError: row.propagationError,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The `trails` row of a trail. */
export function toEntity(trail: TrailRecord): TrailEntity {
  const { settings } = trail;
  return {
    id: trail.id,
    ownerAccountId: trail.ownerAccountId,
    name: trail.name,
    homeRegion: trail.homeRegion,
    arn: trail.arn,
    s3BucketName: settings.s3BucketName,
    s3KeyPrefix: settings.s3KeyPrefix ?? null,
    snsTopicArn: settings.snsTopicArn ?? null,
    includeGlobalServiceEvents: settings.includeGlobalServiceEvents,
    isMultiRegion: settings.isMultiRegionTrail,
    logFileValidationEnabled: settings.logFileValidationEnabled,
    cloudWatchLogsLogGroupArn: settings.cloudWatchLogsLogGroupArn ?? null,
    cloudWatchLogsRoleArn: settings.cloudWatchLogsRoleArn ?? null,
    kmsKeyId: settings.kmsKeyId ?? null,
    isOrganizationTrail: settings.isOrganizationTrail,
    organizationId: trail.organizationId,
    eventSelectors: trail.eventSelectors,
    hasCustomEventSelectors: trail.hasCustomEventSelectors,
    insightSelectors: [...trail.insightSelectors],
    tags: [...trail.tags],
    isLogging: trail.isLogging,
    startLoggingTime: trail.startLoggingTime,
    stopLoggingTime: trail.stopLoggingTime,
    generation: trail.generation,
    observedGeneration: trail.observedGeneration,
    propagationError: trail.propagationError,
    propagationFailedAt: null,
    createdAt: trail.createdAt,
    updatedAt: trail.updatedAt,
  };
}
