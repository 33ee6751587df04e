import { execFile } from 'node:child_process';
import { type TestCredentials } from '../../support/credentials';

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `aws` CLI as `credentials`, every service sent to `endpointUrl` (AWS_ENDPOINT_URL). */
export function aws(
  endpointUrl: string,
  credentials: TestCredentials,
  args: readonly string[],
  input?: string,
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );
  Object.assign(env, {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL: endpointUrl,
  });
  return new Promise((resolve) => {
    const child = execFile('aws', args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ exitCode, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}
