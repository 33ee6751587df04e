import { createLogger, PinoNestLogger } from './logger';

describe(PinoNestLogger.name, () => {
  it('logs Nest’s start-up report at debug, its other messages at their own level', () => {
    const lines: string[] = [];
    const sut = new PinoNestLogger(createLogger('info', { write: (line: string) => void lines.push(line) }));

    sut.log('Starting Nest application...', 'NestFactory');
    sut.log('ApiModule dependencies initialized', 'InstanceLoader');
    sut.log('HealthController {/}:', 'RoutesResolver');
    sut.log('Mapped {/healthz, GET} route', 'RouterExplorer');
    sut.log('Nest application successfully started', 'NestApplication');
    sut.log('cache warmed', 'RegionsModule');
    sut.warn('Duplicate DTO detected', 'SwaggerModule');

    expect(lines.map((line) => JSON.parse(line) as { level: number; msg: string })).toEqual([
      expect.objectContaining({ level: 30, msg: 'cache warmed' }),
      expect.objectContaining({ level: 40, msg: 'Duplicate DTO detected' }),
    ]);
  });
});
