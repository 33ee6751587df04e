import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { cloudTrailHeaders, type SignedClient } from './signed-client';

/** Throughput and latency of one load run. */
export interface LoadFigures {
  readonly rps: number;
  /** Milliseconds. */
  readonly p50: number;
  readonly p99: number;
}

/**
 * One autocannon run (its load in a worker thread, off the event loop of an API served by this
 * process); fails on any non-2xx answer or error, since a fast error is not a figure.
 */
export async function autocannonLoad(
  options: autocannon.Options,
  seconds: number,
  connections: number,
): Promise<LoadFigures> {
  const result = await autocannon({ ...options, connections, duration: seconds, workers: 1 });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${options.method ?? 'GET'} ${options.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** The median of each figure over runs. */
export function medianFigures(runs: readonly LoadFigures[]): LoadFigures {
  const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
  return {
    rps: mid(runs.map((r) => r.rps)),
    p50: mid(runs.map((r) => r.p50)),
    p99: mid(runs.map((r) => r.p99)),
  };
}

/**
 * Runs a load loop in a worker thread (`support/<file>.js`, which posts back `{ ok, result }` or
 * `{ ok: false, error }`), so that signing and response handling stay off the API's event loop.
 */
export function runLoadWorker<I, R>(file: string, input: I): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, `${file}.js`), { workerData: input });
    worker.once('message', (message: { ok: boolean; result?: R; error?: string }) => {
      void worker.terminate();
      if (message.ok && message.result !== undefined) resolve(message.result);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
  });
}

export type GetTrailTarget = 'constant' | 'select' | 'restGet' | 'awsGet';

/**
 * PERFORMANCE.md P5's contenders, each a fresh autocannon target (re-signed per run: a signature
 * stays valid 15 minutes): the bare Nest + Fastify handler returning a constant, the same handler
 * doing GetTrail's one indexed SELECT, and GetTrail itself over REST and AWS JSON (SigV4,
 * authorization, PostgreSQL read, event recorded).
 */
export function getTrailTargets(
  appUrl: string,
  baselineUrl: string,
  client: SignedClient,
  trail: string,
): Record<GetTrailTarget, () => autocannon.Options> {
  const { accountId } = client.credentials;
  return {
    constant: () => ({ url: `${baselineUrl}/constant` }),
    select: () => ({ url: `${baselineUrl}/trails/${accountId}/${client.region}/${trail}` }),
    restGet: () => ({
      url: `${appUrl}/v1/trails/${trail}`,
      headers: client.sign('GET', `/v1/trails/${trail}`, undefined),
    }),
    awsGet: () => {
      const body = JSON.stringify({ Name: trail });
      return {
        url: `${appUrl}/`,
        method: 'POST',
        body,
        headers: client.sign('POST', '/', body, cloudTrailHeaders('GetTrail'), 'cloudtrail'),
      };
    },
  };
}
