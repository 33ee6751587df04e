/** PostgreSQL error classification used to turn driver errors into AWS-style answers. */
interface PgError {
  code?: string;
  constraint?: string;
}

function pgError(error: unknown): PgError {
  if (typeof error !== 'object' || error === null) return {};
  const e = error as PgError & { driverError?: PgError };
  return e.driverError ?? e;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e.code === '23503' && (constraint === undefined || e.constraint === constraint);
}

export function isSerializationFailure(error: unknown): boolean {
  const code = pgError(error).code;
  return code === '40001' || code === '40P01';
}

const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
]);
const NETWORK_MESSAGES =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Connection ended|terminating connection/i;

/** True when the database is down, restarting or unreachable: the call may be retried. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = pgError(error);
  if (e.code !== undefined && UNAVAILABLE_CODES.has(e.code)) return true;
  const message = error instanceof Error ? error.message : '';
  const code = (error as { code?: string } | null)?.code;
  return NETWORK_MESSAGES.test(message) || code === 'ECONNREFUSED' || code === 'ECONNRESET';
}
