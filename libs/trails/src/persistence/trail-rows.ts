import {
  type InsightSelector,
  type Tag,
  type TrailEventSelectors,
  type TrailSettings,
} from '../domain/trail';
import { type TrailRecord } from '../domain/trail-record';

/** A `trails` row, as reads select it and writes store it. */
export interface TrailRow {
  id: string;
  owner_account_id: string;
  name: string;
  home_region: string;
  arn: string;
  s3_bucket_name: string;
  s3_key_prefix: string | null;
  sns_topic_arn: string | null;
  include_global_service_events: boolean;
  is_multi_region: boolean;
  log_file_validation_enabled: boolean;
  cloud_watch_logs_log_group_arn: string | null;
  cloud_watch_logs_role_arn: string | null;
  kms_key_id: string | null;
  is_organization_trail: boolean;
  organization_id: string | null;
  event_selectors: TrailEventSelectors;
  has_custom_event_selectors: boolean;
  insight_selectors: InsightSelector[];
  tags: Tag[];
  is_logging: boolean;
  start_logging_time: Date | null;
  stop_logging_time: Date | null;
  generation: number;
  observed_generation: number;
  propagation_error: string | null;
  created_at: Date;
  updated_at: Date;
}

export type TrailColumn = keyof TrailRow;

/** The columns a trail's settings are stored in. */
export const SETTINGS_COLUMNS: readonly TrailColumn[] = [
  's3_bucket_name',
  's3_key_prefix',
  'sns_topic_arn',
  'include_global_service_events',
  'is_multi_region',
  'log_file_validation_enabled',
  'cloud_watch_logs_log_group_arn',
  'cloud_watch_logs_role_arn',
  'kms_key_id',
  'is_organization_trail',
];

export const TRAIL_COLUMNS: readonly TrailColumn[] = [
  'id',
  'owner_account_id',
  'name',
  'home_region',
  'arn',
  ...SETTINGS_COLUMNS,
  'organization_id',
  'event_selectors',
  'has_custom_event_selectors',
  'insight_selectors',
  'tags',
  'is_logging',
  'start_logging_time',
  'stop_logging_time',
  'generation',
  'observed_generation',
  'propagation_error',
  'created_at',
  'updated_at',
];

/** The select list of a trail read from `trails t` (qualified: reads join other relations). */
export const COLUMNS = TRAIL_COLUMNS.map((column) => `t.${column}`).join(', ');

const JSON_COLUMNS: ReadonlySet<TrailColumn> = new Set(['event_selectors', 'insight_selectors', 'tags']);

/** The statement parameter that stores `column` of `row` (JSON columns as their JSON text). */
export function columnParameter(row: TrailRow, column: TrailColumn): unknown {
  return JSON_COLUMNS.has(column) ? JSON.stringify(row[column]) : row[column];
}

/** A `trails` row as the domain sees it. */
export function toTrailRecord(row: TrailRow): TrailRecord {
  const settings: TrailSettings = {
    s3BucketName: row.s3_bucket_name,
    ...(row.s3_key_prefix !== null ? { s3KeyPrefix: row.s3_key_prefix } : {}),
    ...(row.sns_topic_arn !== null ? { snsTopicArn: row.sns_topic_arn } : {}),
    includeGlobalServiceEvents: row.include_global_service_events,
    isMultiRegionTrail: row.is_multi_region,
    logFileValidationEnabled: row.log_file_validation_enabled,
    ...(row.cloud_watch_logs_log_group_arn !== null
      ? { cloudWatchLogsLogGroupArn: row.cloud_watch_logs_log_group_arn }
      : {}),
    ...(row.cloud_watch_logs_role_arn !== null
      ? { cloudWatchLogsRoleArn: row.cloud_watch_logs_role_arn }
      : {}),
    ...(row.kms_key_id !== null ? { kmsKeyId: row.kms_key_id } : {}),
    // Its organization deleted (ON DELETE SET NULL), a trail is ordinary at once, before the
    // worker rewrites its row: reads and UpdateTrail must not treat it as an organization trail.
    isOrganizationTrail: row.is_organization_trail && row.organization_id !== null,
  };
  return {
    id: row.id,
    partition: row.arn.split(':')[1],
    ownerAccountId: row.owner_account_id,
    homeRegion: row.home_region,
    name: row.name,
    arn: row.arn,
    settings,
    organizationId: row.organization_id,
    eventSelectors: row.event_selectors,
    hasCustomEventSelectors: row.has_custom_event_selectors,
    insightSelectors: row.insight_selectors,
    tags: row.tags,
    isLogging: row.is_logging,
    startLoggingTime: row.start_logging_time,
    stopLoggingTime: row.stop_logging_time,
    generation: row.generation,
    observedGeneration: row.observed_generation,
    propagationError: row.propagation_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The `trails` row of a trail. */
export function toTrailRow(trail: TrailRecord): TrailRow {
  const { settings } = trail;
  return {
    id: trail.id,
    owner_account_id: trail.ownerAccountId,
    name: trail.name,
    home_region: trail.homeRegion,
    arn: trail.arn,
    s3_bucket_name: settings.s3BucketName,
    s3_key_prefix: settings.s3KeyPrefix ?? null,
    sns_topic_arn: settings.snsTopicArn ?? null,
    include_global_service_events: settings.includeGlobalServiceEvents,
    is_multi_region: settings.isMultiRegionTrail,
    log_file_validation_enabled: settings.logFileValidationEnabled,
    cloud_watch_logs_log_group_arn: settings.cloudWatchLogsLogGroupArn ?? null,
    cloud_watch_logs_role_arn: settings.cloudWatchLogsRoleArn ?? null,
    kms_key_id: settings.kmsKeyId ?? null,
    is_organization_trail: settings.isOrganizationTrail,
    organization_id: trail.organizationId,
    event_selectors: trail.eventSelectors,
    has_custom_event_selectors: trail.hasCustomEventSelectors,
    insight_selectors: [...trail.insightSelectors],
    tags: [...trail.tags],
    is_logging: trail.isLogging,
    start_logging_time: trail.startLoggingTime,
    stop_logging_time: trail.stopLoggingTime,
    generation: trail.generation,
    observed_generation: trail.observedGeneration,
    propagation_error: trail.propagationError,
    created_at: trail.createdAt,
    updated_at: trail.updatedAt,
  };
}
