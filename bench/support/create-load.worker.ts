import { parentPort, workerData } from 'node:worker_threads';
import { type BenchCredentials } from './bench-app';
import { SignedClient } from './signed-client';

/**
 * CreateTrail load (REST, every request signed afresh as an SDK does), run in a worker thread.
 * Creates `total` single-Region trails, request `i` in slot `i % slots.length` (an account and a
 * Region) as its `⌊i / slots.length⌋`-th trail there, so requests in flight hit different quota
 * slots and none exceeds five trails per Region. Posts back the count, failures and latencies (ms).
 */
export interface CreateLoadInput {
  readonly baseUrl: string;
  readonly slots: ReadonlyArray<{ readonly credentials: BenchCredentials; readonly region: string }>;
  readonly total: number;
  readonly concurrency: number;
  readonly namePrefix: string;
}

export interface CreateLoadResult {
  readonly created: number;
  readonly failures: number;
  readonly firstFailure?: string;
  readonly elapsedMs: number;
  readonly latenciesMs: number[];
}

async function run(input: CreateLoadInput): Promise<CreateLoadResult> {
  if (input.total > input.slots.length * 5) throw new Error('not enough quota slots for the load');
  const root = new SignedClient(input.baseUrl, input.slots[0].credentials);
  const latenciesMs: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: input.concurrency }, async () => {
      for (let i = next++; i < input.total; i = next++) {
        const slot = input.slots[i % input.slots.length];
        const client = root.as(slot.credentials, slot.region);
        const t0 = performance.now();
        const response = await client.rest('POST', '/v1/trails', {
          name: `${input.namePrefix}-${Math.floor(i / input.slots.length)}`,
          s3BucketName: 'bench-audit-logs',
          s3KeyPrefix: 'org/audit',
          includeGlobalServiceEvents: true,
          enableLogFileValidation: true,
          tagsList: [
            { key: 'team', value: 'platform' },
            { key: 'cost-center', value: '1234' },
          ],
        });
        if (response.status !== 201) {
          failures++;
          firstFailure ??= `${response.status} ${response.text.slice(0, 300)}`;
          continue;
        }
        latenciesMs.push(performance.now() - t0);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  root.close();
  return {
    created: latenciesMs.length,
    failures,
    ...(firstFailure !== undefined ? { firstFailure } : {}),
    elapsedMs,
    latenciesMs,
  };
}

if (parentPort) {
  const port = parentPort;
  run(workerData as CreateLoadInput).then(
    (result) => port.postMessage({ ok: true, result }),
    (error: unknown) => port.postMessage({ ok: false, error: String(error) }),
  );
}
