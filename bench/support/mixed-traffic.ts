import { type BenchCredentials } from './bench-app';
import { createAccount, mapConcurrently } from './fixtures';
import { sleep } from './report';
import { expectStatus, type SignedClient } from './signed-client';

/**
 * The mixed traffic of the soak and mixed-load benchmarks, sent open loop: requests go out on
 * schedule whatever the answers, and latency is measured from the scheduled time (a stalled API
 * shows up as latency, not as a lower rate).
 *
 * Mix: 80 % reads (GetTrail 30, DescribeTrails 15, ListTrails 10, GetTrailStatus 10, LookupEvents
 * 15), 20 % writes (CreateTrail / DeleteTrail of scratch trails 10, StartLogging / StopLogging 5,
 * UpdateTrail 5), over REST, every request signed afresh as its account's root in the account's
 * Region.
 */

export const MIXED_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1'];
/** The log bucket every trail of the mix names. */
const BUCKET = 'soak-logs';

export interface MixedAccount {
  readonly client: SignedClient;
  readonly trail: string;
  /** Scratch trails created, oldest first. */
  readonly scratch: string[];
  /** Scratch trails asked for and not yet answered (a slow API must not push the account past its quota). */
  creating: number;
  nextScratch: number;
  logging: boolean;
  validation: boolean;
}

type Operation = (account: MixedAccount) => { method: string; path: string; body?: object; expect: number };

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
      if (a.scratch.length + a.creating >= 2) {
        const name = a.scratch.shift();
        if (name !== undefined) return { method: 'DELETE', path: `/v1/trails/${name}`, expect: 204 };
        return { method: 'GET', path: `/v1/trails/${a.trail}`, expect: 200 };
      }
      a.creating++;
      const name = `${a.trail}-scratch-${a.nextScratch++}`;
      return { method: 'POST', path: '/v1/trails', body: { name, s3BucketName: BUCKET }, expect: 201 };
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

/**
 * `count` accounts made by the operator, each with one stable trail (`<label>-<i>`) in its own
 * Region; account i calls through `operators[i % operators.length]`'s connections (one per replica).
 */
export async function createMixedAccounts(
  operators: readonly SignedClient[],
  count: number,
  label: string,
): Promise<MixedAccount[]> {
  const credentials: BenchCredentials[] = await mapConcurrently(
    Array.from({ length: count }, (_, i) => i),
    8,
    (i) => createAccount(operators[0], `${label}-${i}`),
  );
  return mapConcurrently(credentials, 8, async (c, i) => {
    const client = operators[i % operators.length].as(c, MIXED_REGIONS[i % MIXED_REGIONS.length]);
    const trail = `${label}-${i}`;
    expectStatus(
      await client.rest('POST', '/v1/trails', { name: trail, s3BucketName: BUCKET }),
      201,
      'CreateTrail',
    );
    return { client, trail, scratch: [], creating: 0, nextScratch: 0, logging: false, validation: false };
  });
}

/** What one measured stretch of traffic answered: latencies (ms) of the expected answers, and failures. */
export class TrafficSample {
  readonly read: number[] = [];
  readonly write: number[] = [];
  readonly failures = new Map<string, number>();
  /** Latencies by request (`GET /v1/trails/…`), to tell which part of the mix is slow. */
  readonly byRequest = new Map<string, number[]>();
  sent = 0;
  errors = 0;

  get all(): number[] {
    return [...this.read, ...this.write];
  }

  fail(reason: string): void {
    this.errors++;
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
  }
}

export class MixedTraffic {
  inFlight = 0;

  /** `maxInFlight`: requests in flight beyond which a scheduled one counts as an error (the API has fallen over). */
  constructor(
    private readonly accounts: readonly MixedAccount[],
    private readonly maxInFlight = 1_000,
  ) {}

  /** Sends request `index` of the mix, scheduled at `scheduledAt`; counted in `sample` when given. */
  fire(scheduledAt: number, index: number, sample?: TrafficSample): void {
    if (sample) sample.sent++;
    if (this.inFlight >= this.maxInFlight) {
      sample?.fail('client: too many requests in flight');
      return;
    }
    const account = this.accounts[index % this.accounts.length];
    const x = Math.floor(Math.random() * 100);
    const isWrite = x >= 80;
    const request = (isWrite ? pick(WRITES, x - 80) : pick(READS, x))(account);
    const creates = request.method === 'POST' && request.path === '/v1/trails';
    this.inFlight++;
    account.client
      .rest(request.method, request.path, request.body)
      .then(
        (response) => {
          if (response.status === 201 && creates)
            account.scratch.push((request.body as { name: string }).name);
          if (!sample) return;
          const what = `${request.method} ${request.path.replace(/\/trails\/[\w-]+/g, '/trails/…')}`;
          if (response.status !== request.expect) {
            sample.fail(`${what} → ${response.status} ${response.text.slice(0, 120)}`);
          } else {
            const latency = performance.now() - scheduledAt;
            (isWrite ? sample.write : sample.read).push(latency);
            const latencies = sample.byRequest.get(what) ?? [];
            latencies.push(latency);
            sample.byRequest.set(what, latencies);
          }
        },
        (error: unknown) => sample?.fail(`network: ${String(error).slice(0, 120)}`),
      )
      .finally(() => {
        this.inFlight--;
        if (creates) account.creating--;
      });
  }

  /**
   * Sends `rps` requests per second for `durationMs`, each on its schedule; `sampleAt` says where
   * the request scheduled at that elapsed time counts (none: warm-up), `tick` runs between sends.
   */
  async run(
    rps: number,
    durationMs: number,
    sampleAt: (elapsedMs: number) => TrafficSample | undefined,
    tick?: (elapsedMs: number) => Promise<void> | void,
  ): Promise<void> {
    const started = performance.now();
    let index = 0;
    for (let elapsed = 0; elapsed < durationMs; elapsed = performance.now() - started) {
      const due = Math.floor((elapsed * rps) / 1000);
      for (; index < due; index++) {
        const offset = (index * 1000) / rps;
        this.fire(started + offset, index, sampleAt(offset));
      }
      await tick?.(elapsed);
      await sleep(5);
    }
  }

  /** Waits for the answers still in flight, at most `timeoutMs`. */
  async drain(timeoutMs = 30_000): Promise<void> {
    const until = performance.now() + timeoutMs;
    while (this.inFlight > 0 && performance.now() < until) await sleep(20);
  }
}
