import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/**
 * What every benchmark prints (PERFORMANCE.md): one table of `figure | value | baseline | ratio |
 * goal | met`,
 * each figure the median of interleaved repetitions after a warm-up, the baseline measured in the
 * same run. With BENCH_REPORT_FILE set, the rows are also written there as JSON, so that
 * `npm run bench` can gather every benchmark into one table.
 */
export interface Row {
  readonly figure: string;
  readonly value: string;
  readonly baseline: string;
  /** `3.16×`, or `—` when the figure has no ratio. */
  readonly ratio: string;
  /** `≤ 10×` / `≥ 0.7×`, or '' when the figure has no goal. */
  readonly goal: string;
  /** Whether the ratio meets the goal; null without a goal. */
  readonly met: boolean | null;
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
  const known = ratio !== undefined && Number.isFinite(ratio);
  return {
    figure,
    value: typeof value === 'number' ? fmt(value) : value,
    baseline: typeof baseline === 'number' ? fmt(baseline) : baseline,
    ratio: known ? formatRatio(ratio, goal) : '—',
    goal: goalText(goal),
    met: known && goal ? meets(ratio, goal) : null,
  };
}

function goalText(goal: Goal | undefined): string {
  if (goal?.atMost !== undefined) return `≤ ${goal.atMost}×`;
  if (goal?.atLeast !== undefined) return `≥ ${goal.atLeast}×`;
  return '';
}

function meets(ratio: number, goal: Goal): boolean {
  if (goal.atMost !== undefined) return ratio <= goal.atMost;
  if (goal.atLeast !== undefined) return ratio >= goal.atLeast;
  return true;
}

function formatRatio(ratio: number, goal: Goal | undefined): string {
  const bound = goal?.atMost ?? goal?.atLeast;
  // Near the goal, enough digits that the printed ratio agrees with "met" / "MISSED".
  const close = bound !== undefined && Math.abs(ratio - bound) < 0.01 * Math.max(1, bound);
  const digits = close ? 3 : ratio >= 100 ? 0 : ratio >= 10 ? 1 : 2;
  return `${ratio.toFixed(digits)}×`;
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

const COLUMNS = ['figure', 'value', 'baseline', 'ratio', 'goal', 'met'] as const;

function cells(r: Row): string[] {
  return [r.figure, r.value, r.baseline, r.ratio, r.goal, r.met === null ? '' : r.met ? 'met' : 'MISSED'];
}

export function formatTable(rows: readonly Row[]): string {
  const all = [[...COLUMNS] as string[], ...rows.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) =>
    `| ${r.map((cell, i) => (i === 1 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 1 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n');
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

/** Rows of a printed table (figure | value | baseline | ratio | goal | met), with or without the outer pipes. */
export function parseTableRows(output: string): Row[] {
  return output
    .split('\n')
    .map((line) => line.trim().replace(/^\|/, '').replace(/\|$/, ''))
    .map((line) => line.split(' | ').map((cell) => cell.trim()))
    .filter((cells) => cells.length === COLUMNS.length && cells[0] !== 'figure' && !/^-+:?$/.test(cells[1]))
    .map(([figure, value, baseline, ratio, goal, met]) => ({
      figure,
      value,
      baseline,
      ratio,
      goal,
      met: met === '' ? null : met === 'met',
    }));
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
