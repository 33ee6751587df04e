import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { JobQueue } from '@app/platform';
import { type FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from './public-route';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  @ApiOkResponse({ description: 'The process is alive.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database and the job queue answer. */
  @Get('readyz')
  @ApiOkResponse({ description: 'Database and queue reachable (503 otherwise).' })
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: string; database: boolean; queue: boolean }> {
    const [database, queue] = await Promise.all([this.databaseReachable(), this.jobs.isReachable()]);
    const ready = database && queue;
    void reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'unavailable', database, queue };
  }

  private async databaseReachable(): Promise<boolean> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2_000).unref()),
      ]);
      return true;
    } catch {
      return false;
    }
  }
}
