/**
 * `npm run bench` (issue 7): runs every benchmark of the project, one process each, one after the
 * other, and prints ONE table of `figure | value | baseline | ratio` (each benchmark's own tables
 * and progress go to stderr). Scaled for a reasonable total time:
 *
 * - replication (its replication figures; GetTrail throughput is measured by api),
 * - propagation (1,000 and 10,000 accounts, P3, P10),
 * - coverage (the console's matrix over 1,000 accounts),
 * - policy (P6 micro-benchmark),
 * - events with 1,000,000 events (EVENTS_BENCH_ROWS overrides; P8, P9),
 * - api (P5, P6 route-level via authorization.bench, P7, P11),
 * - ingest (P15 service-event ingestion, and submitted → delivered lag).
 * - delivery (an organization trail of 1,000 accounts × 17 Regions × 20 events, issue 12 §5).
 * - digests (P14: 17,000 digests).
 *
 * BENCH_ONLY=events,api runs a subset. Soak (`npm run bench:soak`) is not part of it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  benchLog,
  formatTable,
  loadAverage,
  parseTableRows,
  type Report,
  type Row,
  row,
  runMain,
} from './support/report';

const log = benchLog('all');

const BENCHES: ReadonlyArray<{ name: string; env: Record<string, string> }> = [
  { name: 'replication', env: { BENCH_REPLICATION_THROUGHPUT: 'off' } },
  { name: 'propagation', env: {} },
  { name: 'policy', env: {} },
  { name: 'events', env: { EVENTS_BENCH_ROWS: process.env.EVENTS_BENCH_ROWS ?? '1000000' } },
  { name: 'api', env: {} },
  { name: 'ingest', env: {} },
  { name: 'delivery', env: {} },
  { name: 'digests', env: {} },
  { name: 'coverage', env: {} },
];

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  const dir = mkdtempSync(join(tmpdir(), 'trailplane-bench-'));
  const rows: Row[] = [];
  const started = Date.now();
  const load = loadAverage();
  try {
    for (const bench of BENCHES.filter((b) => !only || only.includes(b.name))) {
      const file = join(dir, `${bench.name}.json`);
      const t0 = Date.now();
      log(`${bench.name}: starting (load ${loadAverage()})`);
      const { code, stdout } = await run(join(__dirname, `${bench.name}.bench.js`), {
        ...bench.env,
        BENCH_REPORT_FILE: file,
      });
      const seconds = ((Date.now() - t0) / 1000).toFixed(0);
      if (code !== 0) {
        rows.push(row(`${bench.name}: FAILED (exit ${code}) after ${seconds} s`, 'n/a', 'see stderr'));
        continue;
      }
      const report: Report = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as Report)
        : { bench: bench.name, rows: parseTableRows(stdout), loadAverage: { start: '?', end: '?' } };
      rows.push(...report.rows.map((r) => ({ ...r, figure: `${bench.name} · ${r.figure}` })));
      rows.push(
        row(
          `${bench.name} · load average 1/5/15 min at start → end (${seconds} s run)`,
          `${report.loadAverage.start} → ${report.loadAverage.end}`,
          '2 cores, shared',
        ),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `\n${formatTable(rows)}\n\nall benchmarks: ${((Date.now() - started) / 60_000).toFixed(1)} min; ` +
      `load average ${load} at start, ${loadAverage()} at end\n`,
  );
}

/** Runs one benchmark script; its stdout is kept (and echoed to stderr), its stderr passed through. */
function run(script: string, env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

runMain(main);
