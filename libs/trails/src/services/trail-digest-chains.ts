import { Injectable } from '@nestjs/common';
import { JobName, JobQueue } from '@app/platform';
import { type TrailRecord } from '../domain/trail-record';

/** A trail signs digests while it logs with log file validation enabled (delivery.md §4). */
function validates(trail: TrailRecord | undefined): boolean {
  return trail !== undefined && trail.isLogging && trail.settings.logFileValidationEnabled;
}

/**
 * Announces the end of a trail's digest chains (StopLogging, validation disabled, DeleteTrail) so
 * their final digests are delivered, with what they need of the trail, which may be gone by then.
 */
@Injectable()
export class TrailDigestChains {
  constructor(private readonly jobs: JobQueue) {}

  async afterChange(before: TrailRecord, after: TrailRecord | undefined, at: Date): Promise<void> {
    if (!validates(before) || validates(after)) return;
    await this.jobs.enqueue(JobName.DigestChainsEnded, {
      trail: {
        trailId: before.id,
        arn: before.arn,
        name: before.name,
        partition: before.partition,
        homeRegion: before.homeRegion,
        ownerAccountId: before.ownerAccountId,
        organizationId: before.settings.isOrganizationTrail ? before.organizationId : null,
        bucket: before.settings.s3BucketName,
        keyPrefix: before.settings.s3KeyPrefix ?? null,
      },
      at: at.toISOString(),
    });
  }
}
