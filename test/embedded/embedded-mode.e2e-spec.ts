import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  DescribeCreateAccountStatusCommand,
  DescribeOrganizationCommand,
  ListAccountsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const run = promisify(execFile);

interface BootstrapCredentials {
  accountId: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Polls `check` until it returns a value. (Not test-app's `eventually`: this suite is a black-box
 * test of the built artifact and loads none of the application's modules.)
 */
async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** `npm run build`: transpiles only what changed since the last build (nothing, after `npm test`'s). */
async function ensureBuilt(): Promise<void> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  try {
    await run(npm, ['run', 'build'], { cwd: ROOT });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout}${stderr}`);
  }
}

/** A `node dist/apps/api/src/main.js` process in embedded mode and what it printed. */
class EmbeddedServer {
  stdout = '';
  stderr = '';
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  }

  /** Starts the API on `dataDir` with no DATABASE_URL or REDIS_URL and waits for its URL. */
  static async start(dataDir: string): Promise<{ server: EmbeddedServer; url: string }> {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (!/^(DATABASE_URL|REDIS_URL|PORT|HOST|TRAILPLANE_.*)$/.test(key)) env[key] = value;
    }
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: { ...env, TRAILPLANE_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new EmbeddedServer(child);
    const url = await eventually(async () => {
      const printed = /Trailplane is listening on (http:\/\/\S+)/.exec(server.stdout)?.[1];
      if (printed === undefined && !server.running) {
        throw new Error(`the server exited before listening:\n${server.stderr}`);
      }
      return printed;
    }, 150_000);
    return { server, url };
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * SIGTERM, then how the process ended. After a graceful shutdown Nest re-raises the signal, so
   * the process ends by SIGTERM; a crash during shutdown would end it with a non-zero code.
   */
  async stop(): Promise<string> {
    if (this.running) this.child.kill('SIGTERM');
    const { code, signal } = await this.exited;
    return signal ?? `exit ${code}`;
  }

  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }
}

describe('embedded mode: node dist/apps/api/src/main.js without DATABASE_URL or REDIS_URL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trailplane-embedded-'));
  const servers: EmbeddedServer[] = [];

  beforeAll(async () => {
    await ensureBuilt();
  }, 180_000);

  afterAll(() => {
    for (const server of servers) server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the AWS SDK on PGlite with in-process jobs, and keeps its data across a restart', async () => {
    const first = await EmbeddedServer.start(dataDir);
    servers.push(first.server);
    const credentials = JSON.parse(
      readFileSync(join(dataDir, 'bootstrap-credentials.json'), 'utf8'),
    ) as BootstrapCredentials;
    expect(statSync(join(dataDir, 'bootstrap-credentials.json')).mode & 0o777).toBe(0o600);
    expect(first.server.stdout).toContain(credentials.secretAccessKey);
    expect(first.server.stdout).toContain('jobs: in-process');

    const client = (url: string) =>
      new OrganizationsClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
    const { Organization } = await client(first.url).send(new CreateOrganizationCommand({}));
    const { CreateAccountStatus } = await client(first.url).send(
      new CreateAccountCommand({ AccountName: 'Embedded', Email: 'embedded@example.com' }),
    );
    const created = await eventually(async () => {
      const { CreateAccountStatus: status } = await client(first.url).send(
        new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: CreateAccountStatus!.Id }),
      );
      return status?.State === 'IN_PROGRESS' ? undefined : status;
    });
    expect(created).toMatchObject({ State: 'SUCCEEDED', AccountId: expect.stringMatching(/^\d{12}$/) });

    expect(await first.server.stop()).toMatch(/^(SIGTERM|exit 0)$/);
    expect(first.server.stderr).not.toMatch(/error/i);

    const second = await EmbeddedServer.start(dataDir);
    servers.push(second.server);
    expect(second.server.stdout).not.toContain(credentials.secretAccessKey);
    expect(second.server.stdout).toContain('bootstrap-credentials.json');
    const described = await client(second.url).send(new DescribeOrganizationCommand({}));
    expect(described.Organization).toEqual(Organization);
    const { Accounts } = await client(second.url).send(new ListAccountsCommand({}));
    expect(Accounts!.map((a) => a.Id).sort()).toEqual([credentials.accountId, created.AccountId].sort());
    expect(await second.server.stop()).toMatch(/^(SIGTERM|exit 0)$/);
  }, 300_000);
});
