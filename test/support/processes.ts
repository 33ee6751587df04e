import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const WORKER_ENTRY = join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js');
const API_ENTRY = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

/** Compiles the apps once per run when dist/ is missing (`npm test` builds before Jest). */
export function ensureBuilt(): void {
  if (existsSync(WORKER_ENTRY) && statSync(WORKER_ENTRY).mtimeMs > Date.now() - 24 * 3600_000) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

/** A Trailplane process built into dist/, started, signalled and killed by fault tests. */
class NodeProcess {
  protected child: ChildProcess | undefined;
  private output = '';

  constructor(
    private readonly entry: string,
    private readonly env: Record<string, string>,
    private readonly readyLine: string,
  ) {}

  start(): void {
    ensureBuilt();
    this.output = '';
    this.child = spawn(process.execPath, [this.entry], {
      cwd: ROOT,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** Resolves once the process reported that it started. */
  async started(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(this.readyLine)) {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) {
        throw new Error(`process exited with ${this.child.exitCode}: ${this.output.slice(-2000)}`);
      }
      if (Date.now() > deadline) throw new Error(`process did not start: ${this.output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGKILL: no cleanup, jobs in flight stay locked until BullMQ declares them stalled. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  /** Sends `signal` and waits for the process to exit; resolves with its exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }

  get logs(): string {
    return this.output;
  }
}

export class WorkerProcess extends NodeProcess {
  constructor(env: Record<string, string>) {
    super(WORKER_ENTRY, env, 'worker started');
  }
}

/** The API (`node dist/apps/api/src/main.js`); `url` is read from its start-up banner. */
export class ApiProcess extends NodeProcess {
  constructor(env: Record<string, string>) {
    super(API_ENTRY, { PORT: '0', ...env }, 'Trailplane is listening on');
  }

  get url(): string {
    const match = /Trailplane is listening on (http:\/\/[\d.:]+)/.exec(this.logs);
    if (!match?.[1]) throw new Error('the API has not printed its URL');
    return match[1];
  }

  /** Resolves with the exit code (null when ended by a signal) and how long the exit took. */
  async exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.child;
    if (!child) throw new Error('not started');
    if (child.exitCode !== null || child.signalCode !== null)
      return { code: child.exitCode, signal: child.signalCode };
    return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }
}
