import { ERROR_STATUS, isRetryable, statusOf } from './error-status';

describe('ERROR_STATUS', () => {
  it('maps CloudTrail client errors to the model statuses', () => {
    expect(statusOf('TrailNotFoundException')).toBe(404);
    expect(statusOf('MaximumNumberOfTrailsExceededException')).toBe(403);
    expect(statusOf('TrailAlreadyExistsException')).toBe(400);
  });

  it('treats throttling and server faults as retryable, client errors not', () => {
    expect(isRetryable('ThrottlingException')).toBe(true);
    expect(isRetryable('ServiceUnavailable')).toBe(true);
    expect(isRetryable('InvalidTrailNameException')).toBe(false);
  });

  it('uses only valid HTTP error statuses', () => {
    for (const status of Object.values(ERROR_STATUS)) expect(status >= 400 && status < 600).toBe(true);
  });
});

describe('ERROR_STATUS for the object store', () => {
  it('answers S3 codes with S3 statuses', () => {
    expect(statusOf('NoSuchBucket')).toBe(404);
    expect(statusOf('NoSuchKey')).toBe(404);
    expect(statusOf('NoSuchBucketPolicy')).toBe(404);
    expect(statusOf('BucketAlreadyExists')).toBe(409);
    expect(statusOf('BucketAlreadyOwnedByYou')).toBe(409);
    expect(statusOf('BucketNotEmpty')).toBe(409);
    expect(statusOf('InvalidBucketName')).toBe(400);
    expect(statusOf('InvalidRange')).toBe(416);
    expect(statusOf('SignatureDoesNotMatch')).toBe(403);
    expect(statusOf('AccessDenied')).toBe(403);
  });
});
