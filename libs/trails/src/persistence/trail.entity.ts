import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type InsightSelector, type Tag, type TrailEventSelectors } from '../domain/trail';

@Entity({ name: 'trails' })
export class TrailEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'owner_account_id', type: 'char', length: 12 }) ownerAccountId!: string;
  @Column('text') name!: string;
  @Column({ name: 'home_region', type: 'text' }) homeRegion!: string;
  @Column('text') arn!: string;
  @Column({ name: 's3_bucket_name', type: 'text' }) s3BucketName!: string;
  @Column({ name: 's3_key_prefix', type: 'text', nullable: true }) s3KeyPrefix!: string | null;
  @Column({ name: 'sns_topic_arn', type: 'text', nullable: true }) snsTopicArn!: string | null;
  @Column({ name: 'include_global_service_events', type: 'boolean' }) includeGlobalServiceEvents!: boolean;
  @Column({ name: 'is_multi_region', type: 'boolean' }) isMultiRegion!: boolean;
  @Column({ name: 'log_file_validation_enabled', type: 'boolean' }) logFileValidationEnabled!: boolean;
  @Column({ name: 'cloud_watch_logs_log_group_arn', type: 'text', nullable: true })
  cloudWatchLogsLogGroupArn!: string | null;
  @Column({ name: 'cloud_watch_logs_role_arn', type: 'text', nullable: true }) cloudWatchLogsRoleArn!:
    string | null;
  @Column({ name: 'kms_key_id', type: 'text', nullable: true }) kmsKeyId!: string | null;
  @Column({ name: 'is_organization_trail', type: 'boolean' }) isOrganizationTrail!: boolean;
  @Column({ name: 'organization_id', type: 'text', nullable: true }) organizationId!: string | null;
  @Column({ name: 'event_selectors', type: 'jsonb' }) eventSelectors!: TrailEventSelectors;
  @Column({ name: 'has_custom_event_selectors', type: 'boolean' }) hasCustomEventSelectors!: boolean;
  @Column({ name: 'insight_selectors', type: 'jsonb' }) insightSelectors!: InsightSelector[];
  @Column({ type: 'jsonb' }) tags!: Tag[];
  @Column({ name: 'is_logging', type: 'boolean' }) isLogging!: boolean;
  @Column({ name: 'start_logging_time', type: 'timestamptz', nullable: true }) startLoggingTime!: Date | null;
  @Column({ name: 'stop_logging_time', type: 'timestamptz', nullable: true }) stopLoggingTime!: Date | null;
  @Column('integer') generation!: number;
  @Column({ name: 'observed_generation', type: 'integer' }) observedGeneration!: number;
  @Column({ name: 'propagation_error', type: 'text', nullable: true }) propagationError!: string | null;
  @Column({ name: 'propagation_failed_at', type: 'timestamptz', nullable: true })
  propagationFailedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
