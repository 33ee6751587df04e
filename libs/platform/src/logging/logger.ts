import { type LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentRequestId } from '../context/request-context';

/** Field paths never written to logs, whatever a caller passes. */
const REDACTED_PATHS = [
  'secretAccessKey',
  'SecretAccessKey',
  'sessionToken',
  'SessionToken',
  '*.secretAccessKey',
  '*.SecretAccessKey',
  '*.sessionToken',
  '*.SessionToken',
  'req.headers.authorization',
  'req.headers["x-amz-security-token"]',
  'headers.authorization',
  'headers["x-amz-security-token"]',
];

/** Structured JSON logs; every line inside a request carries its request id. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: REDACTED_PATHS, censor: '<redacted>' },
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Routes NestJS's own log calls into the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
