import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, isLockNotAvailable, isUniqueViolation } from './sql-errors';

const serverError = (code: string, message: string): Error => Object.assign(new Error(message), { code });
const failedQuery = (driverError: Error): QueryFailedError =>
  new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it('recognises a statement that overran its bound, in the driver or on the server', () => {
    expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
    expect(isDatabaseUnavailable(failedQuery(new Error('Query read timeout')))).toBe(true);
    const cancelled = serverError('57014', 'canceling statement due to statement timeout');
    expect(isDatabaseUnavailable(cancelled)).toBe(true);
    expect(isDatabaseUnavailable(failedQuery(cancelled))).toBe(true);
    const idle = serverError('25P03', 'terminating connection due to idle-in-transaction timeout');
    expect(isDatabaseUnavailable(failedQuery(idle))).toBe(true);
  });

  it('recognises no connection in time, and connections lost or closed under a statement', () => {
    for (const message of [
      'timeout exceeded when trying to connect',
      'Connection terminated due to connection timeout',
      'Connection terminated unexpectedly',
      'Client was closed and is not queryable',
      'Client has encountered a connection error and is not queryable',
      'connect ECONNREFUSED 127.0.0.1:5432',
    ]) {
      expect({ message, unavailable: isDatabaseUnavailable(failedQuery(new Error(message))) }).toEqual({
        message,
        unavailable: true,
      });
    }
    expect(isDatabaseUnavailable(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(
      true,
    );
    expect(
      isDatabaseUnavailable(serverError('57P01', 'terminating connection due to administrator command')),
    ).toBe(true);
  });

  it('leaves the errors of the statement itself, and our own faults, alone', () => {
    const duplicate = serverError('23505', 'duplicate key value violates unique constraint "trails_pkey"');
    expect(isDatabaseUnavailable(failedQuery(duplicate))).toBe(false);
    expect(isUniqueViolation(failedQuery(duplicate))).toBe(true);
    expect(isDatabaseUnavailable(failedQuery(serverError('42601', 'syntax error at or near "SELEC"')))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('Query read timeout')).toBe(false);
  });
});

describe('isLockNotAvailable', () => {
  it('recognises a lock taken NOWAIT that was held, and nothing else', () => {
    const held = serverError('55P03', 'could not obtain lock on relation "events"');
    expect(isLockNotAvailable(held)).toBe(true);
    expect(isLockNotAvailable(failedQuery(held))).toBe(true);
    expect(isLockNotAvailable(failedQuery(serverError('40P01', 'deadlock detected')))).toBe(false);
  });
});
