import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, installGracefulShutdown, loadEnvOrExit, PinoNestLogger } from '@app/platform';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const logger = createLogger(env.LOG_LEVEL).child({ component: 'worker' });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env, logger), {
    logger: new PinoNestLogger(logger),
  });
  installGracefulShutdown(app, env.TRAILPLANE_SHUTDOWN_TIMEOUT_MS, logger);
  await app.init();
  logger.info('worker started');
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `Trailplane worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
