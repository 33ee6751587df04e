import { CreateTrailCommand } from '@aws-sdk/client-cloudtrail';
import { TransactionRunner, withStatementTimeout } from '@app/platform';
import { Client } from 'pg';
import { given, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';

const showStatementTimeout = (tx: TransactionRunner): Promise<string> =>
  tx.read(async (em) => {
    const rows: Array<{ statement_timeout: string }> = await em.query('SHOW statement_timeout');
    return rows[0].statement_timeout;
  });

describe('statement bounds: short on the request path, longer for background work', () => {
  let app: TestApp;
  beforeAll(async () => {
    // One connection, so that request and background statements share it.
    app = await TestApp.start({ jobs: 'inline', env: { DATABASE_POOL_SIZE: '1' } });
  });
  afterAll(() => app.close());

  it('cancels a request held up on the server (a lock) within the bound: 503 ServiceUnavailable, nothing written, the connection still serves', async () => {
    const account = await given.account(app);
    const cloudtrail = app.cloudtrail(account, 'eu-west-1');
    const holder = new Client({ connectionString: app.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `trail-slots/${account.accountId}/eu-west-1`,
      ]);
      const name = uniqueName('locked-out');
      const started = Date.now();
      const refused = await cloudtrail
        .send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }))
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
      expect(Date.now() - started).toBeLessThan(8_000);
      await holder.query('ROLLBACK');
      await expect(
        cloudtrail.send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' })),
      ).resolves.toMatchObject({ Name: name });
    } finally {
      await holder.end();
    }
  });

  it('lets background work run statements longer than the request bound, then gives the connection the request bound back', async () => {
    const tx = app.get(TransactionRunner);
    await expect(tx.read((em) => em.query('SELECT pg_sleep(3.5)'))).rejects.toThrow(/statement timeout/);
    await expect(
      withStatementTimeout(60_000, () => tx.run((em) => em.query('SELECT pg_sleep(3.5)'))),
    ).resolves.toBeDefined();
    expect(await withStatementTimeout(60_000, () => showStatementTimeout(tx))).toBe('1min');
    expect(await showStatementTimeout(tx)).toBe('3s');
  });
});
