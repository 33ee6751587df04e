import { ReplicaReconciler } from '@app/trails';
import { TransactionRunner } from '@app/platform';
import { Client } from 'pg';
import { given } from '../support/given';
import { eventually, TestApp } from '../support/test-app';
import { BUCKET, trailName } from './support/trail-world';

/**
 * An account's replica pass (after a membership change) locks the trails of its scope in one
 * statement, in id order, and then changes only those. A trail that enters the scope meanwhile is
 * its own job's; were the pass to lock it as well, behind the trails it holds, it could deadlock
 * with a transaction that locks trails in id order (DeleteOrganization).
 */
describe("an account's replica pass", () => {
  let app: TestApp;
  let db: Client;
  beforeAll(async () => {
    app = await TestApp.start();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  const createTrail = async (account: Awaited<ReturnType<typeof given.account>>): Promise<string> => {
    const name = trailName('pass');
    const response = await app.rest(account).post('/v1/trails', { name, s3BucketName: BUCKET });
    expect(response.status).toBe(201);
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM trails WHERE owner_account_id = $1 AND name = $2`,
      [account.accountId, name],
    );
    await eventually(async () => {
      const { rows: observed } = await db.query(
        `SELECT 1 FROM trails WHERE id = $1 AND observed_generation >= generation`,
        [rows[0].id],
      );
      return observed.length === 1 ? true : undefined;
    });
    return rows[0].id;
  };

  const replicaTrails = async (accountId: string): Promise<string[]> => {
    const { rows } = await db.query<{ trail_id: string }>(
      `SELECT DISTINCT trail_id FROM trail_replicas WHERE account_id = $1 ORDER BY trail_id`,
      [accountId],
    );
    return rows.map((row) => row.trail_id);
  };

  it('reconciles the trails it locked and waits for none that entered its scope after its lock', async () => {
    const account = await given.account(app);
    const first = await createTrail(account);
    let later = '';
    const holder = new Client({ connectionString: app.databaseUrl });
    await holder.connect();
    try {
      await app.get(TransactionRunner).run(async (em) => {
        const reconciler = app.get(ReplicaReconciler);
        const held = await reconciler.lockTrails(em, { kind: 'account', accountId: account.accountId });
        expect(held).toEqual([first]);
        // A trail of the account made meanwhile, and a transaction holding it.
        later = await createTrail(account);
        await holder.query('BEGIN');
        await holder.query(`SELECT 1 FROM trails WHERE id = $1 FOR UPDATE`, [later]);
        // Waiting for it would fail here rather than hang.
        await em.query(`SET LOCAL lock_timeout = '2s'`);
        await db.query(`DELETE FROM trail_replicas WHERE trail_id = $1`, [first]);
        await reconciler.reconcile(em, {
          kind: 'account',
          accountId: account.accountId,
          heldTrailIds: held,
        });
        expect(await replicaTrails(account.accountId)).toEqual([later]);
      });
      expect(await replicaTrails(account.accountId)).toEqual([first, later].sort());
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  });
});
