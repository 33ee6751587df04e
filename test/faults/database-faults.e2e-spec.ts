import { CloudTrailClient, CreateTrailCommand, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { type TestCredentials } from '../support/credentials';
import { given, uniqueName } from '../support/given';
import { TestApp } from '../support/test-app';
import { withDatabase } from './fault-support';

const RETRYABLE = new Set(['ServiceUnavailable', 'InternalFailure']);

describe('PostgreSQL backends terminated during a burst of CreateTrail calls', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  async function createTrail({ account, name }: { account: TestCredentials; name: string }) {
    const client = new CloudTrailClient({
      endpoint: app.url,
      region: 'eu-west-1',
      credentials: account,
      maxAttempts: 1,
    });
    try {
      await client.send(new CreateTrailCommand({ Name: name, S3BucketName: 'audit-logs' }));
      return { account, name, ok: true as const };
    } catch (error) {
      const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
      return {
        account,
        name,
        ok: false as const,
        code: e.name,
        status: e.$metadata?.httpStatusCode,
        message: e.message,
      };
    }
  }

  it('either succeeds and is visible, or fails with a retryable error and leaves nothing; the quota holds; no process dies', async () => {
    const accounts = [await given.account(app), await given.account(app), await given.account(app)];
    const attempts = accounts.flatMap((account) =>
      Array.from({ length: 17 }, () => ({ account, name: uniqueName('burst') })),
    );
    const killer = (async () => {
      for (let i = 0; i < 8; i++) {
        await new Promise((resolve) => setTimeout(resolve, 15));
        await withDatabase('postgres://postgres@127.0.0.1:5432/test', (client) =>
          client.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE datname = $1 AND pid <> pg_backend_pid()`,
            [new URL(app.databaseUrl).pathname.slice(1)],
          ),
        );
      }
    })();
    const burst = await Promise.all(attempts.map(createTrail));
    await killer;
    // What a retryable refusal promises: the same call, once the fault has passed, lands (or meets the quota).
    const outcomes = await Promise.all(
      burst.map(async (outcome) =>
        !outcome.ok && RETRYABLE.has(outcome.code) ? createTrail(outcome) : outcome,
      ),
    );

    for (const outcome of outcomes.filter((o) => !o.ok)) {
      const expected =
        RETRYABLE.has(outcome.code) || outcome.code === 'MaximumNumberOfTrailsExceededException';
      expect({ code: outcome.code, expected }).toEqual({ code: outcome.code, expected: true });
      if (RETRYABLE.has(outcome.code)) expect(outcome.status).toBeGreaterThanOrEqual(500);
      expect(outcome.message).not.toMatch(/\n\s+at /);
    }
    for (const account of accounts) {
      const client = new CloudTrailClient({ endpoint: app.url, region: 'eu-west-1', credentials: account });
      const { trailList } = await client.send(new DescribeTrailsCommand({}));
      const names = new Set((trailList ?? []).map((t) => t.Name));
      expect(names.size).toBeLessThanOrEqual(5);
      for (const outcome of outcomes.filter((o) => o.account === account)) {
        expect({ name: outcome.name, visible: names.has(outcome.name) }).toEqual({
          name: outcome.name,
          visible: outcome.ok,
        });
      }
    }
    expect(outcomes.some((o) => o.ok)).toBe(true);
    // The pool recovered by itself: the API answers as before.
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });
});
