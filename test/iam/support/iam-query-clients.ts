import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { IAMClient } from '@aws-sdk/client-iam';
import { type TestCredentials } from '../../support/credentials';
import { type TestApp } from '../../support/test-app';

const run = promisify(execFile);

/** `@aws-sdk/client-iam` pointed at the app (query protocol; IAM signs for us-east-1). */
export function iamClient(app: TestApp, credentials: TestCredentials): IAMClient {
  return new IAMClient({ endpoint: app.url, region: 'us-east-1', credentials, maxAttempts: 1 });
}

export interface IamCliResult {
  readonly exitCode: number;
  readonly json: unknown;
  readonly stderr: string;
}

/** `aws iam …` (the installed AWS CLI) with AWS_ENDPOINT_URL at the app, isolated from local configuration. */
export async function awsIam(
  app: TestApp,
  credentials: TestCredentials,
  args: string[],
): Promise<IamCliResult> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: app.url,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_MAX_ATTEMPTS: '1',
  };
  try {
    const { stdout, stderr } = await run('aws', ['iam', ...args, '--output', 'json'], {
      env,
      timeout: 60_000,
    });
    return { exitCode: 0, json: stdout.trim() === '' ? undefined : (JSON.parse(stdout) as unknown), stderr };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { exitCode: failed.code ?? -1, json: undefined, stderr: failed.stderr ?? '' };
  }
}
