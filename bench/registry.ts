/**
 * Every benchmark `npm run bench` runs, in this order, one process each: `bench/<name>.bench.ts`
 * (built to dist) with the environment given. Adding a benchmark to the table is one line here.
 * Soak (`npm run bench:soak`) is not part of it.
 */
export interface RegisteredBenchmark {
  readonly name: string;
  readonly env?: Readonly<Record<string, string>>;
}

export const BENCHMARKS: readonly RegisteredBenchmark[] = [
  // Its replication figures; GetTrail throughput is measured by api.
  { name: 'replication', env: { BENCH_REPLICATION_THROUGHPUT: 'off' } },
  // 1,000 and 10,000 accounts, P3, P10.
  { name: 'propagation' },
  // P6 micro-benchmark.
  { name: 'policy' },
  // P8, P9 over 1,000,000 events (EVENTS_BENCH_ROWS overrides).
  { name: 'events', env: { EVENTS_BENCH_ROWS: process.env.EVENTS_BENCH_ROWS ?? '1000000' } },
  // P5 and P16 (PostgreSQL and embedded), P6 route-level, P7, P11.
  { name: 'api' },
  // P15 service-event ingestion, and submitted → delivered lag.
  { name: 'ingest' },
  // An organization trail of 1,000 accounts × 17 Regions × 20 events delivered.
  { name: 'delivery' },
  // P14: 17,000 digests.
  { name: 'digests' },
  // The console's coverage matrix over 1,000 accounts.
  { name: 'coverage' },
  // The mixed-load ceiling (p99 ≤ 250 ms) through two API replicas.
  { name: 'mixed-load' },
];
