import { Injectable } from '@nestjs/common';
import { Clock, type RequestContext, TransactionRunner } from '@app/platform';
import { RegionRepository } from '@app/regions';
import { type UpdateTrailInput } from '../domain/trail';
import { assertMayConvertOrganizationTrail, assertOrganizationTrailAllowed } from '../domain/trail-access';
import { assertRoomForTrail, regionsGainedBy } from '../domain/trail-quota';
import { type TrailRecord } from '../domain/trail-record';
import { planUpdatedTrailSettings } from '../domain/trail-settings';
import { TrailAlreadyExistsError } from '../domain/trail.errors';
import { TrailRepository } from '../persistence/trail.repository';
import { logDestinationChanged, logDestinationOf } from '../domain/trail-log-bucket';
import { TrailBucket } from '../services/trail-bucket';
import { TrailLocator } from '../services/trail-locator';
import { TrailValidationPeriods } from '../services/trail-validation-periods';
import { TrailPropagation } from '../services/trail-propagation';

/**
 * UpdateTrail (§2.3): a partial update in the home Region. Converting to multi-Region checks the
 * name and the quota in every Region gained (decision 4); converting to or from an organization
 * trail is the management account's alone (decision 6). A new bucket, prefix or organization
 * segment must be writable by CloudTrail, as on CreateTrail. Replicas follow through propagation.
 */
@Injectable()
export class UpdateTrailUseCase {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly trails: TrailRepository,
    private readonly regions: RegionRepository,
    private readonly locator: TrailLocator,
    private readonly propagation: TrailPropagation,
    private readonly validationPeriods: TrailValidationPeriods,
    private readonly bucket: TrailBucket,
    private readonly clock: Clock,
  ) {}

  async execute(ctx: RequestContext, input: UpdateTrailInput): Promise<TrailRecord> {
    return this.tx.run(async (em) => {
      const trail = await this.locator.findForChange(em, ctx, input.name);
      const settings = planUpdatedTrailSettings(trail.settings, input, {
        partition: ctx.partition,
        region: ctx.region,
        accountId: ctx.accountId,
      });
      let organizationId = trail.organizationId;
      if (settings.isOrganizationTrail !== trail.settings.isOrganizationTrail) {
        const organization = await this.locator.organizationFacts(em, ctx.accountId);
        if (settings.isOrganizationTrail) {
          assertOrganizationTrailAllowed(ctx.accountId, organization);
          assertMayConvertOrganizationTrail(ctx.accountId, organization.managementAccountId);
          organizationId = organization.organizationId;
        } else {
          if (organization)
            assertMayConvertOrganizationTrail(ctx.accountId, organization.managementAccountId);
          organizationId = null;
        }
      }
      const enabled = await this.regions.enabledFor(em, trail.ownerAccountId);
      const gained = regionsGainedBy(
        { homeRegion: trail.homeRegion, isMultiRegionTrail: trail.settings.isMultiRegionTrail },
        { homeRegion: trail.homeRegion, isMultiRegionTrail: settings.isMultiRegionTrail },
        enabled,
      );
      if (gained.length > 0) {
        await this.trails.lockNameAndSlots(em, trail.ownerAccountId, trail.name, gained);
        const { nameTaken, occupiedSlots } = await this.trails.nameAndOccupiedSlots(
          em,
          trail.ownerAccountId,
          trail.name,
          gained,
          trail.id,
        );
        if (nameTaken) throw new TrailAlreadyExistsError(trail.name, trail.ownerAccountId);
        assertRoomForTrail(trail.ownerAccountId, occupiedSlots, gained);
      }
      const now = this.clock.now();
      const updated = await this.trails.update(em, trail, { settings, organizationId, propagate: true }, now);
      if (logDestinationChanged(trail, updated)) await this.bucket.assertWritable(logDestinationOf(updated));
      await this.propagation.afterChange(em, trail, updated);
      await this.validationPeriods.afterChange(em, trail, updated, now);
      return updated;
    });
  }
}
