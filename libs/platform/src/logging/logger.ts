import { type LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentRequestId } from '../context/request-context';
import { formatForTerminal } from './terminal-format';

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

/** Whether logs go to a person at a terminal (readable lines) rather than to a collector (JSON lines). */
export function logsToTerminal(): boolean {
  return process.stdout.isTTY === true;
}

/** Readable lines on stdout, coloured unless NO_COLOR is set. */
function terminalDestination(): pino.DestinationStream {
  const colors = !process.env.NO_COLOR;
  return { write: (line: string) => void process.stdout.write(formatForTerminal(line, colors)) };
}

/**
 * Structured logs: JSON lines, or readable lines when stdout is a terminal (and no destination is
 * given); every line inside a request carries its request id.
 */
export function createLogger(
  level: string,
  destination: pino.DestinationStream | undefined = logsToTerminal() ? terminalDestination() : undefined,
): Logger {
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

/** Nest's start-up report, module by module and route by route: debug, so a start shows the banner. */
const NEST_START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** Routes NestJS's own log calls into the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    const level = context !== undefined && NEST_START_UP_CONTEXTS.has(context) ? 'debug' : 'info';
    this.logger[level]({ context }, String(message));
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
