import 'reflect-metadata';
import { EnsureBootstrapAccountUseCase, type BootstrapCredentials } from '@app/accounts';
import { createLogger, type Env, installGracefulShutdown, loadEnvOrExit } from '@app/platform';
import { ListPartitionRegionsUseCase } from '@app/regions';
import { createApiApplication } from './http/http-server';

async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const logger = createLogger(env.LOG_LEVEL);
  const app = await createApiApplication(env, logger);
  // Requests in flight finish (and buffer their events) before the event buffer's final flush.
  installGracefulShutdown(app, env.TRAILPLANE_SHUTDOWN_TIMEOUT_MS, logger, () =>
    app.getHttpAdapter().getInstance().close(),
  );
  const credentials = await app.get(EnsureBootstrapAccountUseCase).execute();
  await app.listen(env.PORT, env.HOST);
  const { port } = app.getHttpServer().address() as { port: number };
  const regions = await app.get(ListPartitionRegionsUseCase).execute();
  process.stdout.write(
    banner(
      env,
      `http://${env.HOST}:${port}`,
      credentials,
      regions.filter((r) => !r.optIn).map((r) => r.name),
    ),
  );
}

function banner(env: Env, url: string, credentials: BootstrapCredentials, regions: string[]): string {
  const mode = env.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite in ${env.TRAILPLANE_DATA_DIR}`;
  const jobs = env.REDIS_URL ? 'BullMQ on Redis (run `npm run start:worker`)' : 'in-process';
  const secret = credentials.secretAccessKey
    ? `  AWS secret access key: ${credentials.secretAccessKey}   (shown once; saved in ${credentials.file})\n`
    : credentials.file && !credentials.accessKeyId
      ? `  Credentials: see ${credentials.file} (written on first start)\n`
      : '';
  return (
    `\nTrailplane is listening on ${url}  (database: ${mode}; jobs: ${jobs})\n` +
    `  Console: ${url}/console/   OpenAPI docs: ${url}/docs   health: ${url}/healthz   readiness: ${url}/readyz\n` +
    `  Operator account: ${credentials.accountId}\n` +
    (credentials.accessKeyId ? `  AWS access key id:     ${credentials.accessKeyId}\n` : '') +
    secret +
    `  Regions: ${regions.join(', ')}\n\n` +
    `Use it with the AWS CLI:\n` +
    `  export AWS_ACCESS_KEY_ID=<access key id> AWS_SECRET_ACCESS_KEY=<secret> AWS_DEFAULT_REGION=us-east-1\n` +
    `  aws organizations create-organization --endpoint-url ${url}\n` +
    `  aws cloudtrail describe-trails --endpoint-url ${url}\n` +
    `REST: curl --aws-sigv4 "aws:amz:us-east-1:trailplane" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" ${url}/v1/account/regions\n\n`
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `Trailplane failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
