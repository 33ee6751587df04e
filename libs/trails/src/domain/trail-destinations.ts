import { ACCOUNT_ID_PATTERN, REGION_PATTERN } from './trail-arn';
import {
  InvalidCloudWatchLogsLogGroupArnError,
  InvalidCloudWatchLogsRoleArnError,
  InvalidKmsKeyIdError,
  InvalidParameterCombinationError,
  InvalidS3BucketNameError,
  InvalidS3PrefixError,
  InvalidSnsTopicNameError,
} from './trail.errors';

/**
 * Form checks of a trail's destinations (cloudtrail.md §2.2). Destinations are references:
 * nothing is delivered, so existence and policies are not checked here.
 */

export const S3_KEY_PREFIX_MAX_LENGTH = 200;
export const SNS_TOPIC_MAX_LENGTH = 256;

const BUCKET_CHARACTERS = /^[a-z0-9.-]*$/;
const BUCKET_EDGE = /^[a-z0-9]$/;
const IPV4_SHAPED = /^\d{1,3}(?:\.\d{1,3}){3}$/;
// Reserved by S3 for its own names (S3 User Guide, "General purpose bucket naming rules").
const RESERVED_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

const SNS_TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const KMS_KEY_ID =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$/;
// KMS allows 1–256 characters for `alias/<name>`; `:` is excluded because it would end the ARN part.
const KMS_ALIAS = /^alias\/[A-Za-z0-9/_-]{1,250}$/;
const LOG_GROUP_NAME = /^[A-Za-z0-9._/#-]{1,512}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const IAM_PATH_CHARACTERS = /^[\x21-\x7e]*$/;
const IAM_PATH_MAX_LENGTH = 512;

/** Why `name` breaks the S3 general purpose bucket naming rules, or undefined when it does not. */
export function s3BucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'Bucket names must be between 3 and 63 characters long.';
  if (!BUCKET_CHARACTERS.test(name)) {
    return 'Bucket names can consist only of lowercase letters, numbers, periods (.), and hyphens (-).';
  }
  if (!BUCKET_EDGE.test(name.charAt(0)) || !BUCKET_EDGE.test(name.charAt(name.length - 1))) {
    return 'Bucket names must begin and end with a letter or number.';
  }
  if (name.includes('..')) return 'Bucket names must not contain two adjacent periods.';
  if (IPV4_SHAPED.test(name)) return 'Bucket names must not be formatted as an IP address.';
  const prefix = RESERVED_BUCKET_PREFIXES.find((reserved) => name.startsWith(reserved));
  if (prefix !== undefined) return `Bucket names must not start with the prefix ${prefix}.`;
  const suffix = RESERVED_BUCKET_SUFFIXES.find((reserved) => name.endsWith(reserved));
  if (suffix !== undefined) return `Bucket names must not end with the suffix ${suffix}.`;
  return undefined;
}

/** Throws `InvalidS3BucketNameException` when `name` is not a valid S3 bucket name. */
export function validateS3BucketName(name: string): void {
  const problem = s3BucketNameProblem(name);
  if (problem !== undefined) {
    throw new InvalidS3BucketNameError(name, problem);
  }
}

/** Throws `InvalidS3PrefixException` when `prefix` exceeds 200 characters (counted as code points). */
export function validateS3KeyPrefix(prefix: string): void {
  const length = [...prefix].length;
  if (length > S3_KEY_PREFIX_MAX_LENGTH) {
    throw new InvalidS3PrefixError(S3_KEY_PREFIX_MAX_LENGTH, length);
  }
}

/**
 * The topic ARN for `SnsTopicName`, which may be a topic name (resolved in the given partition,
 * Region and account) or a topic ARN (returned as is). Topic names are 1–256 letters, digits, `-`
 * and `_`; the whole value is at most 256 characters (the model's limit on the request field).
 * Anything else → `InvalidSnsTopicNameException`.
 */
export function normalizeSnsTopic(
  nameOrArn: string,
  partition: string,
  region: string,
  accountId: string,
): string {
  const invalid = (detail: string) => new InvalidSnsTopicNameError(nameOrArn, detail);
  if (nameOrArn.length > SNS_TOPIC_MAX_LENGTH) {
    throw invalid(`The value must be at most ${SNS_TOPIC_MAX_LENGTH} characters.`);
  }
  if (!nameOrArn.startsWith('arn:')) {
    if (!SNS_TOPIC_NAME.test(nameOrArn)) {
      throw invalid('Topic names can contain only letters, numbers, hyphens (-) and underscores (_).');
    }
    return `arn:${partition}:sns:${region}:${accountId}:${nameOrArn}`;
  }
  const parts = nameOrArn.split(':');
  const [, arnPartition, service, arnRegion, arnAccountId, topicName] = parts;
  if (
    parts.length !== 6 ||
    arnPartition !== partition ||
    service !== 'sns' ||
    !REGION_PATTERN.test(arnRegion) ||
    !ACCOUNT_ID_PATTERN.test(arnAccountId) ||
    !SNS_TOPIC_NAME.test(topicName)
  ) {
    throw invalid(`A topic ARN has the form arn:${partition}:sns:<region>:<account-id>:<topic-name>.`);
  }
  return nameOrArn;
}

/**
 * The full ARN for `KmsKeyId`: a key id (UUID or multi-Region `mrk-…`) becomes a key ARN in the
 * given partition, Region and account; `alias/<name>` becomes an alias ARN there; key and alias
 * ARNs are returned as is. The contract says output is always a key ARN, but resolving an alias to
 * its key needs a KMS that Trailplane does not have, so aliases stay alias ARNs.
 * Anything else → `InvalidKmsKeyIdException`.
 */
export function normalizeKmsKeyId(
  value: string,
  partition: string,
  region: string,
  accountId: string,
): string {
  if (KMS_KEY_ID.test(value)) return `arn:${partition}:kms:${region}:${accountId}:key/${value}`;
  if (KMS_ALIAS.test(value)) return `arn:${partition}:kms:${region}:${accountId}:${value}`;
  const parts = value.split(':');
  const [prefix, arnPartition, service, arnRegion, arnAccountId, resource] = parts;
  const isKmsArn =
    parts.length === 6 &&
    prefix === 'arn' &&
    arnPartition === partition &&
    service === 'kms' &&
    REGION_PATTERN.test(arnRegion) &&
    ACCOUNT_ID_PATTERN.test(arnAccountId);
  if (isKmsArn && (KMS_ALIAS.test(resource) || isKeyResource(resource))) return value;
  throw new InvalidKmsKeyIdError(value);
}

function isKeyResource(resource: string): boolean {
  return resource.startsWith('key/') && KMS_KEY_ID.test(resource.slice('key/'.length));
}

/**
 * Checks the CloudWatch Logs destination of a trail as it will be after the request:
 * - the log group ARN has the form `arn:<p>:logs:<region>:<account>:log-group:<name>:*`
 *   (`InvalidCloudWatchLogsLogGroupArnException`);
 * - the role ARN has the form `arn:<p>:iam::<account>:role/<path/><name>`
 *   (`InvalidCloudWatchLogsRoleArnException`);
 * - delivery needs both: a role without a group, or a group without a role, is
 *   `InvalidParameterCombinationException`. The model only says the group is required with a role;
 *   AWS cannot deliver to a group without a role to assume, so we refuse that half-configuration too.
 * Form is checked before the combination, so a malformed value is reported as such.
 */
export function validateCloudWatchLogs(
  partition: string,
  logGroupArn: string | undefined,
  roleArn: string | undefined,
): void {
  if (logGroupArn !== undefined && !isLogGroupArn(logGroupArn, partition)) {
    throw new InvalidCloudWatchLogsLogGroupArnError(logGroupArn, partition);
  }
  if (roleArn !== undefined && !isRoleArn(roleArn, partition)) {
    throw new InvalidCloudWatchLogsRoleArnError(roleArn, partition);
  }
  if (roleArn !== undefined && logGroupArn === undefined) {
    throw new InvalidParameterCombinationError(
      'CloudWatchLogsLogGroupArn is required when CloudWatchLogsRoleArn is specified.',
    );
  }
  if (logGroupArn !== undefined && roleArn === undefined) {
    throw new InvalidParameterCombinationError(
      'CloudWatchLogsRoleArn is required when CloudWatchLogsLogGroupArn is specified.',
    );
  }
}

function isLogGroupArn(value: string, partition: string): boolean {
  const parts = value.split(':');
  const [prefix, arnPartition, service, region, accountId, resourceType, groupName, wildcard] = parts;
  return (
    parts.length === 8 &&
    prefix === 'arn' &&
    arnPartition === partition &&
    service === 'logs' &&
    REGION_PATTERN.test(region) &&
    ACCOUNT_ID_PATTERN.test(accountId) &&
    resourceType === 'log-group' &&
    LOG_GROUP_NAME.test(groupName) &&
    wildcard === '*'
  );
}

function isRoleArn(value: string, partition: string): boolean {
  const parts = value.split(':');
  const [prefix, arnPartition, service, region, accountId] = parts;
  // IAM paths may contain colons, so the resource is everything after the fifth one.
  const resource = parts.slice(5).join(':');
  if (
    parts.length < 6 ||
    prefix !== 'arn' ||
    arnPartition !== partition ||
    service !== 'iam' ||
    region !== '' ||
    !ACCOUNT_ID_PATTERN.test(accountId) ||
    !resource.startsWith('role/')
  ) {
    return false;
  }
  const pathAndName = resource.slice('role/'.length);
  const nameStart = pathAndName.lastIndexOf('/') + 1;
  const path = `/${pathAndName.slice(0, nameStart)}`;
  return (
    ROLE_NAME.test(pathAndName.slice(nameStart)) &&
    IAM_PATH_CHARACTERS.test(path) &&
    !path.includes('//') &&
    path.length <= IAM_PATH_MAX_LENGTH
  );
}
