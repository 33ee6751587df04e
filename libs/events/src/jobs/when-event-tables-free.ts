import { isLockNotAvailable } from '@app/platform';

const ATTEMPTS = 100;
const PAUSE_MS = 50;

/**
 * Runs `attempt`, a transaction that changes the events tables' partitions, until it finds the
 * tables free (`EventRepository` takes them NOWAIT): for about 5 s, then the last refusal is thrown
 * and the periodic task tries again at its next tick.
 */
export async function whenEventTablesFree<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isLockNotAvailable(error) || tries >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  }
}
