import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Row } from './report';

/** One row of a results file (`bench/results/<UTC timestamp>.json`). */
export interface ResultRow {
  readonly figure: string;
  readonly value: string;
  readonly baseline: string;
  /** The ratio as a number; null when the figure has none. */
  readonly ratio: number | null;
  /** `≤ 10×` / `≥ 0.7×`; null without a goal. */
  readonly goal: string | null;
  readonly met: boolean | null;
}

export interface Results {
  readonly rows: readonly ResultRow[];
}

/** A ratio that moved the wrong way by more than the tolerance since the previous results. */
export interface Regression {
  readonly figure: string;
  readonly previous: number;
  readonly current: number;
}

/** A regression: the ratio worsened by more than this fraction (PERFORMANCE.md: 25 %). */
export const REGRESSION_TOLERANCE = 0.25;

export function resultRow(row: Row): ResultRow {
  const ratio = Number.parseFloat(row.ratio.replace(/,/g, ''));
  return {
    figure: row.figure,
    value: row.value,
    baseline: row.baseline,
    ratio: Number.isFinite(ratio) ? ratio : null,
    goal: row.goal === '' ? null : row.goal,
    met: row.met,
  };
}

/**
 * Figures whose ratio worsened by more than the tolerance, in the direction their goal names
 * (`≤`: lower is better, `≥`: higher is better); figures without a goal have no direction.
 */
export function regressions(previous: Results, current: Results): Regression[] {
  const before = new Map(previous.rows.map((row) => [row.figure, row]));
  return current.rows.flatMap((row) => {
    const old = before.get(row.figure);
    if (!old || old.ratio === null || row.ratio === null || !row.goal) return [];
    const worse = row.goal.startsWith('≤')
      ? row.ratio > old.ratio * (1 + REGRESSION_TOLERANCE)
      : row.ratio < old.ratio * (1 - REGRESSION_TOLERANCE);
    return worse ? [{ figure: row.figure, previous: old.ratio, current: row.ratio }] : [];
  });
}

/** `2026-12-07T04-12-00Z`: a UTC timestamp that sorts by time and is a valid file name. */
export function resultsFileName(at: Date): string {
  return `${at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-')}.json`;
}

/** The newest results file in `dir`, if any. */
export function latestResults(dir: string): { file: string; results: Results } | undefined {
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const file = files.at(-1);
  if (!file) return undefined;
  return { file, results: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Results };
}

export function writeResults(dir: string, at: Date, results: Results): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, resultsFileName(at));
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
