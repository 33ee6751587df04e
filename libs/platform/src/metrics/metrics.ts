import { Injectable } from '@nestjs/common';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics (served at /metrics). Gauges whose value lives elsewhere
 * (queue depth, propagation lag) are filled by collectors registered by the modules that know it.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'trailplane_requests_total',
    help: 'API calls by operation, outcome and error code',
    labelNames: ['operation', 'outcome', 'error_code'] as const,
    registers: [this.registry],
  });

  readonly requestDuration = new Histogram({
    name: 'trailplane_request_duration_seconds',
    help: 'API call latency by operation',
    labelNames: ['operation'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly authorizationDenials = new Counter({
    name: 'trailplane_authorization_denials_total',
    help: 'Calls refused by policy evaluation, by operation',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'trailplane_job_duration_seconds',
    help: 'Job handling time by job name',
    labelNames: ['job'] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly jobFailures = new Counter({
    name: 'trailplane_job_failures_total',
    help: 'Job attempts that failed, by job name',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'trailplane_' });
  }

  /** A gauge computed on every scrape (failures leave the last value). */
  gauge(name: string, help: string, collect: () => Promise<number> | number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        try {
          this.set(await collect());
        } catch {
          // A dependency that is down must not break the scrape.
        }
      },
    });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
