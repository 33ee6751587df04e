import { parentPort, workerData } from 'node:worker_threads';
import { type BenchCredentials } from './bench-app';
import { SignedClient } from './signed-client';

/**
 * Load loop for CreateTrail + DeleteTrail pairs, run in a worker thread so that signing and
 * response handling stay off the API's event loop. Each of `concurrency` loops works in its own
 * Region (one trail at a time, well inside the five-trail quota) and signs every request afresh,
 * as an SDK does. Posts back the pair count, failures and per-pair latencies (ms).
 */
export interface PairLoadInput {
  readonly baseUrl: string;
  readonly credentials: BenchCredentials;
  readonly regions: readonly string[];
  readonly durationMs: number;
  readonly namePrefix: string;
}

export interface PairLoadResult {
  readonly pairs: number;
  readonly failures: number;
  readonly firstFailure?: string;
  readonly elapsedMs: number;
  readonly pairLatenciesMs: number[];
  readonly createLatenciesMs: number[];
  readonly deleteLatenciesMs: number[];
}

async function run(input: PairLoadInput): Promise<PairLoadResult> {
  const pairLatenciesMs: number[] = [];
  const createLatenciesMs: number[] = [];
  const deleteLatenciesMs: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const deadline = started + input.durationMs;
  await Promise.all(
    input.regions.map(async (region, loop) => {
      const client = new SignedClient(input.baseUrl, input.credentials, region);
      for (let i = 0; performance.now() < deadline; i++) {
        const name = `${input.namePrefix}-${loop}-${i}`;
        const t0 = performance.now();
        const created = await client.rest('POST', '/v1/trails', { name, s3BucketName: 'bench-logs' });
        const t1 = performance.now();
        const deleted = await client.rest('DELETE', `/v1/trails/${name}`);
        const t2 = performance.now();
        if (created.status !== 201 || deleted.status !== 204) {
          failures++;
          firstFailure ??= `${created.status} ${created.text.slice(0, 200)} / ${deleted.status}`;
          continue;
        }
        createLatenciesMs.push(t1 - t0);
        deleteLatenciesMs.push(t2 - t1);
        pairLatenciesMs.push(t2 - t0);
      }
      client.close();
    }),
  );
  return {
    pairs: pairLatenciesMs.length,
    failures,
    ...(firstFailure !== undefined ? { firstFailure } : {}),
    elapsedMs: performance.now() - started,
    pairLatenciesMs,
    createLatenciesMs,
    deleteLatenciesMs,
  };
}

if (parentPort) {
  const port = parentPort;
  run(workerData as PairLoadInput).then(
    (result) => port.postMessage({ ok: true, result }),
    (error: unknown) => port.postMessage({ ok: false, error: String(error) }),
  );
}
