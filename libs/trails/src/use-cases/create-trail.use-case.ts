import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, isUniqueViolation, type RequestContext, TransactionRunner } from '@app/platform';
import { RegionRepository } from '@app/regions';
import { DEFAULT_EVENT_SELECTORS } from '../domain/event-selectors';
import { type CreateTrailInput } from '../domain/trail';
import { assertOrganizationTrailAllowed } from '../domain/trail-access';
import { formatTrailArn } from '../domain/trail-arn';
import { validateTrailName } from '../domain/trail-name';
import { assertRoomForTrail, regionsOccupiedBy } from '../domain/trail-quota';
import { type TrailRecord } from '../domain/trail-record';
import { planNewTrailSettings } from '../domain/trail-settings';
import { mergeTags, validateTags } from '../domain/trail-tags';
import { TrailAlreadyExistsError } from '../domain/trail.errors';
import { TrailRepository } from '../persistence/trail.repository';
import { logDestinationOf } from '../domain/trail-log-bucket';
import { TrailBucket } from '../services/trail-bucket';
import { TrailLocator } from '../services/trail-locator';
import { TrailPropagation } from '../services/trail-propagation';

/**
 * CreateTrail (§2.2) in the called Region. An organization trail is owned by the management
 * account even when a delegated administrator creates it. The name and the five-slot quota are
 * checked under advisory locks on (account, name) and (account, Region), so concurrent creators —
 * through any number of API processes — cannot both take the last slot or the same name. The
 * bucket must let CloudTrail write there (or be created so, with `createBucket`), in the same
 * transaction.
 */
@Injectable()
export class CreateTrailUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly regions: RegionRepository,
    private readonly locator: TrailLocator,
    private readonly propagation: TrailPropagation,
    private readonly bucket: TrailBucket,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: CreateTrailInput): Promise<TrailRecord> {
    validateTrailName(input.name);
    validateTags(input.tagsList ?? []);
    const tags = mergeTags([], input.tagsList ?? []);
    const settings = planNewTrailSettings(input, {
      partition: ctx.partition,
      region: ctx.region,
      accountId: ctx.accountId,
    });
    return this.tx.run(async (em) => {
      let ownerAccountId = ctx.accountId;
      let organizationId: string | null = null;
      if (settings.isOrganizationTrail) {
        const organization = await this.locator.organizationFacts(em, ctx.accountId);
        assertOrganizationTrailAllowed(ctx.accountId, organization);
        ownerAccountId = organization.managementAccountId;
        organizationId = organization.organizationId;
      }
      const enabled = await this.regions.enabledFor(em, ownerAccountId);
      const occupied = regionsOccupiedBy(
        { homeRegion: ctx.region, isMultiRegionTrail: settings.isMultiRegionTrail },
        enabled,
      );
      await this.trails.lockNameAndSlots(em, ownerAccountId, input.name, occupied);
      const { nameTaken, occupiedSlots } = await this.trails.nameAndOccupiedSlots(
        em,
        ownerAccountId,
        input.name,
        occupied,
      );
      if (nameTaken) throw new TrailAlreadyExistsError(input.name, ownerAccountId);
      assertRoomForTrail(ownerAccountId, occupiedSlots, occupied);
      const now = this.clock.now();
      const trail: TrailRecord = {
        id: randomUUID(),
        partition: ctx.partition,
        ownerAccountId,
        homeRegion: ctx.region,
        name: input.name,
        arn: formatTrailArn(ctx.partition, ctx.region, ownerAccountId, input.name),
        settings,
        organizationId,
        eventSelectors: { kind: 'basic', eventSelectors: DEFAULT_EVENT_SELECTORS },
        hasCustomEventSelectors: false,
        insightSelectors: [],
        tags,
        isLogging: false,
        startLoggingTime: null,
        stopLoggingTime: null,
        generation: 1,
        observedGeneration: 0,
        propagationError: null,
        createdAt: now,
        updatedAt: now,
      };
      const destination = logDestinationOf(trail);
      if (input.createBucket) await this.bucket.create(ctx, destination);
      await this.bucket.assertWritable(destination);
      try {
        await this.trails.insert(em, trail);
      } catch (error) {
        if (isUniqueViolation(error)) throw new TrailAlreadyExistsError(input.name, ownerAccountId);
        throw error;
      }
      await this.propagation.afterChange(em, undefined, trail);
      return trail;
    });
  }
}
