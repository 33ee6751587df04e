import { CloudTrailClient, CreateTrailCommand, UpdateTrailCommand } from '@aws-sdk/client-cloudtrail';
import { Client } from 'pg';
import { given, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';

/** The advisory lock a test trigger makes the call's transaction wait for, after it has updated the trail. */
const HELD = 4242;

describe('a write call whose transaction PostgreSQL picks as a deadlock victim', () => {
  let app: TestApp;
  let admin: Client;
  let holder: Client;
  beforeAll(async () => {
    app = await TestApp.start();
    admin = new Client({ connectionString: app.databaseUrl });
    holder = new Client({ connectionString: app.databaseUrl });
    await Promise.all([admin.connect(), holder.connect()]);
  });
  afterAll(async () => {
    await Promise.all([admin.end(), holder.end()]);
    await app.close();
  });

  const deadlocks = async (): Promise<number> => {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`,
    );
    return rows[0].n;
  };

  it('runs again and succeeds once: the caller gets its answer, the change and its event are written once', async () => {
    const account = await given.account(app);
    const cloudtrail = new CloudTrailClient({
      endpoint: app.url,
      region: 'us-east-1',
      credentials: account,
      maxAttempts: 1,
    });
    const name = uniqueName('victim');
    await cloudtrail.send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));
    const { rows } = await admin.query<{ id: string }>(
      `SELECT id FROM trails WHERE name = $1 AND owner_account_id = $2`,
      [name, account.accountId],
    );
    const trailId = rows[0].id;
    await waitUntil(`the trail's propagation`, async () => {
      const { rows: trail } = await admin.query(
        `SELECT 1 FROM trails WHERE id = $1 AND observed_generation >= generation`,
        [trailId],
      );
      return trail.length > 0;
    });
    // Once the call has updated the trail (holding its row), it waits for the advisory lock.
    await admin.query(`CREATE FUNCTION test_wait_for_holder() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock(${HELD}); RETURN NULL; END $$`);
    await admin.query(`CREATE TRIGGER test_wait_for_holder AFTER UPDATE ON trails FOR EACH ROW
      WHEN (OLD.id = '${trailId}') EXECUTE FUNCTION test_wait_for_holder()`);
    const deadlocksBefore = await deadlocks();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(${HELD})`);
      const update = cloudtrail.send(
        new UpdateTrailCommand({ Name: name, IncludeGlobalServiceEvents: false }),
      );
      await waitUntil('the call waiting for the held lock', async () => {
        const { rows: waiting } = await admin.query(
          `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted`,
          [HELD],
        );
        return waiting.length > 0;
      });
      // The holder now wants the row the call holds: a cycle. The call began waiting first, so its
      // deadlock check runs first and it is the victim; the holder is granted the row.
      await holder.query(`SELECT 1 FROM trails WHERE id = $1 FOR UPDATE`, [trailId]);
      await holder.query('COMMIT');

      const answer = await update;
      expect(answer.IncludeGlobalServiceEvents).toBe(false);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await admin.query(`DROP TRIGGER test_wait_for_holder ON trails; DROP FUNCTION test_wait_for_holder()`);
    }
    // PostgreSQL counts a deadlock when the victim's backend flushes its statistics, up to seconds
    // later, and counts any other deadlock of the database too: so at least one more, eventually.
    await waitUntil('PostgreSQL to count the deadlock', async () => (await deadlocks()) > deadlocksBefore);
    const { rows: stored } = await admin.query<{ include_global_service_events: boolean }>(
      `SELECT include_global_service_events FROM trails WHERE id = $1`,
      [trailId],
    );
    expect(stored).toEqual([{ include_global_service_events: false }]);
    const { rows: events } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE account_id = $1 AND event_name = 'UpdateTrail'`,
      [account.accountId],
    );
    expect(events[0].n).toBe(1);
  });

  async function waitUntil(what: string, reached: () => Promise<boolean>): Promise<void> {
    for (let tries = 0; tries < 1_000; tries++) {
      if (await reached()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
});
