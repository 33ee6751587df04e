import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { JobQueue } from '@app/platform';
import { type FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from './public-route';

const READINESS = {
  type: 'object' as const,
  required: ['status', 'database', 'queue'],
  additionalProperties: false,
  properties: {
    status: { type: 'string' as const, enum: ['ready', 'unavailable'] },
    database: { type: 'boolean' as const },
    queue: { type: 'boolean' as const },
  },
};

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
  @ApiOperation({
    operationId: 'healthz',
    summary: 'Liveness — the process answers',
    description: 'Answers 200 while the process runs; needs no signature.',
  })
  @ApiOkResponse({
    description: 'The process is alive.',
    schema: {
      type: 'object',
      required: ['status'],
      additionalProperties: false,
      properties: { status: { type: 'string', enum: ['ok'] } },
    },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database and the job queue answer. */
  @Get('readyz')
  @ApiOperation({
    operationId: 'readyz',
    summary: 'Readiness — the database and the job queue answer',
    description:
      'Answers 200 when the database and the job queue answer within 2 s, 503 otherwise; needs no signature.',
  })
  @ApiOkResponse({ description: 'Database and queue reachable.', schema: READINESS })
  @ApiServiceUnavailableResponse({
    description: 'The database or the queue is unreachable.',
    schema: READINESS,
  })
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
