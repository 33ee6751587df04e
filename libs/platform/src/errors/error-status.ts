/**
 * Every error code we raise, with its REST status (cloudtrail.md, decision 1): semantic — 400 for
 * invalid input and unmet preconditions, 403 for authentication and authorization only, 404 for what
 * does not exist, 409 for conflicts with the current state (duplicates, quotas such as the five
 * trails of a Region), 429 for throttling, 5xx for faults. The AWS protocols answer the live
 * services' statuses instead (`awsStatusOf`).
 */
export const ERROR_STATUS = {
  // Generic request and protocol errors
  ValidationException: 400,
  InvalidParameterException: 400,
  InvalidParameterCombinationException: 400,
  UnknownOperationException: 400,
  SerializationException: 400,
  RequestEntityTooLargeException: 413,
  RequestHeaderFieldsTooLargeException: 431,
  RequestTimeoutException: 408,
  UnsupportedMediaTypeException: 415,
  NotFoundException: 404,
  InvalidAction: 400,
  InvalidParameterValue: 400,
  MissingParameter: 400,
  MalformedQueryString: 400,
  OperationNotPermittedException: 400,
  UnsupportedOperationException: 400,
  ConflictException: 409,
  ThrottlingException: 429,
  TooManyRequestsException: 429,
  Throttling: 429,
  InternalFailure: 500,
  ServiceUnavailable: 503,
  ServiceException: 500,

  // Authentication (SigV4 and credentials)
  UnrecognizedClientException: 403,
  InvalidClientTokenId: 403,
  InvalidSignatureException: 403,
  SignatureDoesNotMatch: 403,
  IncompleteSignatureException: 403,
  IncompleteSignature: 403,
  MissingAuthenticationTokenException: 403,
  MissingAuthenticationToken: 403,
  ExpiredTokenException: 403,
  ExpiredToken: 403,
  RequestExpired: 403,
  AccessDeniedException: 403,
  AccessDenied: 403,

  // Regions and accounts
  RegionAlreadyExistsException: 409,
  RegionNotFoundException: 404,
  InvalidRegionNameException: 400,
  RegionOptInStatusException: 400,
  AccountNotFoundException: 404,

  // Organizations
  AWSOrganizationsNotInUseException: 404,
  AlreadyInOrganizationException: 409,
  ConstraintViolationException: 409,
  ConcurrentModificationException: 409,
  InvalidInputException: 400,
  AccessDeniedForDependencyException: 403,
  CreateAccountStatusNotFoundException: 404,
  HandshakeNotFoundException: 404,
  HandshakeConstraintViolationException: 409,
  InvalidHandshakeTransitionException: 409,
  HandshakeAlreadyInStateException: 409,
  DuplicateHandshakeException: 409,
  DuplicateAccountException: 409,
  MasterCannotLeaveOrganizationException: 409,
  AccountAlreadyClosedException: 409,
  OrganizationNotEmptyException: 409,
  AccountAlreadyRegisteredException: 409,
  AccountNotRegisteredException: 409,
  AccountOwnerNotVerifiedException: 400,
  DuplicateOrganizationalUnitException: 409,
  OrganizationalUnitNotFoundException: 404,
  OrganizationalUnitNotEmptyException: 409,
  ParentNotFoundException: 404,
  ChildNotFoundException: 404,
  SourceParentNotFoundException: 404,
  DestinationParentNotFoundException: 404,
  RootNotFoundException: 404,
  TargetNotFoundException: 404,
  PolicyNotFoundException: 404,
  PolicyNotAttachedException: 404,
  PolicyInUseException: 409,
  PolicyChangesInProgressException: 409,
  DuplicatePolicyException: 409,
  DuplicatePolicyAttachmentException: 409,
  MalformedPolicyDocumentException: 400,
  PolicyTypeAlreadyEnabledException: 409,
  PolicyTypeNotEnabledException: 409,
  PolicyTypeNotAvailableForOrganizationException: 409,
  FinalizingOrganizationException: 409,

  // CloudTrail
  TrailNotFoundException: 404,
  TrailAlreadyExistsException: 409,
  TrailNotProvidedException: 404,
  InvalidTrailNameException: 400,
  CloudTrailARNInvalidException: 400,
  MaximumNumberOfTrailsExceededException: 409,
  InvalidHomeRegionException: 400,
  InvalidS3BucketNameException: 400,
  InvalidS3PrefixException: 400,
  InvalidSnsTopicNameException: 400,
  InvalidKmsKeyIdException: 400,
  InvalidCloudWatchLogsLogGroupArnException: 400,
  InvalidCloudWatchLogsRoleArnException: 400,
  InvalidEventSelectorsException: 400,
  InvalidInsightSelectorsException: 400,
  InsightNotEnabledException: 400,
  InvalidTagParameterException: 400,
  TagsLimitExceededException: 400,
  ResourceNotFoundException: 404,
  ResourceTypeNotSupportedException: 400,
  InvalidTokenException: 400,
  InvalidNextTokenException: 400,
  InvalidLookupAttributesException: 400,
  InvalidTimeRangeException: 400,
  InvalidMaxResultsException: 400,
  InvalidEventCategoryException: 400,
  S3BucketDoesNotExistException: 404,
  InsufficientS3BucketPolicyException: 400,
  OrganizationsNotInUseException: 404,
  OrganizationNotInAllFeaturesModeException: 400,
  CloudTrailAccessNotEnabledException: 400,
  NotOrganizationMasterAccountException: 400,
  NotOrganizationManagementAccountException: 403,
  NoManagementAccountSLRExistsException: 400,
  InsufficientDependencyServiceAccessPermissionException: 400,
  AccountRegisteredException: 409,
  CannotDelegateManagementAccountException: 400,
  DelegatedAdminAccountLimitExceededException: 409,

  // IAM and STS (query protocol codes)
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  LimitExceeded: 409,
  DeleteConflict: 409,
  MalformedPolicyDocument: 400,
  ValidationError: 400,
  InvalidInput: 400,
  RegionDisabledException: 403,

  // S3 (the built-in object store; REST-XML error document codes, S3's statuses)
  NoSuchBucket: 404,
  NoSuchKey: 404,
  NoSuchBucketPolicy: 404,
  NoSuchVersion: 404,
  NoSuchUpload: 404,
  BucketAlreadyExists: 409,
  BucketAlreadyOwnedByYou: 409,
  BucketNotEmpty: 409,
  InvalidBucketName: 400,
  KeyTooLongError: 400,
  EntityTooLarge: 400,
  EntityTooSmall: 400,
  InvalidPart: 400,
  InvalidPartOrder: 400,
  MetadataTooLarge: 400,
  BadDigest: 400,
  InvalidDigest: 400,
  InvalidRange: 416,
  XAmzContentSHA256Mismatch: 400,
  IncompleteBody: 400,
  InvalidArgument: 400,
  InvalidRequest: 400,
  MalformedXML: 400,
  MalformedPolicy: 400,
  InvalidLocationConstraint: 400,
  IllegalLocationConstraintException: 400,
  MissingContentLength: 411,
  NotImplemented: 501,
  InternalError: 500,
  // S3's names for the refusals every call may get (the S3 transport maps them).
  InvalidAccessKeyId: 403,
  AuthorizationHeaderMalformed: 400,
  SlowDown: 503,
  MaxMessageLengthExceeded: 400,
  MethodNotAllowed: 405,
  InvalidURI: 400,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The status a REST caller gets for `code`; the object store's S3 protocol answers these statuses too. */
export function restStatusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

/**
 * Statuses other than 400 on the AWS protocols, where the live services answer 400 for every client
 * error whatever the Smithy models' `httpError` says (live CloudTrail and Organizations captures:
 * TrailNotFoundException, MaximumNumberOfTrailsExceededException, AlreadyInOrganizationException,
 * ThrottlingException, STS `Throttling` all 400). Keyed by the code on the wire, so the query
 * protocol's names (STS) carry the statuses of the AWS Common Errors pages.
 */
const AWS_STATUS: Partial<Record<ErrorCode, number>> = {
  // Authentication and access denial (decision 1; STS/IAM Common Errors for the query names).
  UnrecognizedClientException: 403,
  InvalidClientTokenId: 403,
  InvalidSignatureException: 403,
  SignatureDoesNotMatch: 403,
  IncompleteSignatureException: 403,
  MissingAuthenticationTokenException: 403,
  MissingAuthenticationToken: 403,
  ExpiredTokenException: 403,
  ExpiredToken: 403,
  AccessDeniedException: 403,
  AccessDenied: 403,
  AccessDeniedForDependencyException: 403,
  RegionDisabledException: 403,
  // IAM's query API answers these live (IAM API Reference).
  NoSuchEntity: 404,
  EntityAlreadyExists: 409,
  LimitExceeded: 409,
  DeleteConflict: 409,
  // Refusals at the HTTP level, before any service reads the request.
  NotFoundException: 404,
  RequestTimeoutException: 408,
  RequestEntityTooLargeException: 413,
  UnsupportedMediaTypeException: 415,
  RequestHeaderFieldsTooLargeException: 431,
  // Service faults.
  InternalFailure: 500,
  ServiceException: 500,
  ServiceUnavailable: 503,
};

/** The status an AWS-protocol caller (AWS JSON or query) gets for `code` as it goes on the wire. */
export function awsStatusOf(code: ErrorCode): number {
  return AWS_STATUS[code] ?? 400;
}

/** Codes a client may retry after backing off (AWS SDKs retry 5xx and throttling). */
export function isRetryable(code: ErrorCode): boolean {
  return ERROR_STATUS[code] >= 500 || ERROR_STATUS[code] === 429;
}
