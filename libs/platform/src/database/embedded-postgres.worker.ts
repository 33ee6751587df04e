import { parentPort, workerData } from 'node:worker_threads';

/**
 * The embedded database's thread (see embedded-postgres.ts): PGlite executes its WASM here, so a
 * long statement no longer stops the API's event loop, and requests are parsed, authenticated and
 * answered on the main thread while the database works on another core.
 */
export interface EmbeddedWorkerData {
  readonly dir: string;
}

export type EmbeddedWorkerMessage =
  | { readonly kind: 'listening'; readonly address: string }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'stopped' };

async function serve(port: NonNullable<typeof parentPort>, data: EmbeddedWorkerData): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create({ dataDir: data.dir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  port.on('message', (message: unknown) => {
    if (message !== 'stop') return;
    void (async () => {
      await server.stop();
      await db.close();
      port.postMessage({ kind: 'stopped' } satisfies EmbeddedWorkerMessage);
    })();
  });
  port.postMessage({ kind: 'listening', address: server.getServerConn() } satisfies EmbeddedWorkerMessage);
}

if (parentPort) {
  const port = parentPort;
  serve(port, workerData as EmbeddedWorkerData).catch((error: unknown) =>
    port.postMessage({
      kind: 'failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies EmbeddedWorkerMessage),
  );
}
