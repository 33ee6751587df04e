import { S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { type TestCredentials } from '../../support/credentials';
import { type TestApp } from '../../support/test-app';

/** `@aws-sdk/client-s3` with its defaults, pointed at the app path-style (as `forcePathStyle` users do). */
export function s3Client(app: TestApp, credentials: TestCredentials, region = 'us-east-1'): S3Client {
  return new S3Client({ endpoint: app.url, region, credentials, forcePathStyle: true, maxAttempts: 1 });
}

/** The S3 error code and status a failing call answered. */
export async function s3Failure(call: Promise<unknown>): Promise<{ code: string; status?: number }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof S3ServiceException) {
      return { code: error.name, status: error.$metadata.httpStatusCode };
    }
    throw error;
  }
  throw new Error('The call succeeded');
}
