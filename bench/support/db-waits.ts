import { Client } from 'pg';
import { urlOfDatabase } from './bench-app';

/**
 * Where a database's connections spend their time under load, by sampling: every `intervalMs`,
 * each backend of the database that is in a statement or a transaction is counted under its state
 * and wait event (`active · CPU` when it waits on nothing) and under its statement, and ungranted
 * locks are counted by lock type and relation. A sampling profile of the server, with no extension
 * to preload (pg_stat_statements needs a restart of a shared server).
 */
export class DatabaseWaitSampler {
  private readonly waits = new Map<string, number>();
  private readonly statements = new Map<string, number>();
  private readonly locks = new Map<string, number>();
  private samples = 0;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  private constructor(
    private readonly client: Client,
    private readonly database: string,
  ) {}

  static async start(database: string, intervalMs = 100): Promise<DatabaseWaitSampler> {
    const client = new Client({
      connectionString: urlOfDatabase(database),
      application_name: 'bench-sampler',
    });
    await client.connect();
    const sampler = new DatabaseWaitSampler(client, database);
    sampler.timer = setInterval(() => void sampler.sample(), intervalMs);
    return sampler;
  }

  /** The counts since the last call, as log lines (the `top` most frequent of each kind), and resets them. */
  take(top = 8): string[] {
    const lines = [
      `${this.samples} samples; busy backends by state · wait event (mean per sample):`,
      ...topOf(this.waits, top, this.samples),
      'statements running (mean per sample):',
      ...topOf(this.statements, top, this.samples),
      'ungranted locks (mean per sample):',
      ...topOf(this.locks, top, this.samples),
    ];
    this.waits.clear();
    this.statements.clear();
    this.locks.clear();
    this.samples = 0;
    return lines;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.client.end();
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const activity = await this.client.query<{ state: string; wait: string | null; query: string }>(
        `SELECT state, wait_event_type || ':' || wait_event AS wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
           FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() AND state IS NOT NULL AND state <> 'idle'`,
        [this.database],
      );
      const locks = await this.client.query<{ lock: string }>(
        `SELECT l.locktype || ' ' || l.mode || coalesce(' on ' || c.relname, '') AS lock
           FROM pg_locks l
           JOIN pg_stat_activity a ON a.pid = l.pid
           LEFT JOIN pg_class c ON c.oid = l.relation
          WHERE NOT l.granted AND a.datname = $1`,
        [this.database],
      );
      this.samples++;
      for (const a of activity.rows) {
        bump(this.waits, `${a.state} · ${a.wait ?? 'CPU'}`);
        bump(this.statements, a.query);
      }
      for (const l of locks.rows) bump(this.locks, l.lock);
    } catch {
      // A sample lost to a busy server is a sample fewer, not a failed benchmark.
    } finally {
      this.busy = false;
    }
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function topOf(counts: Map<string, number>, top: number, samples: number): string[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, count]) => `  ${(count / Math.max(1, samples)).toFixed(2)}  ${key}`);
}
