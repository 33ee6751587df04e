import { CreateTrailCommand, GetTrailCommand } from '@aws-sdk/client-cloudtrail';
import { Client } from 'pg';
import { given, uniqueName } from '../support/given';
import { signedRequest } from '../support/signed-request';
import { OPERATOR, TestApp } from '../support/test-app';

describe('secrets never appear in logs, events or error messages', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ captureLogs: true });
  });
  afterAll(() => app.close());

  it('keeps every secret used in a session of calls out of what is logged and stored', async () => {
    const secrets: string[] = [OPERATOR.secretAccessKey];
    const account = await given.account(app);
    secrets.push(account.secretAccessKey);
    const client = app.cloudtrail(account);
    const name = uniqueName('s');
    await client.send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));
    await client.send(new GetTrailCommand({ Name: name }));
    // Failures carry secrets too: a wrong secret, and a secret sent as a request parameter.
    const wrong = 'WrongSecretWrongSecretWrongSecret0000000';
    secrets.push(wrong);
    const refused = await signedRequest(
      app.url,
      { ...account, secretAccessKey: wrong },
      'GET',
      '/v1/account/regions',
    );
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain(wrong);
    const echoed = await app
      .rest(account)
      .post('/v1/accounts', { name: 'x', email: 'x@example.com', secretAccessKey: account.secretAccessKey });
    expect(echoed.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(echoed.body)).not.toContain(account.secretAccessKey);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const logs = app.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      for (const secret of secrets) {
        expect({ secret, inLogs: logs.includes(secret) }).toEqual({ secret, inLogs: false });
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM events WHERE record::text LIKE $1`,
          [`%${secret}%`],
        );
        expect({ secret, inEvents: rows[0].n }).toEqual({ secret, inEvents: 0 });
        const stored = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM access_keys WHERE secret_sealed LIKE $1`,
          [`%${secret}%`],
        );
        expect(stored.rows[0].n).toBe(0);
      }
    } finally {
      await db.end();
    }
  });
});
