/**
 * `npm run bench:soak` (issue 7; not in CI): SOAK_MINUTES (default 10) of mixed traffic at a fixed
 * rate, SOAK_RPS requests per second (default 100), over 100 accounts, against the API and its
 * in-process BullMQ worker running in a child process of their own (so that their memory is
 * measured alone). Open loop: requests are sent on schedule whatever the answers, and latency is
 * measured from the scheduled time (a stalled API shows up as latency, not as a lower rate).
 *
 * Mix: 80 % reads (GetTrail 30, DescribeTrails 15, ListTrails 10, GetTrailStatus 10, LookupEvents
 * 15), 20 % writes (CreateTrail / DeleteTrail of scratch trails 10, StartLogging / StopLogging 5,
 * UpdateTrail 5), over REST, every request signed afresh as its account's root in the account's
 * Region. Prints throughput, p50/p99 (all, reads, writes), error rate, the API process's RSS and
 * heap at start (after a warm-up minute) and end, and the load average.
 */
import { fork } from 'node:child_process';
import { BENCH_OPERATOR, type BenchCredentials, startBenchApp } from './support/bench-app';
import { createAccount, mapConcurrently } from './support/fixtures';
import {
  benchLog,
  fmt,
  loadAverage,
  percentile,
  printReport,
  type Row,
  row,
  runMain,
  sleep,
} from './support/report';
import { expectStatus, SignedClient } from './support/signed-client';

const log = benchLog('soak');
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RPS = Number(process.env.SOAK_RPS ?? 100);
const WARM_UP_MS = Math.min(60_000, (MINUTES * 60_000) / 10);
const ACCOUNTS = 100;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'];
/** Requests in flight beyond which a scheduled request counts as an error (the API has fallen over). */
const MAX_IN_FLIGHT = 1_000;

interface Memory {
  readonly rss: number;
  readonly heapUsed: number;
}

type ServerMessage = { kind: 'ready'; url: string } | ({ kind: 'memory' } & Memory);

/** The child: the API and worker, answering memory probes until told to stop. */
async function serve(): Promise<void> {
  const app = await startBenchApp({ env: { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent' } });
  process.on('message', (message: { kind: string }) => {
    if (message.kind === 'memory') {
      const { rss, heapUsed } = process.memoryUsage();
      process.send?.({ kind: 'memory', rss, heapUsed } satisfies ServerMessage);
    } else if (message.kind === 'stop') {
      void app.close().then(() => process.exit(0));
    }
  });
  process.send?.({ kind: 'ready', url: app.url } satisfies ServerMessage);
}

interface Account {
  readonly client: SignedClient;
  readonly trail: string;
  readonly scratch: string[];
  nextScratch: number;
  logging: boolean;
  validation: boolean;
}

type Operation = (account: Account) => { method: string; path: string; body?: object; expect: number };

const READS: Array<[number, Operation]> = [
  [30, (a) => ({ method: 'GET', path: `/v1/trails/${a.trail}`, expect: 200 })],
  [15, () => ({ method: 'GET', path: '/v1/trails', expect: 200 })],
  [10, () => ({ method: 'GET', path: '/v1/trail-summaries', expect: 200 })],
  [10, (a) => ({ method: 'GET', path: `/v1/trails/${a.trail}/status`, expect: 200 })],
  [15, () => ({ method: 'GET', path: '/v1/events?maxResults=50', expect: 200 })],
];

const WRITES: Array<[number, Operation]> = [
  [
    10,
    (a) => {
      // At most two scratch trails each (the stable one makes three of the five per Region).
      if (a.scratch.length >= 2) {
        const name = a.scratch.shift() as string;
        return { method: 'DELETE', path: `/v1/trails/${name}`, expect: 204 };
      }
      const name = `soak-scratch-${a.nextScratch++}`;
      return { method: 'POST', path: '/v1/trails', body: { name, s3BucketName: 'soak-logs' }, expect: 201 };
    },
  ],
  [
    5,
    (a) => {
      a.logging = !a.logging;
      return { method: a.logging ? 'POST' : 'DELETE', path: `/v1/trails/${a.trail}/logging`, expect: 204 };
    },
  ],
  [
    5,
    (a) => {
      a.validation = !a.validation;
      return {
        method: 'PATCH',
        path: `/v1/trails/${a.trail}`,
        body: { enableLogFileValidation: a.validation },
        expect: 200,
      };
    },
  ],
];

function pick(table: Array<[number, Operation]>, x: number): Operation {
  let acc = 0;
  for (const [weight, operation] of table) {
    acc += weight;
    if (x < acc) return operation;
  }
  return table[table.length - 1][1];
}

async function main(): Promise<void> {
  const load = loadAverage();
  const child = fork(__filename, ['serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const messages: Array<(message: ServerMessage) => void> = [];
  child.on('message', (message: ServerMessage) => messages.shift()?.(message));
  const next = () => new Promise<ServerMessage>((resolve) => messages.push(resolve));
  const memory = async (): Promise<Memory> => {
    const answer = next();
    child.send({ kind: 'memory' });
    return (await answer) as Memory;
  };
  const ready = (await next()) as { url: string };
  const operator = new SignedClient(ready.url, BENCH_OPERATOR, REGIONS[0]);
  try {
    const credentials: BenchCredentials[] = await mapConcurrently(
      Array.from({ length: ACCOUNTS }, (_, i) => i),
      8,
      (i) => createAccount(operator, `soak-${i}`),
    );
    const accounts: Account[] = await mapConcurrently(credentials, 8, async (c, i) => {
      const client = operator.as(c, REGIONS[i % REGIONS.length]);
      const trail = `soak-${i}`;
      expectStatus(
        await client.rest('POST', '/v1/trails', { name: trail, s3BucketName: 'soak-logs' }),
        201,
        'CreateTrail',
      );
      return { client, trail, scratch: [], nextScratch: 0, logging: false, validation: false };
    });
    const atSetup = await memory();
    log(
      `${ACCOUNTS} accounts ready; ${RPS} req/s for ${MINUTES} min (warm-up ${WARM_UP_MS / 1000} s); RSS ${mb(atSetup.rss)}`,
    );

    const latencies = { read: [] as number[], write: [] as number[] };
    const failures = new Map<string, number>();
    let sent = 0;
    let answered = 0;
    let errors = 0;
    let inFlight = 0;
    let measuring = false;
    const fail = (reason: string) => {
      errors++;
      failures.set(reason, (failures.get(reason) ?? 0) + 1);
    };
    const fire = (scheduledAt: number, index: number) => {
      const account = accounts[index % ACCOUNTS];
      const x = Math.floor(Math.random() * 100);
      const isWrite = x >= 80;
      const operation = isWrite ? pick(WRITES, x - 80) : pick(READS, x);
      const request = operation(account);
      const counted = measuring;
      if (counted) sent++;
      if (inFlight >= MAX_IN_FLIGHT) {
        if (counted) fail('client: too many requests in flight');
        return;
      }
      inFlight++;
      account.client
        .rest(request.method, request.path, request.body)
        .then(
          (response) => {
            if (response.status === 201 && request.method === 'POST' && request.path === '/v1/trails') {
              account.scratch.push((request.body as { name: string }).name);
            }
            if (!counted) return;
            answered++;
            if (response.status !== request.expect) {
              fail(
                `${request.method} ${request.path.replace(/soak-[\w-]+/g, '…')} → ${response.status} ${response.text.slice(0, 120)}`,
              );
            } else {
              (isWrite ? latencies.write : latencies.read).push(performance.now() - scheduledAt);
            }
          },
          (error: unknown) => {
            if (counted) fail(`network: ${String(error).slice(0, 120)}`);
          },
        )
        .finally(() => inFlight--);
    };

    const started = performance.now();
    const end = started + MINUTES * 60_000;
    let index = 0;
    let atStart: Memory | undefined;
    let nextReport = started + 60_000;
    while (performance.now() < end) {
      const now = performance.now();
      if (!measuring && now - started >= WARM_UP_MS) {
        measuring = true;
        atStart = await memory();
        log(`warm-up done; RSS ${mb(atStart.rss)}, heap ${mb(atStart.heapUsed)}; measuring`);
      }
      const due = Math.floor(((now - started) * RPS) / 1000);
      for (; index < due; index++) fire(started + (index * 1000) / RPS, index);
      if (now >= nextReport) {
        nextReport += 60_000;
        const m = await memory();
        log(
          `${fmt((now - started) / 60_000)} min: ${fmt(answered)} answered, ${errors} errors, ${inFlight} in flight, ` +
            `RSS ${mb(m.rss)}, heap ${mb(m.heapUsed)} (load ${loadAverage()})`,
        );
      }
      await sleep(5);
    }
    const measuredMs = performance.now() - started - WARM_UP_MS;
    const drainUntil = performance.now() + 30_000;
    while (inFlight > 0 && performance.now() < drainUntil) await sleep(20);
    const atEnd = await memory();
    const all = [...latencies.read, ...latencies.write];
    for (const [reason, count] of failures) log(`failure ×${count}: ${reason}`);
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
        `${fmt(percentile(latencies.read, 50))} / ${fmt(percentile(latencies.read, 99))} · ${fmt(percentile(latencies.write, 50))} / ${fmt(percentile(latencies.write, 99))}`,
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
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ kind: 'stop' });
    await exited;
  }
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

if (process.argv[2] === 'serve') {
  serve().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
} else {
  runMain(main);
}
