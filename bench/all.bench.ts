/**
 * `npm run bench` (issue 16 §4): runs every registered benchmark (bench/registry.ts), one process
 * each on its own fresh database, one after the other, and prints ONE table of `figure | value |
 * baseline | ratio | goal | met` (each benchmark's own tables and progress go to stderr). The
 * table is also written to `bench/results/<UTC timestamp>.json` (BENCH_RESULTS_DIR overrides), and
 * every ratio that worsened by more than 25 % against the previous results file is flagged.
 *
 * BENCH_ONLY=events,api runs a subset (its results file compares on the figures both runs have).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCHMARKS } from './registry';
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
import { latestResults, regressions, resultRow, writeResults } from './support/results';

const log = benchLog('all');
const RESULTS_DIR = process.env.BENCH_RESULTS_DIR ?? join(process.cwd(), 'bench', 'results');

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  const dir = mkdtempSync(join(tmpdir(), 'trailplane-bench-'));
  const rows: Row[] = [];
  const started = new Date();
  const load = loadAverage();
  try {
    for (const bench of BENCHMARKS.filter((b) => !only || only.includes(b.name))) {
      rows.push(...(await runBenchmark(bench.name, bench.env ?? {}, dir)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    `\n${formatTable(rows)}\n\nall benchmarks: ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min; ` +
      `load average ${load} at start, ${loadAverage()} at end\n`,
  );
  const results = { rows: rows.map(resultRow) };
  const previous = latestResults(RESULTS_DIR);
  const written = writeResults(RESULTS_DIR, started, results);
  process.stdout.write(`\nresults written to ${written}\n`);
  if (!previous) return;
  const worse = regressions(previous.results, results);
  process.stdout.write(
    worse.length === 0
      ? `no ratio worsened by more than 25 % against ${previous.file}\n`
      : `ratios worse by more than 25 % than in ${previous.file}:\n${worse
          .map((r) => `  REGRESSION ${r.figure}: ${r.previous}× → ${r.current}×`)
          .join('\n')}\n`,
  );
}

async function runBenchmark(
  name: string,
  env: Readonly<Record<string, string>>,
  dir: string,
): Promise<Row[]> {
  const file = join(dir, `${name}.json`);
  const t0 = Date.now();
  log(`${name}: starting (load ${loadAverage()})`);
  const { code, stdout } = await run(join(__dirname, `${name}.bench.js`), {
    ...env,
    BENCH_REPORT_FILE: file,
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  if (code !== 0) return [row(`${name}: FAILED (exit ${code}) after ${seconds} s`, 'n/a', 'see stderr')];
  const report: Report = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Report)
    : { bench: name, rows: parseTableRows(stdout), loadAverage: { start: '?', end: '?' } };
  return [
    ...report.rows.map((r) => ({ ...r, figure: `${name} · ${r.figure}` })),
    row(
      `${name} · load average 1/5/15 min at start → end (${seconds} s run)`,
      `${report.loadAverage.start} → ${report.loadAverage.end}`,
      '2 cores, shared',
    ),
  ];
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
