import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/**
 * What every benchmark prints (PERFORMANCE.md): one table of `figure | value | baseline | ratio`,
 * each figure the median of interleaved repetitions after a warm-up, the baseline measured in the
 * same run. With BENCH_REPORT_FILE set, the rows are also written there as JSON, so that
 * `npm run bench` can gather every benchmark into one table.
 */
export interface Row {
  readonly figure: string;
  readonly value: string;
  readonly baseline: string;
  readonly ratio: string;
}

export interface Report {
  readonly bench: string;
  readonly rows: readonly Row[];
  readonly loadAverage: { readonly start: string; readonly end: string };
}

/** A goal on the ratio, printed next to it with whether it is met. */
export interface Goal {
  readonly atMost?: number;
  readonly atLeast?: number;
}

/** Repetitions per figure, after one warm-up; each figure is their median. */
export const REPETITIONS = 3;

export function row(
  figure: string,
  value: number | string,
  baseline: number | string,
  ratio?: number,
  goal?: Goal,
): Row {
  return {
    figure,
    value: typeof value === 'number' ? fmt(value) : value,
    baseline: typeof baseline === 'number' ? fmt(baseline) : baseline,
    ratio: formatRatio(ratio, goal),
  };
}

function formatRatio(ratio: number | undefined, goal: Goal | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '—';
  const bound = goal?.atMost ?? goal?.atLeast;
  // Near the goal, enough digits that the printed ratio agrees with "met" / "MISSED".
  const close = bound !== undefined && Math.abs(ratio - bound) < 0.01 * Math.max(1, bound);
  const digits = close ? 3 : ratio >= 100 ? 0 : ratio >= 10 ? 1 : 2;
  const text = `${ratio.toFixed(digits)}×`;
  if (!goal) return text;
  if (goal.atMost !== undefined)
    return `${text} (goal ≤ ${goal.atMost}×) ${ratio <= goal.atMost ? 'met' : 'MISSED'}`;
  if (goal.atLeast !== undefined)
    return `${text} (goal ≥ ${goal.atLeast}×) ${ratio >= goal.atLeast ? 'met' : 'MISSED'}`;
  return text;
}

export function fmt(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** `1.52 2.10 3.00` (1, 5 and 15 minutes): the machine is shared, so every report carries it. */
export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

/**
 * Runs `contenders` once as a warm-up, then `repetitions` times interleaved (all contenders in
 * each round, the order alternating between rounds so that none always runs second), and
 * returns every contender's samples in round order.
 */
export async function interleaved<K extends string, T>(
  contenders: Readonly<Record<K, (round: number) => Promise<T>>>,
  options: {
    repetitions?: number;
    warmUp?: boolean;
    onSample?: (key: K, round: number, sample: T) => void;
  } = {},
): Promise<Record<K, T[]>> {
  const keys = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(keys.map((key) => [key, [] as T[]])) as Record<K, T[]>;
  const rounds = options.repetitions ?? REPETITIONS;
  const first = options.warmUp === false ? 1 : 0;
  for (let round = first; round <= rounds; round++) {
    const order = round % 2 === 0 ? [...keys].reverse() : keys;
    for (const key of order) {
      const sample = await contenders[key](round);
      options.onSample?.(key, round, sample);
      if (round > 0) samples[key].push(sample);
    }
  }
  return samples;
}

/** A progress logger writing `[bench:<name>] …` to stderr (stdout carries only the table). */
export function benchLog(name: string): (message: string) => void {
  return (message) => process.stderr.write(`[bench:${name}] ${message}\n`);
}

export function formatTable(rows: readonly Row[]): string {
  const header: Row = { figure: 'figure', value: 'value', baseline: 'baseline', ratio: 'ratio' };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => r[key].length));
  const line = (r: Row) =>
    `| ${r.figure.padEnd(width('figure'))} | ${r.value.padStart(width('value'))} | ${r.baseline.padEnd(width('baseline'))} | ${r.ratio.padEnd(width('ratio'))} |`;
  const rule = `|${'-'.repeat(width('figure') + 2)}|${'-'.repeat(width('value') + 1)}:|${'-'.repeat(width('baseline') + 2)}|${'-'.repeat(width('ratio') + 2)}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/**
 * Prints the benchmark's table (and the load average at start and end, which qualifies every
 * absolute figure on a shared machine), and writes it to BENCH_REPORT_FILE when set.
 */
export function printReport(bench: string, rows: readonly Row[], loadAtStart: string): void {
  const report: Report = { bench, rows, loadAverage: { start: loadAtStart, end: loadAverage() } };
  process.stdout.write(
    `\n${formatTable(rows)}\n\nload average (1/5/15 min, 2-core machine shared with other work): ` +
      `${report.loadAverage.start} at start, ${report.loadAverage.end} at end\n\n`,
  );
  const file = process.env.BENCH_REPORT_FILE;
  if (file) writeFileSync(file, JSON.stringify(report));
}

/** Rows of a printed `figure | value | baseline | ratio` table, with or without the outer pipes. */
export function parseTableRows(output: string): Row[] {
  return output
    .split('\n')
    .map((line) => line.trim().replace(/^\|/, '').replace(/\|$/, ''))
    .map((line) => line.split(' | ').map((cell) => cell.trim()))
    .filter((cells) => cells.length === 4 && cells[0] !== 'figure' && !/^-+:?$/.test(cells[1]))
    .map(([figure, value, baseline, ratio]) => ({ figure, value, baseline, ratio }));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a benchmark's `main`, exiting 0 on success and 1 (with the stack) on failure. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
