import { DomainError } from '@app/platform/errors';

/*
 * CloudTrail's errors (cloudtrail.md §4), with the live service's codes and, where it is known,
 * its wording.
 */

export class TrailNotFoundError extends DomainError {
  constructor(arn: string, accountId: string) {
    super('TrailNotFoundException', `Unknown trail: ${arn} for the user: ${accountId}`);
  }
}

export class TrailAlreadyExistsError extends DomainError {
  constructor(name: string, accountId: string) {
    super('TrailAlreadyExistsException', `Trail ${name} already exists for customer: ${accountId}`);
  }
}

/** The tagging APIs' answer for a trail they cannot find (AddTags, RemoveTags, ListTags). */
export class ResourceNotFoundError extends DomainError {
  constructor(resourceId: string) {
    super('ResourceNotFoundException', `Resource not found: ${resourceId}`);
  }
}

export class InvalidTrailNameError extends DomainError {
  constructor(problem: string) {
    super('InvalidTrailNameException', problem);
  }
}

/** An ARN of the tagging APIs that is not an ARN at all (shown up to 300 characters). */
export class NotAnArnError extends DomainError {
  constructor(resourceId: string) {
    super('CloudTrailARNInvalidException', `Invalid ARN: ${resourceId.slice(0, 300)}. Specify a trail ARN.`);
  }
}

export class InvalidTrailArnError extends DomainError {
  constructor(arn: string, detail: string) {
    super('CloudTrailARNInvalidException', `Invalid trail ARN: ${arn}. ${detail}`);
  }
}

export class TrailArnInOtherRegionError extends DomainError {
  constructor(region: string) {
    super(
      'CloudTrailARNInvalidException',
      `Region in ARN is wrong, you can only access resources in region ${region}.`,
    );
  }
}

export class InvalidHomeRegionError extends DomainError {
  constructor(homeRegion: string, calledRegion: string) {
    super(
      'InvalidHomeRegionException',
      `This operation must be called from the trail's home Region ${homeRegion}; the request was sent to ${calledRegion}.`,
    );
  }
}

/** CloudTrail's code for invalid input of no more specific kind. */
export class InvalidParameterError extends DomainError {
  constructor(message: string) {
    super('InvalidParameterException', message);
  }
}

export class InvalidParameterCombinationError extends DomainError {
  constructor(message: string) {
    super('InvalidParameterCombinationException', message);
  }
}

export class InvalidTokenError extends DomainError {
  constructor() {
    super('InvalidTokenException', 'The NextToken is invalid or was issued for another request.');
  }
}

export class InvalidS3BucketNameError extends DomainError {
  constructor(name: string, problem: string) {
    super('InvalidS3BucketNameException', `Invalid S3 bucket name: ${name}. ${problem}`);
  }
}

/** CreateTrail or UpdateTrail naming a bucket the built-in store does not hold. */
export class S3BucketDoesNotExistError extends DomainError {
  constructor(bucket: string) {
    super('S3BucketDoesNotExistException', `S3 bucket does not exist: ${bucket}`);
  }
}

/** The bucket's policy would refuse CloudTrail's write of this trail's log files (AWS's wording). */
export class InsufficientS3BucketPolicyError extends DomainError {
  constructor(bucket: string) {
    super(
      'InsufficientS3BucketPolicyException',
      `Incorrect S3 bucket policy is detected for bucket: ${bucket}`,
    );
  }
}

export class InvalidS3PrefixError extends DomainError {
  constructor(maxLength: number, length: number) {
    super(
      'InvalidS3PrefixException',
      `S3 key prefix too long. Maximum allowed length: ${maxLength} characters. Specified prefix length: ${length} characters.`,
    );
  }
}

export class InvalidSnsTopicNameError extends DomainError {
  constructor(nameOrArn: string, detail: string) {
    super('InvalidSnsTopicNameException', `Invalid SNS topic name or ARN: ${nameOrArn}. ${detail}`);
  }
}

export class InvalidKmsKeyIdError extends DomainError {
  constructor(value: string) {
    super(
      'InvalidKmsKeyIdException',
      `Invalid KMS key ID: ${value}. Specify a key ID, a key ARN, an alias name (alias/<name>) or an alias ARN.`,
    );
  }
}

export class InvalidCloudWatchLogsLogGroupArnError extends DomainError {
  constructor(arn: string, partition: string) {
    super(
      'InvalidCloudWatchLogsLogGroupArnException',
      `Invalid CloudWatch Logs log group ARN: ${arn}. A log group ARN has the form arn:${partition}:logs:<region>:<account-id>:log-group:<log-group-name>:*.`,
    );
  }
}

export class InvalidCloudWatchLogsRoleArnError extends DomainError {
  constructor(arn: string, partition: string) {
    super(
      'InvalidCloudWatchLogsRoleArnException',
      `Invalid CloudWatch Logs role ARN: ${arn}. A role ARN has the form arn:${partition}:iam::<account-id>:role/<role-name>.`,
    );
  }
}

export class InvalidEventSelectorsError extends DomainError {
  constructor(message: string) {
    super('InvalidEventSelectorsException', message);
  }
}

export class InvalidInsightSelectorsError extends DomainError {
  constructor(message: string) {
    super('InvalidInsightSelectorsException', message);
  }
}

export class InsightNotEnabledError extends DomainError {
  constructor(trailName: string) {
    super(
      'InsightNotEnabledException',
      `Trail ${trailName} does not have Insights enabled. Edit the trail settings to enable Insights, and then try the operation again.`,
    );
  }
}

export class InvalidTagParameterError extends DomainError {
  constructor(message: string) {
    super('InvalidTagParameterException', message);
  }
}

export class TagsLimitExceededError extends DomainError {
  constructor(count: number, limit: number) {
    super(
      'TagsLimitExceededException',
      `The number of tags on the resource would be ${count}, which exceeds the limit of ${limit}.`,
    );
  }
}

export class MaximumNumberOfTrailsExceededError extends DomainError {
  constructor(accountId: string, trailsPerRegion: number, region: string) {
    super(
      'MaximumNumberOfTrailsExceededException',
      `User: ${accountId} already has ${trailsPerRegion} trails in ${region}.`,
    );
  }
}

/** A member's change of the organization trail it inherits (decision 3). */
export class NotOrganizationMasterAccountError extends DomainError {
  constructor() {
    super(
      'NotOrganizationMasterAccountException',
      'You cannot configure or manage trails for an organization because this action requires being signed in with the management account.',
    );
  }
}

/** What only the organization's management account may do (converting trails, delegation). */
export class NotOrganizationManagementAccountError extends DomainError {
  constructor(message: string) {
    super('NotOrganizationManagementAccountException', message);
  }
}

export class OrganizationsNotInUseError extends DomainError {
  constructor(
    message = 'This account is not a member of an organization. Create an organization to create organization trails.',
  ) {
    super('OrganizationsNotInUseException', message);
  }
}

export class OrganizationNotInAllFeaturesModeError extends DomainError {
  constructor() {
    super(
      'OrganizationNotInAllFeaturesModeException',
      'This operation requires that all features are enabled in the organization.',
    );
  }
}

export class CloudTrailAccessNotEnabledError extends DomainError {
  constructor(
    message = 'Trusted access for cloudtrail.amazonaws.com is not enabled in the organization. Enable it with EnableAWSServiceAccess.',
  ) {
    super('CloudTrailAccessNotEnabledException', message);
  }
}

export class AccountRegisteredError extends DomainError {
  constructor(message: string) {
    super('AccountRegisteredException', message);
  }
}

export class CannotDelegateManagementAccountError extends DomainError {
  constructor() {
    super(
      'CannotDelegateManagementAccountException',
      'You cannot register the management account as a delegated administrator.',
    );
  }
}

export class DelegatedAdminAccountLimitExceededError extends DomainError {
  constructor() {
    super(
      'DelegatedAdminAccountLimitExceededException',
      'The organization already has the maximum of 3 CloudTrail delegated administrators.',
    );
  }
}
