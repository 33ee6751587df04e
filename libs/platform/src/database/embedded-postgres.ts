import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database: PGlite (PostgreSQL compiled to WASM) with its data under the data dir,
 * served over the PostgreSQL wire protocol on a loopback port so that the production `pg` driver
 * and TypeORM run unchanged. PGlite has a single session: the pool must hold one connection.
 */
export interface EmbeddedPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const dir = join(dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create({ dataDir: dir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
