import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export async function withDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Adds `count` member accounts to an organization directly (fixture speed: 500 invitations would dominate). */
export async function seedMembers(
  databaseUrl: string,
  organizationId: string,
  count: number,
): Promise<string[]> {
  return withDatabase(databaseUrl, async (client) => {
    const { rows } = await client.query<{ root_id: string }>(
      `SELECT root_id FROM organizations WHERE id = $1`,
      [organizationId],
    );
    const rootId = rows[0].root_id;
    const base = 200_000_000_000 + Math.floor(Math.random() * 700_000_000_000);
    const ids = Array.from({ length: count }, (_, i) => String(base + i * 7).padStart(12, '0'));
    await client.query(
      `INSERT INTO accounts (id, name, email) SELECT id, 'seeded-' || id, id || '@seeded.example.com' FROM unnest($1::text[]) AS t(id)`,
      [ids],
    );
    await client.query(
      `INSERT INTO organization_accounts (account_id, organization_id, parent_id, joined_method)
       SELECT id, $2, $3, 'CREATED' FROM unnest($1::text[]) AS t(id)`,
      [ids, organizationId, rootId],
    );
    return ids;
  });
}

export interface ReplicaCheck {
  readonly actual: number;
  readonly expected: number;
  readonly missing: number;
  readonly extra: number;
}

/**
 * Compares a multi-Region organization trail's replicas with what it should have, computed
 * independently of the reconciler: every member (management included) × every Region it has enabled.
 */
export async function checkOrganizationTrailReplicas(
  databaseUrl: string,
  trailArn: string,
): Promise<ReplicaCheck> {
  return withDatabase(databaseUrl, async (client) => {
    const { rows } = await client.query<ReplicaCheck>(
      `WITH t AS (SELECT id, organization_id FROM trails WHERE arn = $1),
       expected AS (
         SELECT oa.account_id, r.name AS region FROM t
           JOIN organization_accounts oa ON oa.organization_id = t.organization_id
           JOIN regions r ON NOT r.opt_in
                          OR EXISTS (SELECT 1 FROM account_regions ar WHERE ar.account_id = oa.account_id AND ar.region = r.name)),
       actual AS (SELECT x.account_id, x.region FROM trail_replicas x JOIN t ON x.trail_id = t.id)
       SELECT (SELECT count(*) FROM actual)::int AS actual,
              (SELECT count(*) FROM expected)::int AS expected,
              (SELECT count(*) FROM expected e WHERE NOT EXISTS (SELECT 1 FROM actual a WHERE a.account_id = e.account_id AND a.region = e.region))::int AS missing,
              (SELECT count(*) FROM actual a WHERE NOT EXISTS (SELECT 1 FROM expected e WHERE a.account_id = e.account_id AND a.region = e.region))::int AS extra`,
      [trailArn],
    );
    return rows[0];
  });
}

export async function replicaCount(databaseUrl: string, trailArn: string): Promise<number> {
  return withDatabase(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM trail_replicas x JOIN trails t ON t.id = x.trail_id WHERE t.arn = $1`,
      [trailArn],
    );
    return rows[0].n;
  });
}

/** A redis-server of the suite's own on a spare port, so it can be killed and restarted. */
export class OwnRedis {
  readonly port = 20_000 + Math.floor(Math.random() * 20_000);
  private readonly dir = mkdtempSync(join(tmpdir(), 'trailplane-redis-'));
  private process: ChildProcess | undefined;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** `persistent`: AOF with fsync every second, as production runs; otherwise nothing survives a restart. */
  async start(persistent = true): Promise<void> {
    this.process = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        persistent ? 'yes' : 'no',
        '--appendfsync',
        'everysec',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = spawn('redis-cli', ['-p', String(this.port), 'ping'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const answer = await new Promise<string>((resolve) => {
        let out = '';
        probe.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
        probe.on('exit', () => resolve(out.trim()));
      });
      if (answer === 'PONG') return;
      if (Date.now() > deadline) throw new Error('own redis-server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** kill -9: no shutdown, no final save. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** Forgets everything (a Redis that lost its data). */
  wipe(): void {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
