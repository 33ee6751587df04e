import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createLogger, InvalidEnvironmentError, loadEnv, PinoNestLogger } from '@app/platform';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(env.LOG_LEVEL).child({ component: 'worker' });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env, logger), {
    logger: new PinoNestLogger(logger),
  });
  app.enableShutdownHooks();
  await app.init();
  logger.info('worker started');
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `Trailplane worker failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
