import { awsStatusOf, ERROR_STATUS, type ErrorCode, isRetryable, restStatusOf } from './error-status';

const CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

describe('REST statuses', () => {
  it('are semantic: not found 404, conflicts and quotas 409, throttling 429', () => {
    expect(restStatusOf('TrailNotFoundException')).toBe(404);
    expect(restStatusOf('AccountNotFoundException')).toBe(404);
    expect(restStatusOf('ResourceNotFoundException')).toBe(404);
    expect(restStatusOf('TrailAlreadyExistsException')).toBe(409);
    expect(restStatusOf('MaximumNumberOfTrailsExceededException')).toBe(409);
    expect(restStatusOf('DuplicateAccountException')).toBe(409);
    expect(restStatusOf('InvalidTrailNameException')).toBe(400);
    expect(restStatusOf('ThrottlingException')).toBe(429);
  });

  it('answer 403 for authentication and authorization only', () => {
    const forbidden = CODES.filter((code) => restStatusOf(code) === 403).sort();
    expect(forbidden).toEqual(
      [
        'AccessDenied',
        'AccessDeniedException',
        'AccessDeniedForDependencyException',
        'ExpiredToken',
        'ExpiredTokenException',
        'IncompleteSignature',
        'IncompleteSignatureException',
        'InvalidAccessKeyId',
        'InvalidClientTokenId',
        'InvalidSignatureException',
        'MissingAuthenticationToken',
        'MissingAuthenticationTokenException',
        'NotOrganizationManagementAccountException',
        'RegionDisabledException',
        'RequestExpired',
        'SignatureDoesNotMatch',
        'UnrecognizedClientException',
      ].sort(),
    );
  });
});

describe('AWS-protocol statuses', () => {
  it('are 400 for client errors of every kind, as the live services answer', () => {
    for (const code of [
      'TrailNotFoundException',
      'MaximumNumberOfTrailsExceededException',
      'TrailAlreadyExistsException',
      'AWSOrganizationsNotInUseException',
      'AccountNotFoundException',
      'DuplicateAccountException',
      'ConstraintViolationException',
      'NotOrganizationManagementAccountException',
      'ThrottlingException',
      'TooManyRequestsException',
      'Throttling',
      'IncompleteSignature',
      'RequestExpired',
    ] as const) {
      expect([code, awsStatusOf(code)]).toEqual([code, 400]);
    }
  });

  it('are 403 for authentication and access denial, 5xx for faults', () => {
    for (const code of [
      'UnrecognizedClientException',
      'InvalidSignatureException',
      'MissingAuthenticationTokenException',
      'IncompleteSignatureException',
      'ExpiredTokenException',
      'AccessDeniedException',
      'InvalidClientTokenId',
      'SignatureDoesNotMatch',
      'ExpiredToken',
      'AccessDenied',
    ] as const) {
      expect([code, awsStatusOf(code)]).toEqual([code, 403]);
    }
    expect(awsStatusOf('InternalFailure')).toBe(500);
    expect(awsStatusOf('ServiceUnavailable')).toBe(503);
  });

  it('keep the HTTP-level refusals and IAM’s live statuses', () => {
    expect(awsStatusOf('RequestEntityTooLargeException')).toBe(413);
    expect(awsStatusOf('NoSuchEntity')).toBe(404);
    expect(awsStatusOf('EntityAlreadyExists')).toBe(409);
  });
});

describe('isRetryable', () => {
  it('treats throttling and server faults as retryable, client errors not', () => {
    expect(isRetryable('ThrottlingException')).toBe(true);
    expect(isRetryable('ServiceUnavailable')).toBe(true);
    expect(isRetryable('InvalidTrailNameException')).toBe(false);
  });
});

it('uses only valid HTTP error statuses', () => {
  for (const code of CODES) {
    expect(restStatusOf(code) >= 400 && restStatusOf(code) < 600).toBe(true);
    expect(awsStatusOf(code) >= 400 && awsStatusOf(code) < 600).toBe(true);
  }
});

describe('ERROR_STATUS for the object store', () => {
  it('answers S3 codes with S3 statuses', () => {
    expect(restStatusOf('NoSuchBucket')).toBe(404);
    expect(restStatusOf('NoSuchKey')).toBe(404);
    expect(restStatusOf('NoSuchBucketPolicy')).toBe(404);
    expect(restStatusOf('BucketAlreadyExists')).toBe(409);
    expect(restStatusOf('BucketAlreadyOwnedByYou')).toBe(409);
    expect(restStatusOf('BucketNotEmpty')).toBe(409);
    expect(restStatusOf('InvalidBucketName')).toBe(400);
    expect(restStatusOf('InvalidRange')).toBe(416);
    expect(restStatusOf('SignatureDoesNotMatch')).toBe(403);
    expect(restStatusOf('AccessDenied')).toBe(403);
  });
});
