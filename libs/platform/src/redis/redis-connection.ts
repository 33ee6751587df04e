import { Redis } from 'ioredis';

/**
 * Redis connections for BullMQ. Producers fail fast while Redis is down (the change is already in
 * PostgreSQL and the sweeps re-enqueue); workers wait and reconnect by themselves.
 */
export function createRedisConnection(url: string, role: 'producer' | 'worker'): Redis {
  const connection = new Redis(url, {
    lazyConnect: false,
    connectTimeout: 5_000,
    ...(role === 'producer'
      ? { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 5_000 }
      : { maxRetriesPerRequest: null, enableReadyCheck: false }),
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Without a listener an unreachable Redis would crash the process with an unhandled 'error' event.
  connection.on('error', () => undefined);
  return connection;
}
