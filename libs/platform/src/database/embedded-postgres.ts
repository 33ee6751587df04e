import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type EmbeddedWorkerData, type EmbeddedWorkerMessage } from './embedded-postgres.worker';

/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) with its data under the data dir,
 * served over the PostgreSQL wire protocol on a loopback port so that the production `pg` driver
 * and TypeORM run unchanged. PGlite runs in a worker thread: its statements execute off the API's
 * event loop (issue 16: on the main thread, every statement stopped every request). PGlite has a
 * single session: the pool must hold one connection.
 */
export interface EmbeddedPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = join(dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  const worker = new Worker(join(__dirname, 'embedded-postgres.worker.js'), {
    workerData: { dir } satisfies EmbeddedWorkerData,
  });
  const next = (): Promise<EmbeddedWorkerMessage> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the embedded database stopped (exit ${code})`));
      worker.once('error', reject);
      worker.once('exit', onExit);
      worker.once('message', (message: EmbeddedWorkerMessage) => {
        worker.off('error', reject);
        worker.off('exit', onExit);
        resolve(message);
      });
    });
  const started = await next();
  if (started.kind !== 'listening') {
    await worker.terminate();
    throw new Error(
      `the embedded database did not start: ${started.kind === 'failed' ? started.error : started.kind}`,
    );
  }
  return {
    url: `postgres://postgres@${started.address}/postgres?sslmode=disable`,
    async stop() {
      const stopped = next();
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}
