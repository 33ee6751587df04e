import { execFile } from 'node:child_process';
import { type TestCredentials } from './credentials';

export interface CliRun {
  readonly command: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const MINIMUM = { 1: [1, 29], 2: [2, 13] } as const;

/**
 * The installed AWS CLI, checked to honour AWS_ENDPOINT_URL for every service (v1 ≥ 1.29, v2 ≥
 * 2.13); older ones would send S3 calls to AWS, so the proof would not be one.
 */
export async function assertAwsCliSupportsEndpointUrl(): Promise<string> {
  const run = await runAws(['--version'], {});
  const version = /aws-cli\/(\d+)\.(\d+)\.(\d+)/.exec(run.stdout + run.stderr);
  if (run.exitCode !== 0 || !version) {
    throw new Error(
      `The AWS CLI (v1 ≥ 1.29 or v2 ≥ 2.13) is required on the PATH for these tests; ` +
        `\`aws --version\` gave exit ${run.exitCode}: ${run.stderr.trim() || run.stdout.trim()}`,
    );
  }
  const [, major, minor] = version.map(Number);
  const minimum = MINIMUM[major as 1 | 2];
  if (!minimum || minor < minimum[1]) {
    throw new Error(
      `AWS CLI ${version[0]} ignores AWS_ENDPOINT_URL for S3: install AWS CLI ≥ 1.29 or ≥ 2.13`,
    );
  }
  return version[0];
}

/**
 * Runs `aws` against `endpointUrl` with `credentials` (dummy ones by default) and no config or
 * credentials files.
 */
export function runAws(
  args: readonly string[],
  settings: { endpointUrl?: string; region?: string; credentials?: TestCredentials },
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );
  Object.assign(env, {
    AWS_ACCESS_KEY_ID: settings.credentials?.accessKeyId ?? 'AKIAFAKEVALIDATOR001',
    AWS_SECRET_ACCESS_KEY: settings.credentials?.secretAccessKey ?? 'fake-secret-for-the-fake-endpoint-only',
    AWS_DEFAULT_REGION: settings.region ?? 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...(settings.endpointUrl ? { AWS_ENDPOINT_URL: settings.endpointUrl } : {}),
  });
  return new Promise((resolve) => {
    execFile('aws', args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      // A CLI that could not be started (ENOENT: none on the PATH) says so instead of printing nothing.
      const why = exitCode === -1 && error ? `${error.message}\n` : '';
      resolve({ command: `aws ${args.join(' ')}`, exitCode, stdout, stderr: why + stderr });
    });
  });
}
