import { STSClient } from '@aws-sdk/client-sts';
import { Clock } from '@app/platform';
import { type TestCredentials } from '../../support/credentials';
import { type TestApp } from '../../support/test-app';

/** `@aws-sdk/client-sts` pointed at the app (query protocol, form-encoded POST /). */
export function stsClient(app: TestApp, credentials: TestCredentials, region = 'us-east-1'): STSClient {
  return new STSClient({ endpoint: app.url, region, credentials, maxAttempts: 1 });
}

/** The server's clock, moved forward by tests (session expiry); clients keep signing in real time. */
export class MovableClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

/** The error an AWS SDK call failed with, for assertions on its name and message. */
export async function sdkError(call: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as { name: string; message: string };
    return { name: e.name, message: e.message };
  }
  throw new Error('The call succeeded');
}
