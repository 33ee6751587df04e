import { Inject, Injectable } from '@nestjs/common';
import { Clock, EnvSchema, LOGGER, TransactionRunner } from '@app/platform';
import {
  coversEvent,
  type LoggingInterval,
  TrailLoggingPeriodRepository,
  type TrailRecord,
  TrailRepository,
} from '@app/trails';
import { type Logger } from 'pino';
import { type EntityManager } from 'typeorm';
import { planLogFiles } from '../domain/plan-log-files';
import {
  DeliveryFailure,
  LogDestination,
  type PlannedLogFile,
  writerOf,
} from '../destinations/log-destination';
import { type DeliveryCursor, DeliveryStateRepository } from '../persistence/delivery-state.repository';
import { type CandidateEvent, TrailEventSource } from '../persistence/trail-event.source';

/** What one delivery run did. */
export interface DeliveryRun {
  readonly files: number;
  readonly records: number;
  /** Every event recorded below the transaction horizon was handled. */
  readonly caughtUp: boolean;
}

const IDLE: DeliveryRun = { files: 0, records: 0, caughtUp: true };
/** Batches one run takes at most before yielding to other trails' runs. */
const MAX_BATCHES_PER_RUN = 20;

/**
 * Delivers a trail's undelivered events (delivery.md §1–§3), exactly once: each batch reads the
 * events after the trail's cursor and below the transaction horizon (all final, so none can commit
 * behind the cursor later), selects what the trail covers, packs the files, hands them to the
 * destination and advances the cursor, in one transaction under the trail's delivery lock.
 */
@Injectable()
export class TrailLogDelivery {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly periods: TrailLoggingPeriodRepository,
    private readonly state: DeliveryStateRepository,
    private readonly source: TrailEventSource,
    private readonly destination: LogDestination,
    private readonly clock: Clock,
    private readonly env: EnvSchema,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async deliver(trailId: string): Promise<DeliveryRun> {
    const start = await this.tx.read((em) => this.periods.firstStartHorizon(em, trailId));
    if (start === undefined) return IDLE;
    await this.tx.run((em) => this.state.ensure(em, trailId, start));
    let files = 0;
    let records = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      await this.destination.flush(trailId).catch((error: unknown) => this.failed(trailId, error));
      const run = await this.tx
        .run((em) => this.deliverBatch(em, trailId))
        .catch((error: unknown) => this.failed(trailId, error));
      files += run.files;
      records += run.records;
      if (run.caughtUp) {
        await this.destination.flush(trailId).catch((error: unknown) => this.failed(trailId, error));
        return { files, records, caughtUp: true };
      }
    }
    return { files, records, caughtUp: false };
  }

  private async deliverBatch(em: EntityManager, trailId: string): Promise<DeliveryRun> {
    const cursor = await this.state.lock(em, trailId);
    const trail = cursor && (await this.trails.findById(em, trailId));
    if (!cursor || !trail) return IDLE;
    const periods = await this.periods.periodsOf(em, trailId);
    const horizon = await this.state.horizon(em);
    const limit = this.env.TRAILPLANE_DELIVERY_BATCH_EVENTS;
    const candidates = await this.source.read(em, trail, {
      after: cursor,
      below: horizon,
      since: periods[0].from,
      limit,
    });
    const full = candidates.length === limit;
    const last = candidates[candidates.length - 1];
    const next: DeliveryCursor = full ? { txid: last.txid, seq: last.seq } : { txid: horizon, seq: '-1' };
    const selected = candidates.filter((event) => this.covers(trail, event, periods));
    const files = await this.plan(trail, selected);
    const now = this.clock.now();
    const delivered = await this.destination.deliver(em, writerOf(trail), files);
    await this.state.advance(em, trailId, laterOf(cursor, next));
    if (delivered) await this.state.recordAttempt(em, trailId, { at: now, delivered: true });
    return { files: files.length, records: selected.length, caughtUp: !full };
  }

  private covers(trail: TrailRecord, event: CandidateEvent, periods: readonly LoggingInterval[]): boolean {
    return coversEvent(
      trail,
      {
        eventSource: event.eventSource,
        eventName: event.eventName,
        eventType: event.eventType,
        eventCategory: event.management ? 'Management' : 'Data',
        readOnly: event.readOnly,
        resources: event.resources,
        userIdentity: event.identityArn === null ? undefined : { arn: event.identityArn },
        recipientAccountId: event.accountId,
        awsRegion: event.region,
        eventTime: event.eventTime,
      },
      // The source read only the trail's account or organization; recording refused disabled Regions.
      { accountInOrganization: true, enabledRegions: [event.region], loggingIntervals: periods },
    );
  }

  private async plan(trail: TrailRecord, events: readonly CandidateEvent[]): Promise<PlannedLogFile[]> {
    const deliveredAt = this.clock.now();
    const organizationId =
      trail.settings.isOrganizationTrail && trail.organizationId ? trail.organizationId : undefined;
    const files = await planLogFiles(
      { s3KeyPrefix: trail.settings.s3KeyPrefix, organizationId },
      events,
      deliveredAt,
    );
    return files.map((file) => ({
      trailId: trail.id,
      accountId: file.accountId,
      region: file.region,
      bucket: trail.settings.s3BucketName,
      key: file.key,
      deliveredAt,
      records: file.recordCount,
      bytes: file.body.length,
      sha256: file.uncompressedSha256,
      oldestEventTime: file.oldestEventTime,
      newestEventTime: file.newestEventTime,
      body: file.body,
    }));
  }

  /** A failed attempt: its error goes to GetTrailStatus; the run is retried with backoff, nothing lost. */
  private async failed(trailId: string, error: unknown): Promise<never> {
    if (error instanceof DeliveryFailure) {
      this.logger.warn({ trailId, reason: error.reason }, 'log delivery failed; will retry');
      await this.tx.run((em) =>
        this.state.recordAttempt(em, trailId, {
          at: this.clock.now(),
          error: error.reason,
          delivered: false,
        }),
      );
    }
    throw error;
  }
}

/** Cursors only move forward (a horizon never goes back, but a batch may end below an older one). */
function laterOf(a: DeliveryCursor, b: DeliveryCursor): DeliveryCursor {
  const ta = BigInt(a.txid);
  const tb = BigInt(b.txid);
  if (ta !== tb) return ta > tb ? a : b;
  return BigInt(a.seq) >= BigInt(b.seq) ? a : b;
}
