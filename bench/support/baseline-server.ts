import { Controller, Get, Inject, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';

/**
 * The baselines of PERFORMANCE.md P5, in the same process and run as the service: a bare
 * Nest + Fastify handler returning a constant, and the same handler doing the one indexed SELECT
 * GetTrail needs (by owner, home Region and name), on a pool of the service's size.
 */
const POOL = Symbol('POOL');

@Controller()
class BaselineController {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  @Get('constant')
  constant(): { ok: boolean } {
    return { ok: true };
  }

  @Get('trails/:account/:region/:name')
  async trail(
    @Param('account') account: string,
    @Param('region') region: string,
    @Param('name') name: string,
  ): Promise<unknown> {
    const { rows } = await this.pool.query(
      'SELECT * FROM trails WHERE owner_account_id = $1 AND home_region = $2 AND name = $3',
      [account, region, name],
    );
    return rows[0];
  }
}

export interface BaselineServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startBaselineServer(databaseUrl: string, poolSize = 10): Promise<BaselineServer> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  @Module({ controllers: [BaselineController], providers: [{ provide: POOL, useValue: pool }] })
  class BaselineModule {}
  const app = await NestFactory.create<NestFastifyApplication>(BaselineModule, new FastifyAdapter(), {
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}
