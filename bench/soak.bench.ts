/**
 * `npm run bench:soak` (issue 7; not in CI): SOAK_MINUTES (default 10) of mixed traffic at a fixed
 * rate, SOAK_RPS requests per second (default 100), over 100 accounts, against the API and its
 * in-process BullMQ worker running in a child process of their own (so that their memory is
 * measured alone). The mix and its open-loop schedule: `support/mixed-traffic.ts`. Prints throughput, p50/p99 (all, reads, writes), error rate, the API process's RSS and
 * heap at start (after a warm-up minute) and end, and the load average.
 */
import { BENCH_OPERATOR } from './support/bench-app';
import { forkBenchServer, isBenchServer, serveBenchApp, type ServerStats } from './support/bench-server';
import { createMixedAccounts, MIXED_REGIONS, MixedTraffic, TrafficSample } from './support/mixed-traffic';
import {
  benchLog,
  fmt,
  loadAverage,
  percentile,
  printReport,
  type Row,
  row,
  runMain,
} from './support/report';
import { SignedClient } from './support/signed-client';

const log = benchLog('soak');
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RPS = Number(process.env.SOAK_RPS ?? 100);
const WARM_UP_MS = Math.min(60_000, (MINUTES * 60_000) / 10);
const ACCOUNTS = 100;

async function main(): Promise<void> {
  const load = loadAverage();
  const server = await forkBenchServer(__filename);
  const operator = new SignedClient(server.url, BENCH_OPERATOR, MIXED_REGIONS[0]);
  try {
    const accounts = await createMixedAccounts([operator], ACCOUNTS, 'soak');
    const atSetup = await server.stats();
    log(
      `${ACCOUNTS} accounts ready; ${RPS} req/s for ${MINUTES} min (warm-up ${WARM_UP_MS / 1000} s); RSS ${mb(atSetup.rss)}`,
    );

    const traffic = new MixedTraffic(accounts);
    const sample = new TrafficSample();
    let atStart: ServerStats | undefined;
    let nextReport = 60_000;
    await traffic.run(
      RPS,
      MINUTES * 60_000,
      (offset) => (offset >= WARM_UP_MS ? sample : undefined),
      async (elapsed) => {
        if (!atStart && elapsed >= WARM_UP_MS) {
          atStart = await server.stats();
          log(`warm-up done; RSS ${mb(atStart.rss)}, heap ${mb(atStart.heapUsed)}; measuring`);
        }
        if (elapsed < nextReport) return;
        nextReport += 60_000;
        const m = await server.stats();
        log(
          `${fmt(elapsed / 60_000)} min: ${fmt(sample.read.length + sample.write.length)} answered, ${sample.errors} errors, ` +
            `${traffic.inFlight} in flight, RSS ${mb(m.rss)}, heap ${mb(m.heapUsed)} (load ${loadAverage()})`,
        );
      },
    );
    const measuredMs = MINUTES * 60_000 - WARM_UP_MS;
    await traffic.drain();
    const atEnd = await server.stats();
    const all = sample.all;
    const { read, write, errors, sent } = sample;
    for (const [reason, count] of sample.failures) log(`failure ×${count}: ${reason}`);
    const rows: Row[] = [
      row(
        `Soak: throughput over ${fmt(measuredMs / 60_000)} min after a ${WARM_UP_MS / 1000} s warm-up (req/s; 80 % reads, 20 % writes, ${ACCOUNTS} accounts)`,
        (all.length * 1000) / measuredMs,
        `${RPS} (target rate)`,
        (all.length * 1000) / measuredMs / RPS,
      ),
      row(
        'Soak: latency p50 / p99, all requests (ms, from the scheduled time)',
        `${fmt(percentile(all, 50))} / ${fmt(percentile(all, 99))}`,
        'none',
      ),
      row(
        'Soak: latency p50 / p99, reads / writes (ms)',
        `${fmt(percentile(read, 50))} / ${fmt(percentile(read, 99))} · ${fmt(percentile(write, 50))} / ${fmt(percentile(write, 99))}`,
        'none',
      ),
      row(
        `Soak: error rate (${errors} of ${fmt(sent)} requests)`,
        `${((errors / Math.max(1, sent)) * 100).toFixed(3)} %`,
        '0 %',
      ),
      row(
        'Soak: API process RSS at start (after warm-up) → end (MB)',
        `${mb(atStart?.rss ?? atSetup.rss)} → ${mb(atEnd.rss)}`,
        `${mb(atSetup.rss)} (before load)`,
        atEnd.rss / (atStart?.rss ?? atSetup.rss),
      ),
      row(
        'Soak: API process heap used at start → end (MB)',
        `${mb(atStart?.heapUsed ?? atSetup.heapUsed)} → ${mb(atEnd.heapUsed)}`,
        `${mb(atSetup.heapUsed)} (before load)`,
        atEnd.heapUsed / (atStart?.heapUsed ?? atSetup.heapUsed),
      ),
    ];
    printReport('soak', rows, load);
    for (const account of accounts) account.client.close();
  } finally {
    operator.close();
    await server.stop();
  }
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

if (isBenchServer()) serveBenchApp();
else runMain(main);
