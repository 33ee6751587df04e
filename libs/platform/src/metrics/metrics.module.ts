import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** The process's one Prometheus registry, for every module that counts or times something. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
