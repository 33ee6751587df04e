import { Injectable } from '@nestjs/common';
import { Clock, type PeriodicTask, RunsPeriodically, TransactionRunner } from '@app/platform';
import { SessionRepository } from '../persistence/session.repository';

const BATCH = 1_000;
/** Expired sessions are kept a day, so that their callers hear ExpiredToken rather than an invalid token. */
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes STS sessions a day past their expiration (they can no longer authenticate), a batch at a
 * time, so the sessions table does not grow without bound. Idempotent; runs where jobs run.
 */
@Injectable()
@RunsPeriodically()
export class ExpiredSessionsTask implements PeriodicTask {
  readonly taskName = 'expired-sts-sessions';

  constructor(
    private readonly tx: TransactionRunner,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const batch = await this.tx.run((em) =>
        this.sessions.deleteExpired(em, new Date(this.clock.now().getTime() - KEEP_EXPIRED_MS), BATCH),
      );
      deleted += batch;
      if (batch < BATCH) return deleted;
    }
  }
}
