import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type DeliveredLogFile, type TrailStatus } from '@app/delivery';
import { type TrailRecord } from '@app/trails';

/** REST shape of a trail: the CloudTrail `Trail` members in camelCase. */
export class TrailResponse {
  @ApiProperty({ example: 'org-audit' }) name!: string;
  @ApiProperty({ example: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit' }) trailArn!: string;
  @ApiProperty({ example: 'us-east-1' }) homeRegion!: string;
  @ApiProperty() s3BucketName!: string;
  @ApiPropertyOptional() s3KeyPrefix?: string;
  @ApiPropertyOptional() snsTopicArn?: string;
  @ApiProperty() includeGlobalServiceEvents!: boolean;
  @ApiProperty() isMultiRegionTrail!: boolean;
  @ApiProperty() logFileValidationEnabled!: boolean;
  @ApiPropertyOptional() cloudWatchLogsLogGroupArn?: string;
  @ApiPropertyOptional() cloudWatchLogsRoleArn?: string;
  @ApiPropertyOptional({ description: 'The KMS key ARN' }) kmsKeyId?: string;
  @ApiProperty() isOrganizationTrail!: boolean;
  @ApiProperty() hasCustomEventSelectors!: boolean;
  @ApiProperty() hasInsightSelectors!: boolean;
}

export class TrailListResponse {
  @ApiProperty({ type: [TrailResponse] }) trailList!: TrailResponse[];
}

export class TrailSummaryResponse {
  @ApiProperty() trailArn!: string;
  @ApiProperty() name!: string;
  @ApiProperty() homeRegion!: string;
}

export class TrailSummaryListResponse {
  @ApiProperty({ type: [TrailSummaryResponse] }) trails!: TrailSummaryResponse[];
  @ApiPropertyOptional({ description: 'Present while more trails remain' }) nextToken?: string;
}

/**
 * GetTrailStatus over REST: the members in use. The six deprecated string members the AWS protocol
 * still carries are left out, as `SnsTopicName` is from the trail.
 */
export class TrailStatusResponse {
  @ApiProperty() isLogging!: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) startLoggingTime?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) stopLoggingTime?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'The last log file written' })
  latestDeliveryTime?: string;
  @ApiPropertyOptional({ description: 'Why the last delivery attempt failed (an S3 error code)' })
  latestDeliveryError?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) latestDeliveryAttemptTime?: string;
  @ApiPropertyOptional() latestDeliveryAttemptSucceeded?: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'The last digest file written' })
  latestDigestDeliveryTime?: string;
  @ApiPropertyOptional({ description: 'Why the last digest delivery attempt failed' })
  latestDigestDeliveryError?: string;
}

/** One log file a trail delivered. */
export class DeliveryResponse {
  @ApiProperty({ example: '111122223333' }) accountId!: string;
  @ApiProperty({ example: 'us-east-1' }) region!: string;
  @ApiProperty() bucket!: string;
  @ApiProperty() key!: string;
  @ApiProperty({ type: String, format: 'date-time' }) deliveredAt!: string;
  @ApiProperty({ description: 'Events in the file' }) records!: number;
  @ApiProperty({ description: 'Compressed size' }) bytes!: number;
  @ApiProperty({ type: String, format: 'date-time' }) oldestEventTime!: string;
  @ApiProperty({ type: String, format: 'date-time' }) newestEventTime!: string;
}

export class DeliveryListResponse {
  @ApiProperty({ type: [DeliveryResponse] }) deliveries!: DeliveryResponse[];
  @ApiPropertyOptional({ description: 'Present while more files remain' }) nextToken?: string;
}

export class TrailTagResponse {
  @ApiProperty() key!: string;
  @ApiPropertyOptional() value?: string;
}

export class TrailTagsResponse {
  @ApiProperty({ description: 'The trail ARN' }) resourceId!: string;
  @ApiProperty({ type: [TrailTagResponse] }) tagsList!: readonly TrailTagResponse[];
}

export class RegionPropagationResponse {
  @ApiProperty({ example: 'eu-west-1' }) region!: string;
  @ApiProperty({ description: 'Replicas the trail should have in the Region' }) desired!: number;
  @ApiProperty({ description: 'Replicas at the latest generation' }) applied!: number;
  @ApiProperty({ description: 'Replicas behind the latest generation, or no longer wanted' }) stale!: number;
  @ApiProperty() pending!: number;
}

/** Trailplane's own read: a trail's replication, desired against applied, by Region. */
export class TrailPropagationResponse {
  @ApiProperty() trailArn!: string;
  @ApiProperty({ description: 'Bumped by every change replicas must follow' }) generation!: number;
  @ApiProperty({ description: 'The generation every replica reflects' }) observedGeneration!: number;
  @ApiProperty() desired!: number;
  @ApiProperty() applied!: number;
  @ApiProperty({ description: 'Replicas missing, behind, or no longer wanted' }) pending!: number;
  @ApiProperty({ description: 'Pending replicas whose last propagation attempt failed' }) failed!: number;
  @ApiPropertyOptional() failureReason?: string;
  @ApiProperty({ type: [RegionPropagationResponse] }) regions!: readonly RegionPropagationResponse[];
  @ApiProperty({ type: [String] }) pendingRegions!: readonly string[];
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

export function toDeliveryResponse(file: DeliveredLogFile): DeliveryResponse {
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
