import { type CreateTrailInput, type TrailScope, type TrailSettings, type UpdateTrailInput } from './trail';
import {
  normalizeKmsKeyId,
  normalizeSnsTopic,
  validateCloudWatchLogs,
  validateS3BucketName,
  validateS3KeyPrefix,
} from './trail-destinations';
import { InvalidParameterCombinationError } from './trail.errors';

/**
 * Turning CreateTrail / UpdateTrail requests into the settings a trail will have
 * (cloudtrail.md §2.2, §2.3, §3.4). The trail name, tags and organization preconditions are
 * checked by their own rules; these functions own destinations, defaults and the
 * multi-Region ↔ global-service-events coupling. Checks run one at a time and the first failure is
 * reported: S3 bucket, S3 key prefix, SNS topic, KMS key, then CloudWatch Logs (form, then the
 * both-or-neither rule, which needs the merged values), then multi-Region ↔ global service events.
 */

/**
 * Settings of a new trail. Defaults (§2.2): IncludeGlobalServiceEvents true, IsMultiRegionTrail
 * false, EnableLogFileValidation false, IsOrganizationTrail false. An empty string for an optional
 * destination means "none", as omitting it does. `scope` resolves a bare SNS topic name or KMS key
 * id (the calling account in the called Region).
 */
export function planNewTrailSettings(input: CreateTrailInput, scope: TrailScope): TrailSettings {
  validateS3BucketName(input.s3BucketName);
  const settings: TrailSettings = {
    s3BucketName: input.s3BucketName,
    s3KeyPrefix: s3KeyPrefixFrom(nonEmpty(input.s3KeyPrefix)),
    snsTopicArn: snsTopicArnFrom(nonEmpty(input.snsTopicName), scope),
    includeGlobalServiceEvents: input.includeGlobalServiceEvents ?? true,
    isMultiRegionTrail: input.isMultiRegionTrail ?? false,
    logFileValidationEnabled: input.enableLogFileValidation ?? false,
    cloudWatchLogsLogGroupArn: nonEmpty(input.cloudWatchLogsLogGroupArn),
    cloudWatchLogsRoleArn: nonEmpty(input.cloudWatchLogsRoleArn),
    kmsKeyId: kmsKeyArnFrom(nonEmpty(input.kmsKeyId), scope),
    isOrganizationTrail: input.isOrganizationTrail ?? false,
  };
  return checkedCombinations(settings, scope);
}

/**
 * Settings of an existing trail after a partial UpdateTrail (§2.3):
 * - an omitted field keeps its current value;
 * - an empty string clears an optional destination (S3 key prefix, SNS topic, CloudWatch Logs
 *   group or role, KMS key), as the AWS CLI and Terraform do to remove one; S3BucketName cannot
 *   be cleared (an empty name is an invalid bucket name);
 * - IncludeGlobalServiceEvents, when omitted, follows IsMultiRegionTrail (§3.4, user guide):
 *   single → multi-Region turns it on, multi → single-Region turns it off; otherwise it keeps its
 *   current value. An explicit value always wins, then the combination rule applies to the result:
 *   a multi-Region trail must include global service events (`InvalidParameterCombinationException`).
 *   So `{isMultiRegionTrail: false, includeGlobalServiceEvents: false}` on a multi-Region trail is
 *   accepted (AWS called its refusal a bug, hashicorp/terraform#4723), while
 *   `{includeGlobalServiceEvents: false}` alone on a multi-Region trail is refused;
 * - the CloudWatch Logs "both or neither" rule applies to the merged result, so a request may set
 *   only the role of a trail that already has a log group.
 */
export function planUpdatedTrailSettings(
  current: TrailSettings,
  input: UpdateTrailInput,
  scope: TrailScope,
): TrailSettings {
  const isMultiRegionTrail = input.isMultiRegionTrail ?? current.isMultiRegionTrail;
  if (input.s3BucketName !== undefined) validateS3BucketName(input.s3BucketName);
  const settings: TrailSettings = {
    s3BucketName: input.s3BucketName ?? current.s3BucketName,
    s3KeyPrefix: updated(current.s3KeyPrefix, input.s3KeyPrefix, s3KeyPrefixFrom),
    snsTopicArn: updated(current.snsTopicArn, input.snsTopicName, (topic) => snsTopicArnFrom(topic, scope)),
    includeGlobalServiceEvents:
      input.includeGlobalServiceEvents ?? globalServiceEventsFollowing(current, isMultiRegionTrail),
    isMultiRegionTrail,
    logFileValidationEnabled: input.enableLogFileValidation ?? current.logFileValidationEnabled,
    cloudWatchLogsLogGroupArn: updated(
      current.cloudWatchLogsLogGroupArn,
      input.cloudWatchLogsLogGroupArn,
      asGiven,
    ),
    cloudWatchLogsRoleArn: updated(current.cloudWatchLogsRoleArn, input.cloudWatchLogsRoleArn, asGiven),
    kmsKeyId: updated(current.kmsKeyId, input.kmsKeyId, (key) => kmsKeyArnFrom(key, scope)),
    isOrganizationTrail: input.isOrganizationTrail ?? current.isOrganizationTrail,
  };
  return checkedCombinations(settings, scope);
}

/** Switching multi-Region on turns global service events on, off turns them off; no switch, no change. */
function globalServiceEventsFollowing(current: TrailSettings, isMultiRegionTrail: boolean): boolean {
  return isMultiRegionTrail === current.isMultiRegionTrail
    ? current.includeGlobalServiceEvents
    : isMultiRegionTrail;
}

function checkedCombinations(settings: TrailSettings, scope: TrailScope): TrailSettings {
  validateCloudWatchLogs(scope.partition, settings.cloudWatchLogsLogGroupArn, settings.cloudWatchLogsRoleArn);
  if (settings.isMultiRegionTrail && !settings.includeGlobalServiceEvents) {
    throw new InvalidParameterCombinationError('Multi-Region trail must include global service events.');
  }
  return withoutAbsentFields(settings);
}

/** Omitted → current value; empty string → cleared; anything else → `normalize(value)`. */
function updated(
  current: string | undefined,
  requested: string | undefined,
  normalize: (value: string) => string | undefined,
): string | undefined {
  if (requested === undefined) return current;
  return requested === '' ? undefined : normalize(requested);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

function asGiven(value: string): string {
  return value;
}

function s3KeyPrefixFrom(prefix: string | undefined): string | undefined {
  if (prefix !== undefined) validateS3KeyPrefix(prefix);
  return prefix;
}

function snsTopicArnFrom(topic: string | undefined, scope: TrailScope): string | undefined {
  return topic === undefined
    ? undefined
    : normalizeSnsTopic(topic, scope.partition, scope.region, scope.accountId);
}

function kmsKeyArnFrom(key: string | undefined, scope: TrailScope): string | undefined {
  return key === undefined
    ? undefined
    : normalizeKmsKeyId(key, scope.partition, scope.region, scope.accountId);
}

/** Unset optional settings are absent rather than `undefined`, so stored and rendered shapes agree. */
function withoutAbsentFields(settings: TrailSettings): TrailSettings {
  return Object.fromEntries(
    Object.entries(settings).filter(([, value]) => value !== undefined),
  ) as TrailSettings;
}
