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
