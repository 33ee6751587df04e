import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EventRecorder } from '@app/events';
import {
  BullmqJobQueue,
  InlineJobQueue,
  JobOutbox,
  JobQueue,
  Metrics,
  TransactionRunner,
} from '@app/platform';
import { ReplicaReconciler } from '@app/trails';
import { Public } from './public-route';

/** Prometheus metrics (text exposition format) for scraping; no signature, like health. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    tx: TransactionRunner,
    jobs: JobQueue,
    outbox: JobOutbox,
    recorder: EventRecorder,
    reconciler: ReplicaReconciler,
  ) {
    const backlog = () => tx.read((em) => reconciler.backlog(em));
    metrics.gauge(
      'trailplane_event_buffer_depth',
      'Events waiting to be bulk-inserted',
      () => recorder.depth,
    );
    metrics.gauge('trailplane_queue_depth', 'Jobs waiting or running', async () =>
      jobs instanceof BullmqJobQueue ? jobs.depth() : jobs instanceof InlineJobQueue ? jobs.depth : 0,
    );
    metrics.gauge('trailplane_outbox_pending_jobs', 'Jobs recorded and not yet done', () => outbox.pending());
    metrics.gauge(
      'trailplane_propagation_lag_seconds',
      'Age of the oldest trail change not yet fully propagated',
      async () => (await backlog()).oldestPendingSeconds,
    );
    metrics.gauge(
      'trailplane_propagation_pending_trails',
      'Trails whose latest change is not fully propagated',
      async () => (await backlog()).pendingTrails,
    );
    metrics.gauge(
      'trailplane_propagation_pending_replicas',
      'Replicas of those trails still at an older generation',
      async () => (await backlog()).staleReplicas,
    );
  }

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  render(): Promise<string> {
    return this.metrics.render();
  }
}
