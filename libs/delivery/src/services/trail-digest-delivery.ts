import { Inject, Injectable } from '@nestjs/common';
import { type DigestedLogFile, type DigestScope, DigestSigner, toWholeSeconds } from '@app/integrity';
import { Clock, EnvSchema, LOGGER, TransactionRunner } from '@app/platform';
import {
  type TrailRecord,
  TrailReplicaRepository,
  TrailRepository,
  type ValidationPeriod,
  TrailValidationPeriodRepository,
} from '@app/trails';
import { type Logger } from 'pino';
import { type EntityManager } from 'typeorm';
import { dueDigestIntervals } from '../domain/digest-schedule';
import { DeliveryFailure, LogDestination, type TrailWriter } from '../destinations/log-destination';
import { type PlannedDigest } from '../persistence/delivered-digest.repository';
import { type DeliveredLogFile, DeliveredFileRepository } from '../persistence/delivered-file.repository';
import { DeliveryStateRepository } from '../persistence/delivery-state.repository';
import {
  type ChainedTrail,
  type ChainMove,
  type DigestChain,
  DigestChainRepository,
  type Place,
} from '../persistence/digest-chain.repository';
import { StagedFileRepository } from '../persistence/staged-file.repository';

/** What one digest run did. */
export interface DigestRun {
  readonly digests: number;
  /** Every digest due was written (or waits for log files still being uploaded). */
  readonly caughtUp: boolean;
}

/** Chains handled per transaction. */
const CHAINS_PER_BATCH = 500;
/** Digests one chain writes per transaction at most (a chain catching up takes several). */
const DIGESTS_PER_CHAIN = 24;
/** Batches one run takes at most before yielding to other trails' runs. */
const MAX_BATCHES_PER_RUN = 40;
/** How long a stopped trail's final digests wait for the delivery of what it recorded before stopping. */
const FINAL_DIGEST_GRACE_MS = 24 * 3_600_000;

const placeKey = (place: Place): string => `${place.accountId}/${place.region}`;

/**
 * Writes a trail's digests (delivery.md §4): one chain per account and Region it reaches per
 * validation period, a digest per elapsed interval listing the log files delivered in it, signed
 * with the Region's key and linked to the chain's previous digest. Each batch writes its digests
 * and advances their chains in one transaction under the trail's delivery lock, the same lock log
 * delivery takes, so a digest covers exactly the files delivered before its end: crash-safe, and
 * never a fork.
 */
@Injectable()
export class TrailDigestDelivery {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly periods: TrailValidationPeriodRepository,
    private readonly replicas: TrailReplicaRepository,
    private readonly chains: DigestChainRepository,
    private readonly state: DeliveryStateRepository,
    private readonly deliveredFiles: DeliveredFileRepository,
    private readonly stagedFiles: StagedFileRepository,
    private readonly signer: DigestSigner,
    private readonly destination: LogDestination,
    private readonly clock: Clock,
    private readonly env: EnvSchema,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async deliver(trailId: string): Promise<DigestRun> {
    await this.flush(trailId);
    await this.tx.run((em) => this.reconcileChains(em, trailId));
    let digests = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const run = await this.tx
        .run((em) => this.deliverBatch(em, trailId))
        .catch((error: unknown) => this.failed(trailId, error));
      digests += run.digests;
      await this.flush(trailId);
      if (run.caughtUp) return { digests, caughtUp: true };
    }
    return { digests, caughtUp: false };
  }

  /**
   * Brings the trail's chains in line with its validation periods and replicas: chains of a closed
   * period end (a stopped trail's once what it recorded is delivered), chains of a replica gone end
   * now, and every replica of the open period has a chain — from the period's start when the period
   * has none yet, else from now.
   */
  private async reconcileChains(em: EntityManager, trailId: string): Promise<void> {
    await this.state.lockTrail(em, trailId);
    const now = this.clock.now();
    const trail = await this.trails.findById(em, trailId);
    const periods = await this.periods.periodsOf(em, trailId);
    const open = trail && periods.find((period) => period.until === null);
    await this.chains.removeFinished(em, trailId, open ? open.from : null);
    const chains = await this.chains.placesOf(em, trailId);
    for (const period of periods) {
      const ending = chains.some((c) => +c.periodStartedAt === +period.from && c.endsAt === null);
      if (period.until === null || !ending) continue;
      const endsAt = await this.finalEnd(em, trail, period, periods, now);
      if (endsAt) await this.chains.end(em, trailId, period.from, endsAt);
    }
    if (!trail || !open) return;
    const places = await this.replicas.placesOf(em, trailId);
    const wanted = new Set(places.map(placeKey));
    const current = chains.filter((chain) => +chain.periodStartedAt === +open.from);
    const gone = current.filter(
      (chain) => !chain.finished && chain.endsAt === null && !wanted.has(placeKey(chain)),
    );
    if (gone.length > 0) await this.chains.end(em, trailId, open.from, now, gone);
    const byPlace = new Map(current.map((chain) => [placeKey(chain), chain]));
    const start = toWholeSeconds(current.length === 0 ? open.from : now);
    const missing = places.filter((place) => !byPlace.has(placeKey(place)));
    const back = places.filter((place) => byPlace.get(placeKey(place))?.finished);
    await this.chains.start(em, trailId, open.from, chainedTrailOf(trail), missing, start);
    await this.chains.restart(em, trailId, open.from, back, start);
  }

  /**
   * When a closed period's chains end: at its close, unless the trail stopped logging, in which case
   * the log files of what it recorded before stopping are still on their way; then once they are
   * delivered (the delivery cursor is past the closing transaction), and no later than the next
   * period's start. A delivery that never catches up gives up after a day.
   */
  private async finalEnd(
    em: EntityManager,
    trail: TrailRecord | undefined,
    period: ValidationPeriod,
    periods: readonly ValidationPeriod[],
    now: Date,
  ): Promise<Date | undefined> {
    const closedAt = period.until as Date;
    if (!trail || trail.isLogging || period.stopTxid === null) return closedAt;
    if (now.getTime() - closedAt.getTime() > FINAL_DIGEST_GRACE_MS) return closedAt;
    const cursor = await this.state.lock(em, trail.id);
    if (!cursor || BigInt(cursor.txid) <= BigInt(period.stopTxid)) return undefined;
    const next = periods.find((other) => other.from > period.from);
    return next && next.from < now ? next.from : now;
  }

  private async deliverBatch(em: EntityManager, trailId: string): Promise<DigestRun> {
    await this.state.lockTrail(em, trailId);
    const now = this.clock.now();
    const intervalMs = this.env.TRAILPLANE_DIGEST_INTERVAL_SECONDS * 1000;
    const due = await this.chains.due(
      em,
      trailId,
      new Date(Math.floor(now.getTime() / intervalMs) * intervalMs),
      CHAINS_PER_BATCH,
    );
    if (due.length === 0) return { digests: 0, caughtUp: true };
    const trail = await this.trails.findById(em, trailId);
    const names = trail ? chainedTrailOf(trail) : due[0].trail;
    // Files staged for an external store are not delivered yet: no digest may end past the oldest.
    const staged = await this.stagedFiles.oldestDeliveredAt(em, trailId);
    const until = staged && staged < now ? staged : now;
    const schedules = due.map((chain) => ({
      chain,
      ...dueDigestIntervals(
        {
          nextStart: chain.nextStart,
          endsAt: chain.endsAt && (!staged || chain.endsAt <= staged) ? chain.endsAt : null,
        },
        until,
        intervalMs,
        DIGESTS_PER_CHAIN,
      ),
    }));
    const writing = schedules.filter((schedule) => schedule.intervals.length > 0 || schedule.ends);
    if (writing.length === 0) return { digests: 0, caughtUp: true };
    const from = new Date(Math.min(...writing.map((s) => s.chain.nextStart.getTime())));
    const to = new Date(
      Math.max(from.getTime(), ...writing.flatMap((s) => s.intervals.map((i) => i.end.getTime()))),
    );
    const places = writing.map((schedule) => schedule.chain);
    const files = groupByPlace(await this.deliveredFiles.deliveredBetween(em, trailId, places, from, to));
    const digests: PlannedDigest[] = [];
    const moves: ChainMove[] = [];
    for (const { chain, intervals, ends } of writing) {
      let previous = chain.previous;
      const chainFiles = files.get(placeKey(chain)) ?? [];
      for (const { start, end } of intervals) {
        const logFiles = chainFiles.filter((file) => file.deliveredAt >= start && file.deliveredAt < end);
        const signed = await this.signer.sign({
          scope: scopeOf(names, chain),
          startTime: start,
          endTime: end,
          previous,
          logFiles: logFiles.map(toDigestedLogFile),
        });
        digests.push({
          trailId,
          accountId: chain.accountId,
          region: chain.region,
          bucket: signed.bucket,
          key: signed.key,
          startTime: start,
          endTime: end,
          deliveredAt: now,
          logFiles: logFiles.length,
          body: signed.body,
          signature: signed.signature,
        });
        previous = signed.link;
      }
      moves.push({ chain, nextStart: intervals.at(-1)?.end ?? chain.nextStart, last: previous, ends });
    }
    const delivered = await this.destination.deliverDigests(em, chainWriter(trailId, names), digests);
    await this.chains.advance(em, names, moves);
    if (delivered) await this.state.recordDigestAttempt(em, trailId, { at: now });
    const capped = writing.some((s) => s.intervals.length === DIGESTS_PER_CHAIN && !s.ends);
    return { digests: digests.length, caughtUp: due.length < CHAINS_PER_BATCH && !capped };
  }

  private async flush(trailId: string): Promise<void> {
    await this.destination.flushDigests(trailId).catch((error: unknown) => this.failed(trailId, error));
  }

  /** A failed attempt: its error goes to GetTrailStatus; the run is retried with backoff, nothing lost. */
  private async failed(trailId: string, error: unknown): Promise<never> {
    if (error instanceof DeliveryFailure) {
      this.logger.warn({ trailId, reason: error.reason }, 'digest delivery failed; will retry');
      await this.tx.run((em) =>
        this.state.recordDigestAttempt(em, trailId, { at: this.clock.now(), error: error.reason }),
      );
    }
    throw error;
  }
}

function chainedTrailOf(trail: TrailRecord): ChainedTrail {
  return {
    arn: trail.arn,
    name: trail.name,
    homeRegion: trail.homeRegion,
    ownerAccountId: trail.ownerAccountId,
    organizationId: trail.settings.isOrganizationTrail ? trail.organizationId : null,
    bucket: trail.settings.s3BucketName,
    keyPrefix: trail.settings.s3KeyPrefix ?? null,
  };
}

function chainWriter(trailId: string, trail: ChainedTrail): TrailWriter {
  return {
    trailId,
    arn: trail.arn,
    partition: trail.arn.split(':')[1],
    ownerAccountId: trail.ownerAccountId,
    bucket: trail.bucket,
  };
}

function scopeOf(trail: ChainedTrail, chain: DigestChain): DigestScope {
  return {
    accountId: chain.accountId,
    region: chain.region,
    bucket: trail.bucket,
    keyPrefix: trail.keyPrefix,
    organizationId: trail.organizationId,
    trailName: trail.name,
    homeRegion: trail.homeRegion,
  };
}

function toDigestedLogFile(file: DeliveredLogFile): DigestedLogFile {
  return {
    bucket: file.bucket,
    key: file.key,
    sha256: file.sha256,
    newestEventTime: file.newestEventTime,
    oldestEventTime: file.oldestEventTime,
  };
}

function groupByPlace(files: readonly DeliveredLogFile[]): Map<string, DeliveredLogFile[]> {
  const byPlace = new Map<string, DeliveredLogFile[]>();
  for (const file of files) {
    const key = placeKey(file);
    const list = byPlace.get(key);
    if (list) list.push(file);
    else byPlace.set(key, [file]);
  }
  return byPlace;
}
