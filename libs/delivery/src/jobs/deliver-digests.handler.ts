import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler, JobName, JobOutcome, type JobPayloads, JobQueue } from '@app/platform';
import { TrailDigestDelivery } from '../services/trail-digest-delivery';

/** Writes one trail's due digests; a run that did not catch up chains the next one at once. */
@Injectable()
@HandlesJob()
export class DeliverDigestsHandler implements JobHandler<JobName.DeliverDigests> {
  readonly jobName = JobName.DeliverDigests;

  constructor(
    private readonly digests: TrailDigestDelivery,
    private readonly jobs: JobQueue,
  ) {}

  async handle(payload: JobPayloads[JobName.DeliverDigests]): Promise<JobOutcome> {
    const run = await this.digests.deliver(payload.trailId);
    if (!run.caughtUp) {
      await this.jobs.enqueue(JobName.DeliverDigests, { ...payload, part: (payload.part ?? 0) + 1 });
    }
    return run.digests > 0 ? JobOutcome.Done : JobOutcome.Skipped;
  }
}
