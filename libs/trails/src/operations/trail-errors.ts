import { type ErrorCode } from '@app/platform';

/* The codes the trail operations' rules answer (cloudtrail.md §2, §3), grouped as the rules are. */

/** Naming a trail: a malformed name or ARN, or no trail of that name the caller holds in the Region. */
export const TRAIL_LOOKUP_ERRORS: readonly ErrorCode[] = [
  'InvalidTrailNameException',
  'CloudTrailARNInvalidException',
  'TrailNotFoundException',
];

/**
 * Changing a trail: only from its home Region, and an organization trail only by its owner (the
 * management account) or a CloudTrail delegated administrator (decisions 3 and 6).
 */
export const TRAIL_CHANGE_ERRORS: readonly ErrorCode[] = [
  ...TRAIL_LOOKUP_ERRORS,
  'InvalidHomeRegionException',
  'NotOrganizationMasterAccountException',
];

/** A trail's destinations and their combinations (§3.2–§3.4). */
export const TRAIL_SETTINGS_ERRORS: readonly ErrorCode[] = [
  'InvalidS3BucketNameException',
  'InvalidS3PrefixException',
  'InvalidSnsTopicNameException',
  'InvalidKmsKeyIdException',
  'InvalidCloudWatchLogsLogGroupArnException',
  'InvalidCloudWatchLogsRoleArnException',
  'InvalidParameterCombinationException',
];

/** The trail's bucket: CloudTrail must be able to write its files there (delivery.md §6.2). */
export const TRAIL_BUCKET_ERRORS: readonly ErrorCode[] = [
  'S3BucketDoesNotExistException',
  'InsufficientS3BucketPolicyException',
];

/** An organization trail's preconditions (§3.5), in the order they are checked. */
export const ORGANIZATION_TRAIL_ERRORS: readonly ErrorCode[] = [
  'OrganizationsNotInUseException',
  'OrganizationNotInAllFeaturesModeException',
  'CloudTrailAccessNotEnabledException',
  'NotOrganizationMasterAccountException',
];

/** The name and the five trails of a Region, in every Region the trail occupies (decision 4). */
export const TRAIL_SLOT_ERRORS: readonly ErrorCode[] = [
  'TrailAlreadyExistsException',
  'MaximumNumberOfTrailsExceededException',
];

/** Tags of a trail named by ARN in the called Region (decision 10). */
export const TRAIL_TAG_ERRORS: readonly ErrorCode[] = [
  'CloudTrailARNInvalidException',
  'ResourceNotFoundException',
];
