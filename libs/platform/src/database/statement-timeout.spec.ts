import { type Client } from 'pg';
import {
  boundStatements,
  driverTimeoutMs,
  UNBOUNDED,
  withContentTime,
  withStatementTimeout,
} from './statement-timeout';

/** A client that records what it was asked to run and answers at once (or fails what `fails` picks). */
function recordingClient(fails: (text: string) => boolean = () => false): {
  client: Client;
  sent: Array<{ text: string; query_timeout?: number }>;
} {
  const sent: Array<{ text: string; query_timeout?: number }> = [];
  const query = (config: string | { text: string; query_timeout?: number }) => {
    const statement = typeof config === 'string' ? { text: config } : config;
    sent.push(statement);
    return fails(statement.text)
      ? Promise.reject(new Error('current transaction is aborted'))
      : Promise.resolve({ rows: [] });
  };
  return { client: { query, end: () => Promise.resolve() } as unknown as Client, sent };
}

describe(boundStatements.name, () => {
  const REQUEST_MS = 3_000;
  const MiB = 1024 * 1024;

  it('bounds a request statement by the connection’s own bound, without touching the session', async () => {
    const { client, sent } = recordingClient();
    boundStatements(client, REQUEST_MS);
    await client.query('SELECT 1');
    expect(sent).toEqual([{ text: 'SELECT 1', query_timeout: driverTimeoutMs(REQUEST_MS) }]);
  });

  it('gives statements moving object content the time it takes at 4 MiB/s on top, on the server too', async () => {
    const { client, sent } = recordingClient();
    boundStatements(client, REQUEST_MS);
    await withContentTime(64 * MiB, () => client.query('INSERT big'));
    await client.query('SELECT after');
    expect(sent).toEqual([
      { text: 'SET statement_timeout = 19000' },
      { text: 'INSERT big', query_timeout: driverTimeoutMs(19_000) },
      { text: 'SET statement_timeout = 3000' },
      { text: 'SELECT after', query_timeout: driverTimeoutMs(REQUEST_MS) },
    ]);
  });

  it('adds content time to a background bound, and leaves an unbounded one unbounded', async () => {
    const { client, sent } = recordingClient();
    boundStatements(client, REQUEST_MS);
    await withStatementTimeout(60_000, () => withContentTime(4 * MiB, () => client.query('job')));
    await withStatementTimeout(UNBOUNDED, () => withContentTime(4 * MiB, () => client.query('migration')));
    expect(sent.filter((s) => s.text.startsWith('SET')).map((s) => s.text)).toEqual([
      'SET statement_timeout = 61000',
      'SET statement_timeout = 0',
    ]);
  });

  it('still sends the ROLLBACK of an aborted transaction when setting the bound back fails', async () => {
    let aborted = false;
    const { client, sent } = recordingClient((text) => aborted && !text.startsWith('ROLLBACK'));
    boundStatements(client, REQUEST_MS);
    await client.query('BEGIN');
    await withContentTime(MiB, () => client.query('INSERT part'));
    aborted = true;
    await client.query('ROLLBACK');
    aborted = false;
    await client.query('SELECT next');
    expect(sent.map((s) => s.text)).toEqual([
      'BEGIN',
      'SET statement_timeout = 3250',
      'INSERT part',
      'SET statement_timeout = 3000',
      'ROLLBACK',
      // The rollback undid the SET made in the transaction: the bound is set again.
      'SET statement_timeout = 3000',
      'SELECT next',
    ]);
  });
});
