/**
 * How hard the fuzz suite pushes, from the environment:
 * - `FUZZ_RUNS` (default 200): property runs per operation and per route.
 * - `FUZZ_SEED`: replay a failing run (the failure message prints the seed to use).
 * - `FUZZ_ONLY`: comma-separated operation or route keys (`cloudtrail:CreateTrail`,
 *   `PATCH /v1/trails/{trail}`) to limit a replay to.
 * - `FUZZ_CONCURRENCY` (default 4): operations whose properties run at the same time.
 * - `FUZZ_VERBOSE=1`: every property's outcomes (`400 ValidationException×120, …`) after the run;
 *   `FUZZ_DEBUG=1`: checkpoints and each property's time; `FUZZ_SHRINK=1`: shrink a counterexample.
 */
export interface FuzzSettings {
  readonly runs: number;
  readonly seed: number;
  readonly only: readonly string[];
  readonly concurrency: number;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

const DEFAULT_RUNS = 200;

/** A fuzz test's Jest timeout: room for FUZZ_RUNS runs of every property (about 0.4 s a run for the REST routes here). */
export function fuzzTimeoutMs(): number {
  return 600_000 + positiveInt('FUZZ_RUNS', DEFAULT_RUNS) * 1_000;
}

export function fuzzSettings(): FuzzSettings {
  const rawSeed = process.env.FUZZ_SEED;
  const seed = rawSeed ? Number(rawSeed) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${rawSeed}`);
  return {
    runs: positiveInt('FUZZ_RUNS', DEFAULT_RUNS),
    seed,
    only: (process.env.FUZZ_ONLY ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    concurrency: positiveInt('FUZZ_CONCURRENCY', 4),
  };
}

/** A per-operation seed derived from the run's seed, so one FUZZ_SEED replays every operation. */
export function seedFor(baseSeed: number, key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (baseSeed ^ hash) | 0;
}
