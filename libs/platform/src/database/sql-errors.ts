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

/** A lock taken NOWAIT (or within its `lock_timeout`) was not available. */
export function isLockNotAvailable(error: unknown): boolean {
  return pgError(error).code === '55P03';
}

export function isSerializationFailure(error: unknown): boolean {
  const code = pgError(error).code;
  return code === '40001' || code === '40P01';
}

/**
 * Server answers that mean "not now": shutting down or restarting (57P0x), a connection failure
 * (08xxx), too many connections (53300), and a statement or idle transaction cut short by its
 * bound (57014 query_canceled, 25P03 idle-in-transaction timeout, 57P05 idle-session timeout).
 */
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '57P05',
  '57014',
  '25P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
]);
/**
 * The driver's and the pool's own messages for a lost, unreachable or stalled database: the
 * statement's read timeout (`query_timeout`), no pooled connection in time, a connection closed
 * under a statement or never opened.
 */
const NETWORK_MESSAGES =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|Connection ended|terminating connection|Query read timeout/i;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * True when the database is down, restarting, unreachable or too slow to answer within its bound:
 * nothing was committed (a timed-out transaction rolls back) and the call may be retried.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = pgError(error);
  if (e.code !== undefined && UNAVAILABLE_CODES.has(e.code)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  return [error, e].some(
    (candidate) => candidate instanceof Error && NETWORK_MESSAGES.test(candidate.message),
  );
}
