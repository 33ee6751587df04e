import { Global, Module, type DynamicModule } from '@nestjs/common';
import { type Logger } from 'pino';

export const LOGGER = Symbol('LOGGER');

/** Provides the process's pino logger to every module (`@Inject(LOGGER)`). */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return { module: LoggingModule, providers: [{ provide: LOGGER, useValue: logger }], exports: [LOGGER] };
  }
}
