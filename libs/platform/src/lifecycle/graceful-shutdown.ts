import { type INestApplicationContext } from '@nestjs/common';
import { type Logger } from 'pino';

/**
 * SIGTERM/SIGINT: stop accepting, let in-flight requests and jobs finish, flush buffered events,
 * close pools — bounded by `timeoutMs`, after which the process exits anyway. A second signal
 * exits at once.
 */
export function installGracefulShutdown(
  app: INestApplicationContext,
  timeoutMs: number,
  logger: Logger,
  /** Stops intake first and waits for work in flight (the HTTP server), before the hooks run. */
  drain: () => Promise<void> = async () => undefined,
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    closing = true;
    logger.info({ signal, timeoutMs }, 'shutting down');
    const deadline = setTimeout(() => {
      // What was still open, to find the culprit.
      const open = (process as unknown as { _getActiveHandles(): object[] })
        ._getActiveHandles()
        .map((h) => h.constructor.name);
      logger.error({ timeoutMs, open }, 'shutdown took too long: exiting');
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    drain()
      .then(() => app.close())
      .then(
        () => {
          logger.info('shut down cleanly');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
