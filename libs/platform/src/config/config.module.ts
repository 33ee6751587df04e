import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock } from '../time/clock';
import { EnvSchema } from './env.schema';
import { type Env } from './load-env';

/** Makes the validated environment injectable as `EnvSchema`, and the clock as `Clock`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(env: Env, clock: Clock = new Clock()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: EnvSchema, useValue: env },
        { provide: Clock, useValue: clock },
      ],
      exports: [EnvSchema, Clock],
    };
  }
}
