import { AsyncLocalStorage } from 'node:async_hooks';
import { type Client } from 'pg';

/** A statement bound that lifts the bound (migrations). */
export const UNBOUNDED = 0;
/** setTimeout's longest delay: the driver's bound while the server's is lifted. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;
/**
 * The driver waits a little longer than the server's bound, so that a statement that is merely slow
 * is cancelled by the server (a clean error, the connection stays usable) and only a silent
 * connection is cut by the driver.
 */
const DRIVER_GRACE_MS = 500;

/** How long the driver waits for the answer to a statement bounded by `statementMs` on the server. */
export function driverTimeoutMs(statementMs: number): number {
  return statementMs === UNBOUNDED ? LONGEST_TIMER_MS : statementMs + DRIVER_GRACE_MS;
}

const backgroundBound = new AsyncLocalStorage<number>();
const contentTime = new AsyncLocalStorage<number>();
/** The slowest rate object content may move at before its statement counts as stuck: 4 MiB/s. */
const SLOWEST_CONTENT_BYTES_PER_MS = (4 * 1024 * 1024) / 1000;

/**
 * Runs background work (a job, a periodic sweep, migrations) with its own statement bound; every
 * other statement, the request path's, gets the data source's (short) request bound.
 */
export function withStatementTimeout<T>(timeoutMs: number, work: () => Promise<T>): Promise<T> {
  return backgroundBound.run(timeoutMs, work);
}

/**
 * Runs `work`, whose statements move `bytes` of object content, with their bound lengthened by the
 * time that content takes at a slow but healthy rate: a 64 MiB object on a busy server is not a
 * stuck statement, and a bound meant for ordinary ones must not cut it off.
 */
export function withContentTime<T>(bytes: number, work: () => Promise<T>): Promise<T> {
  return contentTime.run(Math.ceil(bytes / SLOWEST_CONTENT_BYTES_PER_MS), work);
}

/** The bound of a statement issued now, on a connection whose own (request) bound is `requestTimeoutMs`. */
function currentBound(requestTimeoutMs: number): number {
  const base = backgroundBound.getStore() ?? requestTimeoutMs;
  return base === UNBOUNDED ? UNBOUNDED : base + (contentTime.getStore() ?? 0);
}

/** pg's answer when a statement overran the driver's bound (`query_timeout`). */
export function isQueryReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === 'Query read timeout';
}

const ROLLBACK = /^\s*ROLLBACK\b/i;

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;
type Callback = (error: Error | null, result?: unknown) => void;

/**
 * Gives each statement on `client` the bound of the work issuing it, on the server
 * (`statement_timeout`, set on the session only when the bound changes, e.g. a connection that
 * served a job now serves a request; `requestTimeoutMs` is the connection's own) and in the driver
 * (pg's `query_timeout`). A statement that overran the driver's bound leaves the connection
 * mid-statement, so the connection is closed at once: its transaction can only roll back, the
 * rollback does not wait behind it, and the pool drops the client instead of handing a stuck one to
 * the next request.
 */
export function boundStatements(client: Client, requestTimeoutMs: number): void {
  const query = client.query.bind(client) as Query;
  let sessionTimeoutMs = requestTimeoutMs;
  const closeIfStuck = (error: unknown): void => {
    if (isQueryReadTimeout(error)) void client.end();
  };
  /**
   * Sets the session's bound first when it differs; the statement runs once that is done, even if it
   * failed (in an aborted transaction it does, and the ROLLBACK must still be sent).
   */
  const sessionBound = (timeoutMs: number): Promise<unknown> | undefined => {
    if (timeoutMs === sessionTimeoutMs) return undefined;
    sessionTimeoutMs = timeoutMs;
    return (query(`SET statement_timeout = ${timeoutMs}`) as Promise<unknown>).catch((error: unknown) => {
      sessionTimeoutMs = Number.NaN;
      closeIfStuck(error);
      if (isQueryReadTimeout(error)) throw error;
    });
  };
  const bounded: Query = (config, values, callback) => {
    if (typeof (config as { submit?: unknown } | null)?.submit === 'function') {
      return query(config, values, callback);
    }
    const timeoutMs = currentBound(requestTimeoutMs);
    const statement: { text?: string; query_timeout: number } = {
      ...(typeof config === 'string' ? { text: config } : (config as { text?: string })),
      query_timeout: driverTimeoutMs(timeoutMs),
    };
    const done = (typeof values === 'function' ? values : callback) as Callback | undefined;
    const params = typeof values === 'function' ? undefined : values;
    // A rollback undoes a bound set inside the transaction: which one holds is then unknown.
    const undoesSettings = ROLLBACK.test(statement.text ?? '');
    const run = (): Promise<unknown> =>
      (query(statement, params) as Promise<unknown>).then(
        (value) => {
          if (undoesSettings) sessionTimeoutMs = Number.NaN;
          return value;
        },
        (error: unknown) => {
          if (undoesSettings) sessionTimeoutMs = Number.NaN;
          closeIfStuck(error);
          throw error;
        },
      );
    const setting = sessionBound(timeoutMs);
    const result = setting ? setting.then(run) : run();
    if (!done) return result;
    result.then(
      (value) => done(null, value),
      (error: Error) => done(error),
    );
    return undefined;
  };
  (client as unknown as { query: Query }).query = bounded;
}
